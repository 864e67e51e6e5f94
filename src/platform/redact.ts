// Error text for the log. Secret scrubbing itself is src/core/redact.ts (one implementation, shared with the
// client's errors); the logger adds the secrets of the session on top of those the client registered.
export { redact, REDACTED } from '../core/redact';

/** One line describing an error for the log: name, code, status, request id, message, then the cause chain. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const e = current as Error & { code?: unknown; status?: unknown; requestId?: unknown };
    const tags = [
      typeof e.code === 'string' ? e.code : undefined,
      typeof e.status === 'number' ? `HTTP ${e.status}` : undefined,
      typeof e.requestId === 'string' ? `request id ${e.requestId}` : undefined,
    ].filter(Boolean);
    parts.push(`${e.name}${tags.length ? ` [${tags.join(', ')}]` : ''}: ${e.message}`);
    current = e.cause;
  }
  return parts.join(' <- caused by ');
}
