// Client for the zone-index worker: posts a path, receives the compact index, wraps it for lookups.
// One worker, started on first use and stopped after a quiet minute, so an idle extension costs nothing.
import { Worker } from 'worker_threads';
import { CompactIndex, type IndexZoneOptions } from './index';
import type { ZoneIndex } from './store';
import type { LintResult } from '../lint';
import type { ZoneLintRequestOptions, ZoneWorkerRequest, ZoneWorkerResponse } from './worker';

export class ZoneIndexPool {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ZoneWorkerResponse) => void; reject: (e: Error) => void }>();
  private idleTimer: NodeJS.Timeout | undefined;

  /** @param workerPath the bundled worker (dist/zoneWorker.js) or, in unit tests, out/src/core/zone/worker.js */
  constructor(private readonly workerPath: string, private readonly idleMs = 60_000) {}

  async index(path: string, options: IndexZoneOptions): Promise<ZoneIndex> {
    const msg = await this.post({ path, options });
    if (!('index' in msg)) throw new Error('Zone index worker sent no index');
    return new CompactIndex(msg.index);
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
    if (this.idleTimer) clearTimeout(this.idleTimer);
    return new Promise<ZoneWorkerResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies ZoneWorkerRequest);
    });
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('Zone index pool disposed'));
    void worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.unref();
    worker.on('message', (msg: ZoneWorkerResponse) => {
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if ('error' in msg) waiter.reject(new Error(msg.error));
      else waiter.resolve(msg);
      if (this.pending.size === 0) this.scheduleIdle();
    });
    worker.on('error', (err) => {
      this.worker = undefined;
      this.failAll(err);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error('Zone index worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private scheduleIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) {
        const w = this.worker;
        this.worker = undefined;
        void w?.terminate();
      }
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private failAll(err: Error): void {
    for (const w of this.pending.values()) w.reject(err);
    this.pending.clear();
  }
}
