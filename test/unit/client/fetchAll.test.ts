// Ordered, bounded paging over a scripted page source (no network): order, bounds, stride, errors, lying totals.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ServerError, TooManyItemsError } from '../../../src/core/errors';
import { fetchAllErrorItems, MAX_ALL_ITEMS } from '../../../src/core/fetchAll';
import type { BatchTask, ErrorItem, PageOptions } from '../../../src/core/types';

const items = (n: number): ErrorItem[] => Array.from({ length: n }, (_, i) => ({ item: `h${i}.nw.`, errorMessage: `m${i % 3}` }));

interface Source {
  getPage: (p: PageOptions) => Promise<BatchTask>;
  requests: PageOptions[];
  maxInFlight: number;
}

/** A task of `all` items, answering pages after the delay `delay(offset)`; `cap` limits the page size like a server may. */
function source(all: ErrorItem[], opts: { errorCount?: number; cap?: number; delay?: (offset: number) => number; fail?: (offset: number) => boolean } = {}): Source {
  let inFlight = 0;
  const s: Source = {
    requests: [],
    maxInFlight: 0,
    getPage: async (p) => {
      s.requests.push(p);
      inFlight++;
      s.maxInFlight = Math.max(s.maxInFlight, inFlight);
      try {
        const offset = p.offset ?? 0;
        await new Promise((r) => setTimeout(r, opts.delay?.(offset) ?? 0));
        if (p.signal?.aborted) throw new Error('aborted');
        if (opts.fail?.(offset)) throw new ServerError({ status: 503, requestId: `at-${offset}` });
        const limit = Math.min(p.limit ?? 500, opts.cap ?? 500);
        const page = all.slice(offset, offset + limit);
        const count = opts.errorCount ?? all.length;
        return { id: 't', type: 'create', status: 'DONE', createdAt: 'x', successCount: 0, errorCount: count, totalCount: count, errorItems: page };
      } finally {
        inFlight--;
      }
    },
  };
  return s;
}

describe('fetchAllErrorItems', () => {
  it('returns every item in order whatever order pages arrive in, never more than `concurrency` in flight', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 7 }), fc.array(fc.nat(4), { minLength: 1, maxLength: 16 }), async (n, pageSize, concurrency, delays) => {
        const all = items(n);
        const src = source(all, { delay: (o) => delays[Math.floor(o / pageSize) % delays.length]! });
        const progress: number[] = [];
        const { items: got } = await fetchAllErrorItems(src.getPage, { pageSize, concurrency, onProgress: (p) => progress.push(p.offset) });
        assert.deepEqual(got, all);
        assert.ok(src.maxInFlight <= concurrency, `${src.maxInFlight} > ${concurrency}`);
        assert.deepEqual(progress, progress.slice().sort((a, b) => a - b), 'progress in order');
        assert.equal(src.requests.length, Math.max(1, Math.ceil(n / pageSize)));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps at most 2 × concurrency pages ahead of a slow one (memory bound)', async () => {
    const all = items(100 * 10);
    // The second page is very slow; every other page is instant.
    const src = source(all, { delay: (o) => (o === 10 ? 60 : 0) });
    let maxRequested = 0;
    const wrapped = (p: PageOptions) => {
      maxRequested = Math.max(maxRequested, (p.offset ?? 0) / 10);
      return src.getPage(p);
    };
    let pagesAheadWhenSlowArrived = -1;
    await fetchAllErrorItems(wrapped, {
      pageSize: 10,
      concurrency: 3,
      onProgress: (p) => {
        if (p.offset === 10) pagesAheadWhenSlowArrived = maxRequested;
      },
    });
    assert.ok(pagesAheadWhenSlowArrived >= 2 && pagesAheadWhenSlowArrived <= 1 + 2 * 3, String(pagesAheadWhenSlowArrived));
  });

  it('follows a server that answers smaller pages than asked', async () => {
    const all = items(95);
    const src = source(all, { cap: 20 });
    const { items: got } = await fetchAllErrorItems(src.getPage, { pageSize: 50, concurrency: 3 });
    assert.deepEqual(got, all);
    assert.deepEqual(src.requests.map((r) => r.offset), [0, 20, 40, 60, 80]);
  });

  it('stops at the first empty page when error_count promised more than there is', async () => {
    const all = items(30);
    const src = source(all, { errorCount: 900_000 });
    const { items: got } = await fetchAllErrorItems(src.getPage, { pageSize: 10, concurrency: 2 });
    assert.deepEqual(got, all);
    assert.ok(src.requests.length < 10, String(src.requests.length));
  });

  it('rejects with the first page error and stops asking for more', async () => {
    const src = source(items(1000), { fail: (o) => o === 300 });
    await assert.rejects(fetchAllErrorItems(src.getPage, { pageSize: 100, concurrency: 2 }), (e: Error) => e instanceof ServerError && e.requestId === 'at-300');
    assert.ok(src.requests.length <= 6, String(src.requests.length));
  });

  it('returns the first page alone when it holds everything', async () => {
    const src = source(items(3));
    const r = await fetchAllErrorItems(src.getPage, { pageSize: 500 });
    assert.equal(r.items.length, 3);
    assert.equal(r.task.errorItems.length, 3);
    assert.equal(src.requests.length, 1);
  });

  it('refuses a task whose count is above the cap after one page, instead of loading without end', async () => {
    const s = source(items(500), { errorCount: Number.MAX_SAFE_INTEGER });
    await assert.rejects(fetchAllErrorItems(s.getPage), (e: unknown) => {
      assert.ok(e instanceof TooManyItemsError);
      assert.equal(e.limit, MAX_ALL_ITEMS);
      assert.match(e.message, /9,007,199,254,740,991 failed items.*1,000,000/);
      return true;
    });
    assert.equal(s.requests.length, 1);
    await assert.rejects(fetchAllErrorItems(source(items(30)).getPage, { pageSize: 10, maxItems: 29 }), TooManyItemsError);
    assert.equal((await fetchAllErrorItems(source(items(30)).getPage, { pageSize: 10, maxItems: 30 })).items.length, 30);
  });

  it('keeps no more of a page than was asked for (a server that ignores the limit)', async () => {
    const all = items(25);
    const s: Source = source(all);
    const greedy = async (p: PageOptions) => {
      const page = await s.getPage(p);
      return { ...page, errorItems: all.slice(p.offset ?? 0, (p.offset ?? 0) + (p.limit ?? 500) + 5) };
    };
    const got = await fetchAllErrorItems(greedy, { pageSize: 10 });
    assert.deepEqual(got.items, all);
  });
});
