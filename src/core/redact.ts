// Scrubbing secrets out of anything that may end up in an error, a log line or a stack.

export const REDACTED = '[REDACTED]';

// Secrets of live clients; errors built anywhere in the process scrub them. Registered by createDnsClient,
// released on close(). Counted, because two clients may share one key.
const knownSecrets = new Map<string, number>();
const MIN_SECRET_LENGTH = 6;

export function registerSecret(secret: string | undefined): void {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return;
  knownSecrets.set(secret, (knownSecrets.get(secret) ?? 0) + 1);
}

export function releaseSecret(secret: string | undefined): void {
  if (!secret) return;
  const n = knownSecrets.get(secret);
  if (n === undefined) return;
  if (n <= 1) knownSecrets.delete(secret);
  else knownSecrets.set(secret, n - 1);
}

const PATTERNS: [RegExp, string][] = [
  // Header lines / JSON fields / query params that carry credentials, whatever the case or separator.
  [/(authorization|x-security-token|security[_-]?token|secret[_-]?(?:access[_-]?)?key|\bsk)(["']?\s*[:=]\s*["']?)[^"'\s,;&}]+/gi, `$1$2${REDACTED}`],
  // The signature part of an SDK-HMAC-SHA256 header quoted anywhere.
  [/(Signature=)[0-9a-fA-F]{16,}/g, `$1${REDACTED}`],
];

// A secret echoed back may be percent-encoded (a query string, a signed URL) or JSON-escaped (a JSON body):
// each character other than a letter or digit may appear as itself, as %XX of its UTF-8 bytes in either case,
// as \uXXXX, or (for / " \) backslash-escaped. One regular expression per secret finds all of those forms.
const encodedForms = new Map<string, RegExp | null>();
const MAX_CACHED_FORMS = 64;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A literal backslash in a regular expression's source. */
const BACKSLASH = '\\\\';

/** Hex digits matching either case: `2f` -> `2[fF]`. */
function anyCaseHex(hex: string): string {
  return hex.replace(/[a-f]/g, (h) => `[${h}${h.toUpperCase()}]`);
}

function formsOf(ch: string): string {
  if (/^[A-Za-z0-9]$/.test(ch)) return ch;
  const alternatives = [escapeRegExp(ch)];
  alternatives.push(anyCaseHex(Array.from(new TextEncoder().encode(ch), (b) => `%${b.toString(16).padStart(2, '0')}`).join('')));
  const code = ch.codePointAt(0) ?? 0;
  if (code <= 0xffff) alternatives.push(`${BACKSLASH}u${anyCaseHex(code.toString(16).padStart(4, '0'))}`);
  if (ch === '/' || ch === '"' || ch === '\\') alternatives.push(BACKSLASH + escapeRegExp(ch));
  return `(?:${alternatives.join('|')})`;
}

/** The regular expression for a secret's encoded forms; null when it has none (letters and digits only). */
function encodedFormsOf(secret: string): RegExp | null {
  const cached = encodedForms.get(secret);
  if (cached !== undefined) return cached;
  const re = /^[A-Za-z0-9]*$/.test(secret) ? null : new RegExp(Array.from(secret, formsOf).join(''), 'g');
  if (encodedForms.size >= MAX_CACHED_FORMS) encodedForms.delete(encodedForms.keys().next().value as string);
  encodedForms.set(secret, re);
  return re;
}

/**
 * Removes known secrets (also percent-encoded or JSON-escaped) and anything shaped like a credential from
 * text. Redact before cutting text short: a cut secret is no longer recognised.
 */
export function redact(text: string, extraSecrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const secrets = [...knownSecrets.keys(), ...extraSecrets.filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH)];
  // Longest first so a secret containing another is removed whole.
  secrets.sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    out = out.split(secret).join(REDACTED);
    const forms = encodedFormsOf(secret);
    if (forms) out = out.replace(forms, REDACTED);
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}

/**
 * At most `max` characters of `text`, redacted before it is cut (a secret cut in half is no longer
 * recognised). Only a window past `max` is scanned, so a 32 MiB body costs little. The window's own cut may
 * halve a secret too; that piece stays out of sight while the redacted window still reaches REDACT_WINDOW
 * past `max`. When redaction shrank it more (a body echoing a secret again and again), the window doubles.
 */
export function redactAndCut(text: string, max: number, ellipsis = '…'): string {
  let end = max + REDACT_WINDOW;
  let clean = redact(text.slice(0, end));
  while (end < text.length && clean.length < max + REDACT_WINDOW) {
    end *= 2;
    clean = redact(text.slice(0, end));
  }
  return clean.length > max ? clean.slice(0, max) + ellipsis : clean;
}

/** Longer than any secret we hold (security tokens are a few KiB). */
const REDACT_WINDOW = 16 * 1024;

/**
 * Headers whose whole value is a credential: the request signature, a proxy's user:password (Basic, from a proxy
 * URL), the temporary credential's token, and Huawei IAM's token headers.
 */
const CREDENTIAL_HEADER_RE = /^(?:authorization|proxy-authorization|x-security-token|x-auth-token|x-subject-token)$/i;

/** Headers safe to log: credential headers replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = CREDENTIAL_HEADER_RE.test(name) ? REDACTED : redact(value);
  }
  return out;
}
