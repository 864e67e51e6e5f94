// One error family for everything the client throws: a person-actionable message, the HTTP status, the vendor's
// code and the request id (users paste it into support tickets). Secrets are scrubbed here, at construction, so
// neither the message, the stack nor toJSON() can ever carry them.
import { redact, redactAndCut } from './redact';

const BRAND = Symbol.for('dns-batch-tasks.ApiError');

export interface ApiErrorDetails {
  status?: number;
  code?: string;
  requestId?: string;
  cause?: unknown;
  retryable?: boolean;
}

/** " (HTTP 404, DNS.0004, request id abc)" — the identifiers support asks for, in one place. */
export function describeIds(details: { status?: number; code?: string; requestId?: string }): string {
  const parts: string[] = [];
  if (details.status !== undefined) parts.push(`HTTP ${details.status}`);
  if (details.code) parts.push(details.code);
  if (details.requestId) parts.push(`request id ${details.requestId}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  /** Whether trying the same request again may succeed. */
  readonly retryable: boolean;
  readonly [BRAND] = true;

  constructor(message: string, details: ApiErrorDetails = {}) {
    super(redact(message), details.cause === undefined ? undefined : { cause: sanitizeCause(details.cause) });
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = redact(details.code);
    if (details.requestId !== undefined) this.requestId = redact(details.requestId);
    this.retryable = details.retryable ?? false;
  }

  /** Plain data for logs and "Copy Details"; no cause objects, nothing secret. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message, retryable: this.retryable };
    if (this.status !== undefined) out.status = this.status;
    if (this.code !== undefined) out.code = this.code;
    if (this.requestId !== undefined) out.requestId = this.requestId;
    const cause = (this as { cause?: unknown }).cause;
    if (cause instanceof Error) out.cause = { name: cause.name, message: cause.message, code: (cause as { code?: unknown }).code };
    return out;
  }
}

/**
 * Causes come from undici and Node; their messages can quote what we sent. Keep name, code and a scrubbed
 * message and stack, not the original object (which may hold the request's headers).
 */
function sanitizeCause(cause: unknown): unknown {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? redact(cause) : undefined;
  const copy = new Error(redact(cause.message));
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string') (copy as Error & { code?: string }).code = code;
  copy.stack = cause.stack === undefined ? undefined : redact(cause.stack);
  return copy;
}

export class AuthError extends ApiError {
  override readonly name = 'AuthError' as const;
  /** The IAM action the request needed, when the answer was "permission denied". */
  readonly action?: string;
  constructor(message: string, details: ApiErrorDetails & { action?: string } = {}) {
    super(message, { ...details, retryable: false });
    if (details.action !== undefined) this.action = details.action;
  }
}

export class ClockSkewError extends ApiError {
  override readonly name = 'ClockSkewError' as const;
  /** Local clock minus the gateway's, when the answer had a Date header. */
  readonly skewMs?: number;
  constructor(details: ApiErrorDetails & { skewMs?: number } = {}) {
    super(
      `The gateway rejected the request time: signed requests must be within 15 minutes of its clock; check the system clock.${describeSkew(details.skewMs)}${describeIds(details)}`,
      { ...details, retryable: false },
    );
    if (details.skewMs !== undefined) this.skewMs = details.skewMs;
  }
}

/**
 * The Date header has whole seconds, so a difference under one second says nothing about which clock is ahead:
 * naming a direction ("0 ms behind") would send the person to fix a clock that is right.
 */
function describeSkew(skewMs: number | undefined): string {
  if (skewMs === undefined) return '';
  if (Math.abs(skewMs) < 1000) return " Your clock and the gateway's agree to within a second (by its Date header).";
  return ` Your clock is ${formatDuration(Math.abs(skewMs))} ${skewMs > 0 ? 'ahead of' : 'behind'} the gateway.`;
}

export class ThrottledError extends ApiError {
  override readonly name = 'ThrottledError' as const;
  /** How long the gateway asked us to wait (Retry-After), or our own back-off. */
  readonly retryAfterMs?: number;
  constructor(details: ApiErrorDetails & { retryAfterMs?: number; attempts?: number } = {}) {
    const when = details.retryAfterMs === undefined ? 'Try again in a moment.' : `Try again in ${formatDuration(details.retryAfterMs)}.`;
    const tried = details.attempts && details.attempts > 1 ? ` Gave up after ${details.attempts} attempts.` : '';
    super(`Too many requests: the API gateway is throttling this account.${tried} ${when}${describeIds(details)}`, {
      ...details,
      retryable: true,
    });
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError' as const;
  readonly taskId?: string;
  constructor(details: ApiErrorDetails & { taskId?: string; region?: string; what?: string } = {}) {
    const where = details.region ? ` in region ${details.region}` : ' at this endpoint';
    const message = details.taskId
      ? `No task with id ${details.taskId}${where}: wrong site? Tasks are only visible in the region that ran them.`
      : `${details.what ?? 'The resource'} was not found${where}.`;
    super(message + describeIds(details), { ...details, retryable: false });
    if (details.taskId !== undefined) this.taskId = details.taskId;
  }
}

export class NetworkError extends ApiError {
  override readonly name = 'NetworkError' as const;
  /** The system or undici error code: ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET, CERT_HAS_EXPIRED, … */
  readonly causeCode?: string;
  constructor(message: string, details: ApiErrorDetails & { causeCode?: string } = {}) {
    super(message, { retryable: true, ...details });
    if (details.causeCode !== undefined) this.causeCode = details.causeCode;
  }
}

export class TimeoutError extends ApiError {
  override readonly name = 'TimeoutError' as const;
  readonly phase: 'connect' | 'headers' | 'body' | 'request';
  readonly timeoutMs?: number;
  constructor(phase: TimeoutError['phase'], details: ApiErrorDetails & { timeoutMs?: number; host?: string } = {}) {
    const what = { connect: 'connecting to', headers: 'waiting for an answer from', body: 'reading the answer from', request: 'waiting for' }[phase];
    const limit = details.timeoutMs === undefined ? '' : ` after ${formatDuration(details.timeoutMs)}`;
    super(
      `Timed out ${what} ${details.host ?? 'the API'}${limit}. Check the network or proxy, or raise huaweiDns.requestTimeoutSeconds.${describeIds(details)}`,
      { retryable: true, ...details },
    );
    this.phase = phase;
    if (details.timeoutMs !== undefined) this.timeoutMs = details.timeoutMs;
  }
}

export class CancelledError extends ApiError {
  override readonly name = 'CancelledError' as const;
  constructor(message = 'The request was cancelled.', details: ApiErrorDetails = {}) {
    super(message, { ...details, retryable: false });
  }
}

export class ResponseShapeError extends ApiError {
  override readonly name = 'ResponseShapeError' as const;
  /** The offending field as a path, e.g. `tasks[0].error_items[3].item`; `(body)` when not JSON at all. */
  readonly field: string;
  readonly bodySnippet: string;
  constructor(field: string, problem: string, body: string, details: ApiErrorDetails = {}) {
    const snippet = quoteBody(body);
    super(`Unexpected answer from the API: ${field} ${problem}. Body starts: ${snippet}${describeIds(details)}`, {
      ...details,
      retryable: false,
    });
    this.field = field;
    this.bodySnippet = redact(snippet);
  }
}

export class ResponseTooLargeError extends ApiError {
  override readonly name = 'ResponseTooLargeError' as const;
  readonly limitBytes: number;
  constructor(limitBytes: number, details: ApiErrorDetails = {}) {
    super(
      `The answer was larger than ${formatBytes(limitBytes)} and was cut off. Ask for smaller pages (huaweiDns.pageSize).${describeIds(details)}`,
      { ...details, retryable: false },
    );
    this.limitBytes = limitBytes;
  }
}

/** Load All (or anything that wants every item at once) of a task with more failed items than it keeps. */
export class TooManyItemsError extends ApiError {
  override readonly name = 'TooManyItemsError' as const;
  readonly total: number;
  readonly limit: number;
  constructor(total: number, limit: number, details: ApiErrorDetails = {}) {
    super(
      `The server reports ${total.toLocaleString('en-US')} failed items for this task, more than the ${limit.toLocaleString('en-US')} that can be loaded at once. Page through them instead.${describeIds(details)}`,
      { ...details, retryable: false },
    );
    this.total = total;
    this.limit = limit;
  }
}

export class InsecureEndpointError extends ApiError {
  override readonly name = 'InsecureEndpointError' as const;
  constructor(endpoint: string, reason?: string) {
    super(
      reason ??
        `Refusing to send signed requests to ${safeUrl(endpoint)}: use https:// (plain http:// is only allowed to this computer, e.g. http://127.0.0.1).`,
      { retryable: false },
    );
  }
}

export class InvalidTaskIdError extends ApiError {
  override readonly name = 'InvalidTaskIdError' as const;
  constructor(taskId: unknown) {
    const shown = typeof taskId === 'string' ? JSON.stringify(taskId.length > 80 ? taskId.slice(0, 80) + '…' : taskId) : typeof taskId;
    super(`${shown} is not a batch task id: ids are letters, digits, '-' and '_' (the console shows 32 hex characters), at most 64.`, {
      retryable: false,
    });
  }
}

export class InvalidZoneIdError extends ApiError {
  override readonly name = 'InvalidZoneIdError' as const;
  constructor(zoneId: unknown) {
    const shown = typeof zoneId === 'string' ? JSON.stringify(zoneId.length > 80 ? zoneId.slice(0, 80) + '…' : zoneId) : typeof zoneId;
    super(`${shown} is not a zone id: ids are letters, digits, '-' and '_', at most 64.`, { retryable: false });
  }
}

export class ServerError extends ApiError {
  override readonly name = 'ServerError' as const;
  constructor(details: ApiErrorDetails & { status: number; detail?: string }) {
    const retryable = details.retryable ?? [500, 502, 503, 504].includes(details.status);
    const ids = details.requestId ? ` (request id ${details.requestId})` : '';
    const code = details.code ? ` ${details.code}` : '';
    const detail = details.detail ? `: ${details.detail}` : '';
    super(`HTTP ${details.status}${code} from the gateway${ids}${detail}`, { ...details, retryable });
  }
}

/**
 * A write whose answer was lost (timeout, reset after the body was sent, a 5xx, a 2xx we could not read): the
 * service may have acted on it. Never retried; the caller checks what happened (tasks created since `sentAt`)
 * before offering to send again.
 */
export class WriteOutcomeUnknownError extends ApiError {
  override readonly name = 'WriteOutcomeUnknownError' as const;
  /** When the uncertain attempt started, by this computer's clock. */
  readonly sentAt: Date;
  constructor(details: ApiErrorDetails & { sentAt: Date; what: string; reason: string }) {
    super(
      `No clear answer to the request to ${details.what} (${details.reason}): the task may have been created. ` +
        `Check the tasks created since ${details.sentAt.toISOString()} before sending again.${describeIds(details)}`,
      { ...details, retryable: false },
    );
    this.sentAt = new Date(details.sentAt.getTime());
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), sentAt: this.sentAt.toISOString() };
  }
}

export function isApiError(value: unknown): value is ApiError {
  // Brand rather than instanceof: tests and the bundle may load two copies of this module.
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

function guard<T extends ApiError>(name: T['name']): (value: unknown) => value is T {
  return (value: unknown): value is T => isApiError(value) && value.name === name;
}
export const isAuthError = guard<AuthError>('AuthError');
export const isClockSkewError = guard<ClockSkewError>('ClockSkewError');
export const isThrottledError = guard<ThrottledError>('ThrottledError');
export const isNotFoundError = guard<NotFoundError>('NotFoundError');
export const isNetworkError = guard<NetworkError>('NetworkError');
export const isTimeoutError = guard<TimeoutError>('TimeoutError');
export const isCancelledError = guard<CancelledError>('CancelledError');
export const isResponseShapeError = guard<ResponseShapeError>('ResponseShapeError');
export const isResponseTooLargeError = guard<ResponseTooLargeError>('ResponseTooLargeError');
export const isInsecureEndpointError = guard<InsecureEndpointError>('InsecureEndpointError');
export const isInvalidTaskIdError = guard<InvalidTaskIdError>('InvalidTaskIdError');
export const isServerError = guard<ServerError>('ServerError');
export const isTooManyItemsError = guard<TooManyItemsError>('TooManyItemsError');
export const isWriteOutcomeUnknownError = guard<WriteOutcomeUnknownError>('WriteOutcomeUnknownError');
export const isInvalidZoneIdError = guard<InvalidZoneIdError>('InvalidZoneIdError');

/** At most 200 characters of a body, JSON-quoted so control characters and HTML stay inert. */
export function quoteBody(body: string, max = 200): string {
  if (body.length === 0) return '(empty)';
  return JSON.stringify(redactAndCut(body, max));
}

function safeUrl(endpoint: string): string {
  try {
    const u = new URL(endpoint);
    return `${u.protocol}//${u.host}`;
  } catch {
    return JSON.stringify(endpoint.slice(0, 100));
  }
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 120) return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
  return `${Math.round(s / 60)} min`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round(n / (1024 * 1024))} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}
