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

/** Removes known secrets and anything shaped like a credential from text. */
export function redact(text: string, extraSecrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const secrets = [...knownSecrets.keys(), ...extraSecrets.filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH)];
  // Longest first so a secret containing another is removed whole.
  secrets.sort((a, b) => b.length - a.length);
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}

/** Headers safe to log: credential headers replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = /^(authorization|x-security-token)$/i.test(name) ? REDACTED : redact(value);
  }
  return out;
}
