// Validation of every setting the extension reads. Pure: the reader hands in raw values, gets back typed
// settings plus one problem per bad value (the reader turns problems into warnings).
import * as z from 'zod';
import { checkEndpoint, type Site } from '../core/sites';

export type { Site };

export interface ExtensionSettings {
  site: Site;
  /** Custom endpoint override, normalised; undefined when empty or ignored (untrusted workspace). */
  endpoint?: string;
  projectId?: string;
  requestTimeoutSeconds: number;
  maxRetries: number;
  pageSize: number;
  pollIntervalSeconds: number;
  zoneFiles: string[];
  caFile?: string;
  showFailuresOnOpen: boolean;
  /** Severity per pre-flight rule id as the user set it (`off` turns a rule off); unset rules keep their own. */
  lintRules: Record<string, LintSeveritySetting>;
  /** Lowest TTL the account accepts (the `ttl-range` rule). */
  lintMinTtl: number;
  /** From VS Code's http.* settings. */
  proxy?: string;
  proxyStrictSSL: boolean;
  noProxy: string[];
}

/** Raw values by full setting id ("huaweiDns.site", "http.proxy", …); undefined = not set. */
export type RawSettings = Readonly<Record<string, unknown>>;

export interface SettingProblem {
  /** Full setting id, e.g. "huaweiDns.pageSize". */
  setting: string;
  /** Short reason, English (logged); the reader words the user-facing warning. */
  reason: string;
}

export type LintSeveritySetting = 'error' | 'warning' | 'info' | 'off';

export const DEFAULT_ZONE_FILES = ['**/*.zone', '**/*.db', '**/db.*', '**/*.signed', '**/*.arpa'];

const optionalText = z.string().transform((s) => s.trim() || undefined);
const endpoint = optionalText.superRefine((value, ctx) => {
  if (value === undefined) return;
  const checked = checkEndpoint(value);
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.reason });
}).transform((value) => {
  if (value === undefined) return undefined;
  const checked = checkEndpoint(value);
  return checked.ok ? checked.endpoint : undefined;
});
const proxy = optionalText.superRefine((value, ctx) => {
  if (value === undefined) return;
  try {
    const url = new URL(value);
    if (!/^(https?|socks[45h]?):$/.test(url.protocol)) ctx.addIssue({ code: 'custom', message: 'unsupported proxy scheme' });
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a URL' });
  }
});

/** Each setting: full id, schema, default. Declared once so defaults and validation cannot drift apart. */
const FIELDS = {
  site: ['huaweiDns.site', z.enum(['intl', 'cn']), 'intl'],
  endpoint: ['huaweiDns.endpoint', endpoint, undefined],
  projectId: ['huaweiDns.projectId', optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,64}$/.test(v), 'letters, digits, - and _ only'), undefined],
  requestTimeoutSeconds: ['huaweiDns.requestTimeoutSeconds', z.number().finite().min(1).max(600), 30],
  maxRetries: ['huaweiDns.maxRetries', z.number().int().min(0).max(10), 3],
  pageSize: ['huaweiDns.pageSize', z.number().int().min(1).max(500), 500],
  pollIntervalSeconds: ['huaweiDns.pollIntervalSeconds', z.number().finite().min(1).max(3600), 5],
  zoneFiles: ['huaweiDns.zoneFiles', z.array(z.string().min(1)), DEFAULT_ZONE_FILES],
  caFile: ['huaweiDns.caFile', optionalText, undefined],
  showFailuresOnOpen: ['huaweiDns.showFailuresOnOpen', z.boolean(), false],
  lintRules: ['huaweiDns.lint.rules', z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])), {}],
  lintMinTtl: ['huaweiDns.lint.minTtl', z.number().int().min(1).max(2147483647), 1],
  proxy: ['http.proxy', proxy, undefined],
  proxyStrictSSL: ['http.proxyStrictSSL', z.boolean(), true],
  noProxy: ['http.noProxy', z.array(z.string()), [] as string[]],
} as const satisfies { [K in keyof ExtensionSettings]-?: readonly [string, z.ZodType, unknown] };

/** Settings a workspace may only set once trusted (package.json restrictedConfigurations). */
export const RESTRICTED_SETTINGS: readonly string[] = ['huaweiDns.endpoint', 'huaweiDns.caFile'];

/**
 * The raw value to validate: in an untrusted workspace a restricted setting comes only from the user's own
 * settings, so a cloned repository cannot redirect signed requests or swap the trusted CAs.
 */
export function effectiveRaw(id: string, trusted: boolean, value: { effective: unknown; user: unknown }): unknown {
  return !trusted && RESTRICTED_SETTINGS.includes(id) ? value.user : value.effective;
}

/** Every setting id the reader must watch. */
export const WATCHED_SETTINGS: readonly string[] = Object.values(FIELDS).map(([id]) => id);

export function parseSettings(raw: RawSettings): { settings: ExtensionSettings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, [id, schema, fallback]] of Object.entries(FIELDS) as [string, readonly [string, z.ZodType, unknown]][]) {
    const value = raw[id];
    if (value === undefined || value === null) {
      out[key] = Array.isArray(fallback) ? [...(fallback as unknown[])] : fallback;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      problems.push({ setting: id, reason: parsed.error.issues[0]?.message ?? 'invalid value' });
      out[key] = Array.isArray(fallback) ? [...(fallback as unknown[])] : fallback;
    }
  }
  // Optional keys stay absent rather than present-but-undefined, so spreading settings stays clean.
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return { settings: out as unknown as ExtensionSettings, problems };
}

/** The fields that change how the client is built (a change to any of them rebuilds it). */
export const CLIENT_FIELDS = ['endpoint', 'projectId', 'requestTimeoutSeconds', 'maxRetries', 'caFile', 'proxy', 'proxyStrictSSL', 'noProxy'] as const;

export function clientSettingsChanged(a: ExtensionSettings, b: ExtensionSettings): boolean {
  return CLIENT_FIELDS.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
