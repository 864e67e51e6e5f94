// One fetch of every failed item of a task, shared by everyone who asks while it runs (Load All, the Problems
// panel, a retry plan). Each caller may cancel its own wait; the requests stop only when nobody waits any more.
// Pure (no vscode): the fetch itself is injected.
import { CancelledError } from '../core/errors';
import type { BatchTask, ErrorItem, FetchAllProgress } from '../core/types';

export interface AllItems {
  readonly task: BatchTask;
  readonly items: readonly ErrorItem[];
}

export interface AllItemsOptions {
  /** Cancels this caller's wait (and the requests, when no other caller waits). */
  signal?: AbortSignal;
  /** Every page in order, also those that arrived before this caller joined. */
  onProgress?: (progress: FetchAllProgress) => void;
}

export type FetchAll = (signal: AbortSignal, onProgress: (progress: FetchAllProgress) => void) => Promise<AllItems>;

export class SharedFetch {
  private readonly controller = new AbortController();
  private readonly pages: FetchAllProgress[] = [];
  private readonly listeners = new Set<(progress: FetchAllProgress) => void>();
  private waiting = 0;
  private settled = false;
  private failed = false;
  private readonly result: Promise<AllItems>;

  constructor(fetchAll: FetchAll) {
    this.result = fetchAll(this.controller.signal, (progress) => {
      this.pages.push(progress);
      for (const listener of this.listeners) listener(progress);
    });
    this.result.then(
      () => this.settle(),
      () => {
        this.failed = true;
        this.settle();
      },
    );
  }

  /** The fetch itself, for the owner's bookkeeping (does not count as a caller waiting). */
  get done(): Promise<AllItems> {
    return this.result;
  }

  /** False once every caller left (the requests were cancelled) or the fetch failed: start a new one. */
  get usable(): boolean {
    return !this.controller.signal.aborted && !this.failed;
  }

  /** Resolved with every item; rejected with CancelledError when this caller's signal aborts first. */
  join(options: AllItemsOptions = {}): Promise<AllItems> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(new CancelledError());
    for (const page of this.pages) onProgress?.(page);
    if (onProgress) this.listeners.add(onProgress);
    this.waiting++;
    return new Promise<AllItems>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        if (onProgress) this.listeners.delete(onProgress);
        signal?.removeEventListener('abort', onAbort);
        this.waiting--;
      };
      const onAbort = () => {
        leave();
        if (this.waiting === 0 && !this.settled) this.controller.abort();
        reject(new CancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.result.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Stops the requests whoever waits (untracked, account changed). */
  cancel(): void {
    if (!this.settled) this.controller.abort();
  }

  private settle(): void {
    this.settled = true;
    this.listeners.clear();
  }
}
