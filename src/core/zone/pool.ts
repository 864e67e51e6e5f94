// Client for the zone-index worker: posts a path, receives the compact index, wraps it for lookups.
// One worker, started on first use and stopped after a quiet minute, so an idle extension costs nothing.
// A request that takes longer than the timeout terminates the worker (a hostile or huge file must not keep
// reveal, outline and Show Failures waiting forever); the next request starts a fresh one.
import type * as WorkerThreads from 'worker_threads';
import type { Worker } from 'worker_threads';
import { lazy } from '../lazy';
import type { IndexZoneOptions } from './index';
import type * as Store from './store';
import type { ZoneIndex } from './store';
import type { LintResult } from '../lint';
import type { ZoneLintRequestOptions, ZoneWorkerRequest, ZoneWorkerResponse } from './worker';

// The record store (and the name table it decodes) is needed at the first index, not when the extension
// registers its zone features: activation does not evaluate it (esbuild turns the require into a lazy init).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const store = lazy(() => require('./store') as typeof Store);
// Node's worker module too: the extension host does not load it itself, and activation has no worker to start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workerThreads = lazy(() => require('worker_threads') as typeof WorkerThreads);

/** Longest a zone file may take to index (the 1,000,000-record zone takes well under a second). */
export const DEFAULT_INDEX_TIMEOUT_MS = 60_000;

interface Waiter {
  resolve: (r: ZoneWorkerResponse) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class ZoneIndexPool {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Waiter>();
  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * @param workerPath the bundled worker (dist/zoneWorker.js) or, in unit tests, out/src/core/zone/worker.js
   * @param timeoutMs per request; past it the worker is terminated and the request fails
   */
  constructor(private readonly workerPath: string, private readonly idleMs = 60_000, private readonly timeoutMs = DEFAULT_INDEX_TIMEOUT_MS) {}

  async index(path: string, options: IndexZoneOptions): Promise<ZoneIndex> {
    const msg = await this.post({ path, options });
    if (!('index' in msg)) throw new Error('Zone index worker sent no index');
    return new (store().CompactIndex)(msg.index);
  }

  /** The pre-flight rules over a file (and its includes), run in the worker. */
  async lint(path: string, options: IndexZoneOptions, lint: ZoneLintRequestOptions = {}): Promise<LintResult> {
    const msg = await this.post({ path, options, lint });
    if (!('lint' in msg)) throw new Error('Zone index worker sent no findings');
    return msg.lint;
  }

  private post(request: Omit<ZoneWorkerRequest, 'id'>): Promise<ZoneWorkerResponse> {
    const worker = this.start();
    const id = this.nextId++;
    // A worker in use is not idle. This is the one guard: the idle timer is set only when the last request
    // is answered, and any request after that clears it here.
    clearTimeout(this.idleTimer);
    return new Promise<ZoneWorkerResponse>((resolve, reject) => {
      // A request's timer always belongs to the current worker: replacing a worker settles every request.
      const timer = setTimeout(() => this.stop(new Error(`Indexing the zone file took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`)), this.timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ ...request, id } satisfies ZoneWorkerRequest);
    });
  }

  dispose(): void {
    this.stop(new Error('Zone index pool disposed'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new (workerThreads().Worker)(this.workerPath);
    worker.unref();
    worker.on('message', (msg: ZoneWorkerResponse) => {
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      clearTimeout(waiter.timer);
      if ('error' in msg) waiter.reject(new Error(msg.error));
      else waiter.resolve(msg);
      if (this.pending.size === 0) {
        this.idleTimer = setTimeout(() => this.stop(new Error('Zone index worker stopped while idle')), this.idleMs);
        this.idleTimer.unref();
      }
    });
    // Only the current worker has these listeners (stop() takes them off), so they need not ask whose event it is.
    worker.on('error', (err) => this.stop(err));
    worker.on('exit', () => this.stop(new Error('Zone index worker stopped')));
    this.worker = worker;
    return worker;
  }

  /**
   * Ends the current worker (stuck, broken, idle or disposed) and fails every request it holds with `reason`
   * (an idle one holds none). Its listeners go first, so nothing it does while it dies reaches the requests of
   * the next worker.
   */
  private stop(reason: Error): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(reason);
    if (!worker) return;
    worker.removeAllListeners();
    worker.on('error', () => undefined); // an 'error' event with no listener would throw in the extension host
    void worker.terminate();
  }

  private failAll(err: Error): void {
    for (const w of this.pending.values()) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.pending.clear();
  }
}
