// Which proxy (if any) a URL goes through: VS Code's http.proxy / http.noProxy first, then the environment.
import { isLoopbackHost } from './sites';

export interface ProxySettings {
  proxy?: string;
  noProxy?: readonly string[];
}

type Env = Record<string, string | undefined>;

function envValue(env: Env, name: string): string | undefined {
  const v = env[name] ?? env[name.toLowerCase()];
  return v && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * An entry's host and port: `[v6]:port` and `[v6]` (the address as the URL parser writes it, so `2001:DB8:0::1`
 * matches `[2001:db8::1]`), a bare IPv6 address (more than one colon: never a port), `host:port`, `host`.
 */
function splitEntry(entry: string): { name: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const v6 = bracketed?.[1] ?? (entry.indexOf(':') !== entry.lastIndexOf(':') ? entry : undefined);
  if (v6 !== undefined) {
    const port = bracketed?.[2];
    return { name: canonicalIpv6(v6), ...(port === undefined ? {} : { port }) };
  }
  const m = /^(.*):(\d+)$/.exec(entry);
  return m ? { name: m[1]!, port: m[2]! } : { name: entry };
}

function canonicalIpv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address;
  }
}

/** NO_PROXY syntax: `*`, `host`, `.domain`, `*.domain`, `host:port`, IPv6 bare or in brackets, comma or space separated. */
export function matchesNoProxy(url: URL, entries: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name: entryName, port: entryPort } = splitEntry(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    const name = entryName.replace(/^\*?\./, '.');
    if (name.startsWith('.') ? host.endsWith(name) || host === name.slice(1) : host === name || host.endsWith('.' + name)) return true;
  }
  return false;
}

/** The proxy URL for `url`, or undefined to connect directly. Loopback never goes through a proxy. */
export function proxyFor(url: URL, settings: ProxySettings = {}, env: Env = process.env): string | undefined {
  if (isLoopbackHost(url.hostname)) return undefined;
  const noProxy = [...(settings.noProxy ?? []), ...(envValue(env, 'NO_PROXY') ?? '').split(/[\s,]+/)];
  if (matchesNoProxy(url, noProxy)) return undefined;
  if (settings.proxy && settings.proxy.trim() !== '') return settings.proxy.trim();
  const httpProxy = envValue(env, 'HTTP_PROXY');
  return url.protocol === 'https:' ? (envValue(env, 'HTTPS_PROXY') ?? httpProxy) : httpProxy;
}
