// How Load All reaches the webview: pages batched into `loadAllChunk` messages, fewer messages but still
// visibly progressive.
import type { ErrorItem } from '../core/types';
import type { HostMessage } from '../shared/protocol';

const STREAM_FLUSH_MS = 60;
const STREAM_FLUSH_ITEMS = 5_000;
const RESEND_CHUNK = 500;

type Chunk = { offset: number; items: ErrorItem[] };
export type LoadAllChunk = Extract<HostMessage, { type: 'loadAllChunk' }>;

/** Collects Load All pages and hands them on every STREAM_FLUSH_MS or STREAM_FLUSH_ITEMS, whichever first. */
export class ChunkStream {
  private pending: Chunk[] = [];
  private pendingCount = 0;
  private loaded = 0;
  private total = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  sentItems = 0;

  constructor(private readonly send: (chunks: Chunk[], loaded: number, total: number) => void) {}

  add(offset: number, items: readonly ErrorItem[], loaded: number, total: number): void {
    this.pending.push({ offset, items: [...items] });
    this.pendingCount += items.length;
    this.loaded = Math.max(this.loaded, loaded);
    this.total = total;
    if (this.pendingCount >= STREAM_FLUSH_ITEMS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), STREAM_FLUSH_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const chunks = this.pending;
    this.sentItems += this.pendingCount;
    this.pending = [];
    this.pendingCount = 0;
    this.send(chunks, Math.max(this.loaded, this.sentItems), this.total);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}

/** Every item again, in the same batches a live stream would send (a reloaded webview, a silent client). */
export function chunkMessages(items: readonly ErrorItem[]): LoadAllChunk[] {
  const messages: LoadAllChunk[] = [];
  for (let i = 0; i < items.length; i += STREAM_FLUSH_ITEMS) {
    const chunks = [];
    for (let j = i; j < Math.min(i + STREAM_FLUSH_ITEMS, items.length); j += RESEND_CHUNK) {
      chunks.push({ offset: j, items: items.slice(j, j + RESEND_CHUNK) });
    }
    messages.push({ type: 'loadAllChunk', chunks, loaded: Math.min(i + STREAM_FLUSH_ITEMS, items.length), total: items.length });
  }
  return messages;
}
