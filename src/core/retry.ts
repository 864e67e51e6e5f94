// When and how long to wait before trying again. The policy is data; the decisions are pure functions.
import { CancelledError, isApiError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Statuses worth another try: transient gateway and server trouble. */
  retryStatuses: readonly number[];
  /** Never retried whatever else says so: client mistakes, auth (five bad signatures lock the key). */
  neverRetryStatuses: readonly number[];
  neverRetryCodes: readonly string[];
  /** A Retry-After longer than this is not waited for: the error is surfaced with the delay instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  retryStatuses: Object.freeze([429, 500, 502, 503, 504]),
  neverRetryStatuses: Object.freeze([400, 401, 403, 404]),
  neverRetryCodes: Object.freeze(['APIGW.0301', 'APIG.0301']),
  maxRetryAfterMs: 60_000,
});

/** Retry-After as delta-seconds or an HTTP-date; undefined when absent or unparseable. Never negative. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  if (!/[a-z]/i.test(v)) return undefined; // "-5", "1e3": not an HTTP-date either
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Full jitter: uniform in [0, min(max, base·2^retryIndex)). retryIndex is 0 for the first retry. */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryIndex));
  return Math.floor(random() * ceiling);
}

/** What a failed attempt looked like, as far as retrying cares. */
export interface AttemptFailure {
  status?: number;
  code?: string;
  /** Set for errors without a status: connection refused, reset, timeouts. */
  network?: boolean;
  retryAfterMs?: number;
}

export function isRetryable(failure: AttemptFailure, policy: RetryPolicy): boolean {
  if (failure.code !== undefined && policy.neverRetryCodes.includes(failure.code)) return false;
  if (failure.status !== undefined) {
    if (policy.neverRetryStatuses.includes(failure.status)) return false;
    return policy.retryStatuses.includes(failure.status);
  }
  return failure.network === true;
}

/**
 * The delay before retry number `retryIndex` (0-based), or undefined to give up: not retryable, out of
 * retries, or the server asked for a wait longer than the policy accepts.
 */
export function nextDelay(
  failure: AttemptFailure,
  retryIndex: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (retryIndex >= policy.maxRetries || !isRetryable(failure, policy)) return undefined;
  if (failure.retryAfterMs !== undefined) {
    return failure.retryAfterMs > policy.maxRetryAfterMs ? undefined : failure.retryAfterMs;
  }
  return backoffDelay(retryIndex, policy, random);
}

/** Maps an error thrown by an attempt to what the policy needs. Unknown errors are never retried. */
export function failureOf(error: unknown): AttemptFailure | undefined {
  if (!isApiError(error)) return undefined;
  const failure: AttemptFailure = {};
  if (error.status !== undefined) failure.status = error.status;
  if (error.code !== undefined) failure.code = error.code;
  if (error.status === undefined) failure.network = error.retryable;
  const retryAfterMs = (error as { retryAfterMs?: unknown }).retryAfterMs;
  if (typeof retryAfterMs === 'number') failure.retryAfterMs = retryAfterMs;
  return failure;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout as a promise that rejects with CancelledError as soon as the signal aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface RetryRunOptions {
  policy: RetryPolicy;
  signal?: AbortSignal;
  sleep?: Sleep;
  random?: () => number;
  /** Told before each wait, e.g. to log "throttled, retrying in 2 s". */
  onRetry?: (info: { error: unknown; retryIndex: number; delayMs: number }) => void;
}

/** Runs `attempt(n)` (n from 1) until it succeeds or the policy says stop; rethrows the last error. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryRunOptions): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const failure = failureOf(error);
      const delay = failure && nextDelay(failure, n - 1, options.policy, options.random);
      if (delay === undefined) throw error;
      options.onRetry?.({ error, retryIndex: n - 1, delayMs: delay });
      await wait(delay, options.signal);
    }
  }
}
