// Sites and endpoints as the sign-in UI and status bar need them, over src/core/sites. Pure (unit-tested).
import { dnsEndpoint, isLoopbackHost, regionOfEndpoint, type Site } from '../core/sites';

export { dnsEndpoint as endpointForSite, regionOfEndpoint, type Site };

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

/**
 * Checks a custom endpoint: https anywhere, plain http only on loopback (signed requests must not travel in
 * clear text). Returns the normalised URL (no trailing slash) or a reason the user can act on.
 */
export function checkEndpoint(value: string): { ok: true; endpoint: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must start with https://' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, reason: 'plain http:// is allowed only for loopback addresses' };
  }
  if (url.username || url.password) return { ok: false, reason: 'must not contain a user name or password' };
  if (url.search || url.hash) return { ok: false, reason: 'must not contain a query or fragment' };
  return { ok: true, endpoint: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
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
