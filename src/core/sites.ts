// The vendor's sites and endpoints, and the rules for a custom one. Public zones are global, so batch tasks
// live in one region per site. Pure.

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

export function isSite(value: unknown): value is Site {
  return value === 'intl' || value === 'cn';
}

/** True for an http(s) URL whose host is a loopback address (tests, the sandbox). */
export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

export type EndpointCheck = { ok: true; endpoint: string } | { ok: false; reason: string; insecure: boolean };

/**
 * The one check of an endpoint, for the sign-in form, the settings and the client: https anywhere, plain http
 * only on loopback (signed requests must not travel in clear text), no credentials, query or fragment.
 * Returns the normalised URL (origin plus path prefix, no trailing slash) or a reason the user can act on.
 */
export function checkEndpoint(value: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, reason: 'not a URL', insecure: false };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must start with https://', insecure: true };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, reason: 'plain http:// is allowed only for loopback addresses', insecure: true };
  }
  if (url.username || url.password) return { ok: false, reason: 'must not contain a user name or password', insecure: false };
  if (url.search || url.hash) return { ok: false, reason: 'must not contain a query or fragment', insecure: false };
  return { ok: true, endpoint: endpointPart(url) };
}

/**
 * The endpoint a URL names: scheme, host and path prefix without a trailing slash. It is also all of an
 * endpoint an error may quote, since a user name, password, query or fragment can hold a secret.
 */
export function endpointPart(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The site a vendor endpoint belongs to, else undefined (a custom endpoint). */
export function siteOfEndpoint(endpoint: string): Site | undefined {
  const trimmed = endpoint.replace(/\/+$/, '');
  return (['intl', 'cn'] as const).find((site) => dnsEndpoint(site) === trimmed);
}

/** Short label for the status bar: "intl", "cn" or the custom endpoint's host. */
export function labelForEndpoint(endpoint: string): string {
  const site = siteOfEndpoint(endpoint);
  if (site) return site;
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

/** "HPUA…7Q2K": enough to recognise a key, not enough to use it. Short keys show only their length. */
export function maskAccessKey(accessKey: string): string {
  if (accessKey.length < 12) return '•'.repeat(Math.max(4, accessKey.length));
  return `${accessKey.slice(0, 4)}…${accessKey.slice(-4)}`;
}
