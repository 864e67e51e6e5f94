// Every failed item of a task: the first page reveals the total, the rest are fetched with bounded concurrency
// and handed over strictly in order. Pages that arrive early wait in a small window, so memory is the items kept
// plus at most `2 × concurrency` pages.
import { setMaxListeners } from 'node:events';
import { CancelledError } from './errors';
import type { BatchTask, ErrorItem, FetchAllOptions, PageOptions } from './types';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_CONCURRENCY = 6;

type GetPage = (page: PageOptions) => Promise<BatchTask>;

export async function fetchAllErrorItems(getPage: GetPage, options: FetchAllOptions & { defaultConcurrency?: number } = {}): Promise<{ task: BatchTask; items: ErrorItem[] }> {
  const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? options.defaultConcurrency ?? DEFAULT_CONCURRENCY));
  const controller = new AbortController();
  // Every page in flight listens to this signal; more than 10 is expected, not a leak.
  setMaxListeners(4 * concurrency + 10, controller.signal);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal?.aborted) throw new CancelledError();
    const first = await getPage({ limit: pageSize, offset: 0, signal: controller.signal });
    const items: ErrorItem[] = first.errorItems.slice();
    const total = first.errorCount;
    options.onProgress?.({ loaded: items.length, total, offset: 0, items: first.errorItems });
    // A server that caps pages below what we asked for sets the stride; otherwise offsets would skip items.
    const got = first.errorItems.length;
    const step = got > 0 && got < pageSize && got < total ? got : pageSize;
    if (got === 0 || got >= total) return { task: { ...first, errorItems: items }, items };

    // Page i (0-based, after the first) starts at step·(i+1); computed, not listed, so a lying total costs nothing.
    const offsetOf = (index: number) => step * (index + 1);
    const pageCount = Math.ceil((total - step) / step);
    const window = concurrency * 2;
    const arrived = new Map<number, readonly ErrorItem[]>();
    let next = 0; // next page index to request
    let emitted = 0; // pages handed over, in order
    let end = pageCount; // lowered when a page comes back empty (the task shrank)
    let firstError: unknown;
    let waiters: (() => void)[] = [];
    const waitForRoom = () => new Promise<void>((resolve) => waiters.push(resolve));

    const drain = () => {
      for (let page = arrived.get(emitted); page !== undefined && emitted < end; page = arrived.get(emitted)) {
        arrived.delete(emitted);
        for (const item of page) items.push(item);
        options.onProgress?.({ loaded: items.length, total, offset: offsetOf(emitted), items: page });
        emitted++;
      }
      const woken = waiters;
      waiters = [];
      for (const w of woken) w();
    };

    const worker = async () => {
      while (next < end && firstError === undefined && !controller.signal.aborted) {
        if (next - emitted >= window) {
          await waitForRoom();
          continue;
        }
        const index = next++;
        const page = await getPage({ limit: step, offset: offsetOf(index), signal: controller.signal });
        if (page.errorItems.length === 0) end = Math.min(end, index);
        arrived.set(index, page.errorItems);
        drain();
      }
    };

    await Promise.all(
      Array.from({ length: Math.min(concurrency, pageCount) }, () =>
        worker().catch((error: unknown) => {
          // The first failure wins; the others are the cancellations it causes.
          firstError ??= error;
          controller.abort();
          drain();
        }),
      ),
    );
    if (options.signal?.aborted) throw new CancelledError();
    if (firstError !== undefined) throw firstError as Error;
    return { task: { ...first, errorItems: items }, items };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
