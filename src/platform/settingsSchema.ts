// Validation of every setting the extension reads. Pure: the reader hands in raw values, gets back typed
// settings plus one problem per bad value (the reader turns problems into warnings).
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
  /** Compare with Live Zone and Verify in Live Zone: a TTL alone never makes a set differ. */
  compareIgnoreTtl: boolean;
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

// Plain checks rather than the schema library: settings are read during activation, and building zod
// schemas there cost more than the whole rest of activate() (npm run bench). Each check returns the value to
// use, or the reason it cannot be used.
type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T) => ({ ok: true as const, value });
const bad = (reason: string) => ({ ok: false as const, reason });

/** Text, trimmed; empty means unset (undefined). */
const optionalText =
  (refine?: (text: string) => string | undefined): Check<string | undefined> =>
  (value) => {
    if (typeof value !== 'string') return bad('expected text');
    const text = value.trim();
    if (text === '') return ok(undefined);
    const problem = refine?.(text);
    return problem === undefined ? ok(text) : bad(problem);
  };
const endpoint: Check<string | undefined> = (value) => {
  const text = optionalText()(value);
  if (!text.ok || text.value === undefined) return text;
  const checked = checkEndpoint(text.value);
  return checked.ok ? ok(checked.endpoint) : bad(checked.reason);
};
const proxy = optionalText((text) => {
  try {
    return /^(https?|socks[45h]?):$/.test(new URL(text).protocol) ? undefined : 'unsupported proxy scheme';
  } catch {
    return 'not a URL';
  }
});
const oneOf =
  <T extends string>(...values: T[]): Check<T> =>
  (value) =>
    values.includes(value as T) ? ok(value as T) : bad(`expected one of ${values.join(', ')}`);
const numberIn =
  (min: number, max: number, integer: boolean): Check<number> =>
  (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return bad('expected a number');
    if (integer && !Number.isInteger(value)) return bad('expected a whole number');
    return value < min || value > max ? bad(`expected ${min} to ${max}`) : ok(value);
  };
const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];
/** `{ "ttl-mixed": "off", … }`: an object whose every value is a severity or "off". */
const severities: Check<Record<string, LintSeveritySetting>> = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('expected an object of rule ids');
  const entries = Object.entries(value as Record<string, unknown>);
  const wrong = entries.find(([, v]) => typeof v !== 'string' || !SEVERITIES.includes(v));
  return wrong ? bad(`${wrong[0]}: expected error, warning, info or off`) : ok(Object.fromEntries(entries) as Record<string, LintSeveritySetting>);
};
const boolean: Check<boolean> = (value) => (typeof value === 'boolean' ? ok(value) : bad('expected true or false'));
const strings =
  (nonEmpty: boolean): Check<string[]> =>
  (value) =>
    Array.isArray(value) && value.every((v) => typeof v === 'string' && (!nonEmpty || v !== ''))
      ? ok([...(value as string[])])
      : bad(nonEmpty ? 'expected a list of non-empty strings' : 'expected a list of strings');

/** Each setting: full id, check, default. Declared once so defaults and validation cannot drift apart. */
const FIELDS = {
  site: ['huaweiDns.site', oneOf('intl', 'cn'), 'intl'],
  endpoint: ['huaweiDns.endpoint', endpoint, undefined],
  projectId: ['huaweiDns.projectId', optionalText((v) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? undefined : 'letters, digits, - and _ only')), undefined],
  requestTimeoutSeconds: ['huaweiDns.requestTimeoutSeconds', numberIn(1, 600, false), 30],
  maxRetries: ['huaweiDns.maxRetries', numberIn(0, 10, true), 3],
  pageSize: ['huaweiDns.pageSize', numberIn(1, 500, true), 500],
  pollIntervalSeconds: ['huaweiDns.pollIntervalSeconds', numberIn(1, 3600, false), 5],
  zoneFiles: ['huaweiDns.zoneFiles', strings(true), DEFAULT_ZONE_FILES],
  caFile: ['huaweiDns.caFile', optionalText(), undefined],
  showFailuresOnOpen: ['huaweiDns.showFailuresOnOpen', boolean, false],
  lintRules: ['huaweiDns.lint.rules', severities, {}],
  lintMinTtl: ['huaweiDns.lint.minTtl', numberIn(1, 2147483647, true), 1],
  compareIgnoreTtl: ['huaweiDns.compare.ignoreTtl', boolean, false],
  proxy: ['http.proxy', proxy, undefined],
  proxyStrictSSL: ['http.proxyStrictSSL', boolean, true],
  noProxy: ['http.noProxy', strings(false), [] as string[]],
} as const satisfies { [K in keyof ExtensionSettings]-?: readonly [string, Check<ExtensionSettings[K]>, ExtensionSettings[K]] };

/** Settings a workspace may only set once trusted (package.json restrictedConfigurations). */
export const RESTRICTED_SETTINGS: readonly string[] = ['huaweiDns.endpoint', 'huaweiDns.caFile'];

/**
 * The raw value to validate: in an untrusted workspace a restricted setting comes only from the user's own
 * settings, so a cloned repository cannot redirect signed requests or swap the trusted CAs. Reads only the
 * one of `value`'s two fields it uses (the reader passes getters: each is a walk of the configuration).
 */
export function effectiveRaw(id: string, trusted: boolean, value: { effective: unknown; user: unknown }): unknown {
  return !trusted && RESTRICTED_SETTINGS.includes(id) ? value.user : value.effective;
}

/** Every setting id the reader must watch. */
export const WATCHED_SETTINGS: readonly string[] = Object.values(FIELDS).map(([id]) => id);

export function parseSettings(raw: RawSettings): { settings: ExtensionSettings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, [id, check, fallback]] of Object.entries(FIELDS) as [string, readonly [string, Check<unknown>, unknown]][]) {
    const value = raw[id];
    if (value === undefined || value === null) {
      out[key] = Array.isArray(fallback) ? [...(fallback as unknown[])] : fallback;
      continue;
    }
    const checked = check(value);
    if (checked.ok) {
      out[key] = checked.value;
    } else {
      problems.push({ setting: id, reason: checked.reason });
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
