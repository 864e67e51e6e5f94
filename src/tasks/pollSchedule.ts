// When to ask again about a running task. Pure arithmetic so it can be tested without a clock.

export interface PollScheduleOptions {
  /** First interval: `huaweiDns.pollIntervalSeconds`. */
  baseMs: number;
  /** Long tasks settle at this interval (a minute). */
  maxMs: number;
  /** Each poll that finds the task still running stretches the interval by this factor. */
  growth: number;
  /** ± fraction of the delay, so many windows watching the same account do not poll in step. */
  jitter: number;
  /** Upper bound when the gateway throttles us and names no time. */
  maxThrottleMs: number;
}

export const DEFAULT_POLL_SCHEDULE: Omit<PollScheduleOptions, 'baseMs'> = {
  maxMs: 60_000,
  growth: 1.5,
  jitter: 0.1,
  maxThrottleMs: 5 * 60_000,
};

/** The delay before poll number `attempt` (0 = the first poll after tracking). `random` is in [0, 1). */
export function nextPollDelay(attempt: number, options: PollScheduleOptions, random: () => number): number {
  const base = Math.max(1, options.baseMs);
  const max = Math.max(base, options.maxMs);
  const raw = Math.min(max, base * Math.pow(options.growth, Math.max(0, attempt)));
  return withJitter(raw, options.jitter, random);
}

/**
 * The delay after the gateway throttled us: at least what it asked for (`Retry-After`), otherwise twice the
 * normal delay, so a throttled account backs off faster than it would by growth alone.
 */
export function throttledPollDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: PollScheduleOptions,
  random: () => number,
): number {
  const normal = Math.min(options.maxMs, options.baseMs * Math.pow(options.growth, Math.max(0, attempt)));
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0) {
    // Never earlier than asked: jitter only ever adds here.
    return Math.round(retryAfterMs + retryAfterMs * options.jitter * random());
  }
  return withJitter(Math.min(options.maxThrottleMs, normal * 2), options.jitter, random);
}

function withJitter(ms: number, jitter: number, random: () => number): number {
  const factor = 1 + jitter * (2 * random() - 1);
  return Math.max(1, Math.round(ms * factor));
}
