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

/** NO_PROXY syntax: `*`, `host`, `.domain`, `*.domain`, `host:port`, comma or space separated. */
export function matchesNoProxy(url: URL, entries: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    let name = entry;
    let entryPort: string | undefined;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.startsWith('[') ? entry.replace(/^\[([^\]]+)\]/, '$1') : entry);
    if (m && m[2] !== undefined && !entry.includes('::')) {
      name = m[1] ?? entry;
      entryPort = m[2];
    }
    if (entryPort !== undefined && entryPort !== port) continue;
    name = name.replace(/^\*?\./, '.');
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
