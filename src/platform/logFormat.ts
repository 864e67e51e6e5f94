// How requests and errors read in the log. Pure. Secret scrubbing itself is src/core/redact.ts (one
// implementation, shared with the client's errors); the logger adds the session's secrets on top.
import type { RequestLogEntry } from '../core/types';

export { redact } from '../core/redact';

/** A line for one request attempt: method, path, status, request id, duration. Never headers or bodies. */
export function formatRequest(entry: RequestLogEntry): string {
  const outcome = entry.status !== undefined ? String(entry.status) : `failed${entry.error ? ` (${entry.error})` : ''}`;
  const retry = entry.attempt > 1 ? ` attempt ${entry.attempt}` : '';
  const requestId = entry.requestId ? ` request-id=${entry.requestId}` : '';
  return `${entry.method} ${entry.path} -> ${outcome}${requestId} ${Math.round(entry.durationMs)} ms${retry}`;
}

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
