// Watches running tasks: one timer and at most one request per task, paused while nobody is looking.
// No vscode import: the clock and the poll are injected, so tests drive it with a fake clock.
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, throttledPollDelay, type PollScheduleOptions } from './pollSchedule';

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What a poll found: keep watching while the task runs, stop once it is done (or gone). */
export type PollOutcome = 'running' | 'finished';

export interface TaskPollerOptions {
  /** Fetches the task once. Throwing keeps the task watched (with back-off); abort errors are ignored. */
  poll(taskId: string, signal: AbortSignal): Promise<PollOutcome>;
  /** Read on every scheduling, so a changed `huaweiDns.pollIntervalSeconds` applies to the next poll. */
  baseIntervalMs(): number;
  clock?: Clock;
  random?: () => number;
  schedule?: Partial<Omit<PollScheduleOptions, 'baseMs'>>;
  onError?(taskId: string, error: unknown): void;
}

interface Watch {
  attempt: number;
  timer?: unknown;
  controller?: AbortController;
  /** The timer fired while paused: poll as soon as we resume. */
  due: boolean;
}

/** Duck-typed so this file does not depend on the client's error classes: `ThrottledError` has these. */
function throttleOf(error: unknown): { retryAfterMs: number | undefined } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: unknown; status?: unknown; retryAfterMs?: unknown };
  if (e.name === 'ThrottledError' || e.status === 429) {
    return { retryAfterMs: typeof e.retryAfterMs === 'number' ? e.retryAfterMs : undefined };
  }
  return undefined;
}

export class TaskPoller {
  private readonly watches = new Map<string, Watch>();
  private readonly clock: Clock;
  private readonly random: () => number;
  private paused = false;
  private disposed = false;

  constructor(private readonly options: TaskPollerOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
  }

  /** Starts watching (no-op when already watched). The first poll comes after the base interval. */
  watch(taskId: string): void {
    if (this.disposed || this.watches.has(taskId)) return;
    const w: Watch = { attempt: 0, due: false };
    this.watches.set(taskId, w);
    this.schedule(taskId, w, this.delay(w.attempt));
  }

  /** Stops watching and cancels a request in flight at once. */
  unwatch(taskId: string): void {
    const w = this.watches.get(taskId);
    if (!w) return;
    this.watches.delete(taskId);
    if (w.timer !== undefined) this.clock.clearTimeout(w.timer);
    w.controller?.abort();
  }

  unwatchAll(): void {
    for (const id of [...this.watches.keys()]) this.unwatch(id);
  }

  isWatching(taskId: string): boolean {
    return this.watches.has(taskId);
  }

  watched(): string[] {
    return [...this.watches.keys()];
  }

  isInFlight(taskId: string): boolean {
    return this.watches.get(taskId)?.controller !== undefined;
  }

  /** While paused no request starts; polls that fell due run right after resuming. */
  setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    if (paused) return;
    for (const [id, w] of this.watches) {
      if (w.due) {
        w.due = false;
        void this.run(id, w);
      }
    }
  }

  get isPaused(): boolean {
    return this.paused;
  }

  dispose(): void {
    this.unwatchAll();
    this.disposed = true;
  }

  private delay(attempt: number): number {
    return nextPollDelay(attempt, this.scheduleOptions(), this.random);
  }

  private scheduleOptions(): PollScheduleOptions {
    return { ...DEFAULT_POLL_SCHEDULE, ...this.options.schedule, baseMs: this.options.baseIntervalMs() };
  }

  private schedule(taskId: string, w: Watch, ms: number): void {
    w.timer = this.clock.setTimeout(() => {
      w.timer = undefined;
      if (this.watches.get(taskId) !== w) return;
      if (this.paused) {
        w.due = true;
        return;
      }
      void this.run(taskId, w);
    }, ms);
  }

  private async run(taskId: string, w: Watch): Promise<void> {
    if (w.controller) return; // one request per task, ever
    const controller = new AbortController();
    w.controller = controller;
    let next: number | undefined;
    try {
      const outcome = await this.options.poll(taskId, controller.signal);
      if (outcome === 'finished') {
        if (this.watches.get(taskId) === w) this.watches.delete(taskId);
        return;
      }
      w.attempt++;
      next = this.delay(w.attempt);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.options.onError?.(taskId, error);
      const throttle = throttleOf(error);
      next = throttle
        ? throttledPollDelay(w.attempt, throttle.retryAfterMs, this.scheduleOptions(), this.random)
        : this.delay(++w.attempt);
    } finally {
      w.controller = undefined;
    }
    if (next !== undefined && this.watches.get(taskId) === w && !this.disposed) this.schedule(taskId, w, next);
  }
}
