// Load All: every failed item of the task (through the model's shared fetch), streamed to the webview as it
// arrives, kept on the host so a reloaded webview gets them again without asking the server.
import * as vscode from 'vscode';
import type { BatchTask, ErrorItem, FetchAllProgress } from '../core/types';
import type { HostMessage } from '../shared/protocol';
import { ChunkStream, chunkMessages } from './chunkStream';

/** What Load All needs of its panel. */
export interface LoadAllHost {
  post(message: HostMessage): void;
  /** Every item (the model's shared fetch); undefined after the panel told the user to sign in. */
  fetchAll(signal: AbortSignal, onProgress: (progress: FetchAllProgress) => void): Promise<{ task: BatchTask; items: readonly ErrorItem[] } | undefined>;
  /** The failed-item count as the panel knows it so far. */
  knownTotal(): number;
  /** The task as Load All found it. */
  setTask(task: BatchTask): void;
  postError(err: unknown, blocking: boolean, lead: string): void;
}

export class LoadAll {
  private abort: AbortController | undefined;
  private _items: readonly ErrorItem[] | undefined;

  constructor(private readonly host: LoadAllHost) {}

  /** Every item once Load All finished; undefined before that or after its results were dropped. */
  get items(): readonly ErrorItem[] | undefined {
    return this._items;
  }

  get running(): boolean {
    return this.abort !== undefined;
  }

  /** The user's Cancel: the run ends by itself and reports "cancelled". */
  cancel(): void {
    this.abort?.abort();
  }

  /** Stops a run silently: whatever it still brings is ignored. */
  stop(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Stops a run and forgets its results: the webview shows pages again. */
  clear(): void {
    this.stop();
    this._items = undefined;
  }

  async run(): Promise<void> {
    if (this.abort) return;
    const host = this.host;
    const abort = new AbortController();
    this.abort = abort;
    host.post({ type: 'loadAllStarted', total: host.knownTotal() });
    const stream = new ChunkStream((chunks, loaded, total) => {
      if (this.abort === abort) host.post({ type: 'loadAllChunk', chunks, loaded, total });
    });
    try {
      const result = await host.fetchAll(abort.signal, (p) => stream.add(p.offset, p.items, p.loaded, p.total));
      stream.flush();
      if (this.abort !== abort) return;
      if (!result) {
        host.post({ type: 'loadAllDone', outcome: 'failed', total: host.knownTotal() });
        return;
      }
      const { task, items } = result;
      if (stream.sentItems < items.length) this.postChunks(items); // a fetch that reported no progress
      this._items = items;
      host.setTask(task);
      host.post({ type: 'loadAllDone', outcome: 'done', total: items.length });
    } catch (err) {
      stream.dispose();
      if (this.abort !== abort) return;
      if (abort.signal.aborted) {
        host.post({ type: 'loadAllDone', outcome: 'cancelled', total: host.knownTotal() });
      } else {
        host.post({ type: 'loadAllDone', outcome: 'failed', total: host.knownTotal() });
        host.postError(err, false, vscode.l10n.t('Load All failed.'));
      }
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  /** Sends the finished Load All again to a webview that lost it. */
  replay(items: readonly ErrorItem[]): void {
    this.host.post({ type: 'loadAllStarted', total: items.length });
    this.postChunks(items);
    this.host.post({ type: 'loadAllDone', outcome: 'done', total: items.length });
  }

  private postChunks(items: readonly ErrorItem[]): void {
    for (const message of chunkMessages(items)) this.host.post(message);
  }
}
