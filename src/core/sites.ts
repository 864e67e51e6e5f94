// The vendor's sites and endpoints. Public zones are global, so batch tasks live in one region per site.

export type Site = 'intl' | 'cn';

export const SITES: Readonly<Record<Site, { readonly region: string }>> = {
  intl: { region: 'ap-southeast-3' },
  cn: { region: 'cn-north-4' },
};

export function dnsEndpoint(site: Site): string {
  return `https://dns.${SITES[site].region}.myhuaweicloud.com`;
}

export function iamEndpoint(region: string): string {
  return `https://iam.${region}.myhuaweicloud.com`;
}

const VENDOR_HOST_RE = /^(?:dns|iam)\.([a-z]{2}(?:-[a-z]+)+-\d+)\.myhuaweicloud\.(?:com|cn|eu)$/;

/** The region of a vendor endpoint (`https://dns.<region>.myhuaweicloud.com`); undefined for anything custom. */
export function regionOfEndpoint(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return VENDOR_HOST_RE.exec(parsed.hostname.toLowerCase())?.[1];
}

/**
 * `localhost`, 127.0.0.0/8 and ::1 (also as the IPv4-mapped ::ffff:127.x.y.z): the only hosts plain http may
 * be used with, and the only ones that skip the proxy. Literal addresses only, and `localhost` itself: a name
 * such as `foo.localhost` or `localhost.` is looked up in DNS on many systems, so it may be anywhere.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  // WHATWG URL writes [::ffff:127.0.0.1] as [::ffff:7f00:1].
  if (/^(?:0{1,4}:){0,5}:?:ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(h)) return true;
  const v4 = /^(?:::ffff:)?(127)\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(2).every((octet) => Number(octet) <= 255);
}
