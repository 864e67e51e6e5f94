// Every failed item of a task: the first page reveals the total, the rest are fetched with bounded concurrency
// and handed over strictly in order. Pages that arrive early wait in a small window, so memory is the items kept
// plus at most `2 × concurrency` pages.
import { setMaxListeners } from 'node:events';
import { CancelledError, TooManyItemsError } from './errors';
import type { BatchTask, ErrorItem, FetchAllOptions, PageOptions } from './types';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_CONCURRENCY = 6;
/**
 * The most items fetched at once (about 200 MB of names and messages). The count is the server's word: past
 * this the request is refused up front instead of growing memory until the extension host dies.
 */
export const MAX_ALL_ITEMS = 1_000_000;

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
    const total = first.errorCount;
    const maxItems = options.maxItems ?? MAX_ALL_ITEMS;
    if (total > maxItems) throw new TooManyItemsError(total, maxItems);
    // A page longer than asked for is cut to what was asked: the rest comes with the pages at its offsets.
    const firstItems = first.errorItems.slice(0, pageSize);
    const items: ErrorItem[] = firstItems.slice();
    options.onProgress?.({ loaded: items.length, total, offset: 0, items: firstItems });
    // A server that caps pages below what we asked for sets the stride; otherwise offsets would skip items.
    const got = firstItems.length;
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
        const pageItems = page.errorItems.length > step ? page.errorItems.slice(0, step) : page.errorItems;
        if (pageItems.length === 0) end = Math.min(end, index);
        arrived.set(index, pageItems);
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
