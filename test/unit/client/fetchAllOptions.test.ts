// Load All as the panel drives it: page sizes as the API allows them, progress in order with offsets, Cancel.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { CancelledError } from '../../../src/core/errors';
import { DEFAULT_CONCURRENCY, MAX_PAGE_SIZE, fetchAllErrorItems } from '../../../src/core/fetchAll';
import type { BatchTask, ErrorItem, PageOptions } from '../../../src/core/types';

const all = (n: number): ErrorItem[] => Array.from({ length: n }, (_, i) => ({ item: `h${i}.`, errorMessage: 'dup' }));

function task(items: ErrorItem[], errorCount: number): BatchTask {
  return { id: 't', type: 'create', status: 'DONE', createdAt: 'x', successCount: 0, errorCount, totalCount: errorCount, errorItems: items };
}

/** Pages of `items`, answered after a macrotask, recording each request and the most in flight. */
function pages(items: ErrorItem[]) {
  const requests: { limit: number; offset: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const getPage = async (p: PageOptions) => {
    requests.push({ limit: p.limit ?? -1, offset: p.offset ?? -1 });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 1));
    inFlight--;
    const offset = p.offset ?? 0;
    return task(items.slice(offset, offset + (p.limit ?? 0)), items.length);
  };
  return { getPage, requests, max: () => maxInFlight };
}

describe('fetch all failed items: options', () => {
  it('asks for at most 500 per page, at least 1, in whole items', async () => {
    assert.equal(MAX_PAGE_SIZE, 500);
    const big = pages(all(3));
    await fetchAllErrorItems(big.getPage, { pageSize: 10_000 });
    assert.deepEqual(big.requests[0], { limit: 500, offset: 0 });
    const zero = pages(all(3));
    const r = await fetchAllErrorItems(zero.getPage, { pageSize: 0, concurrency: 1 });
    assert.deepEqual(zero.requests.map((q) => q.limit), [1, 1, 1]);
    assert.deepEqual(zero.requests.map((q) => q.offset), [0, 1, 2]);
    assert.equal(r.items.length, 3);
    const fraction = pages(all(5));
    await fetchAllErrorItems(fraction.getPage, { pageSize: 2.7, concurrency: 1 });
    assert.deepEqual(fraction.requests.map((q) => q.offset), [0, 2, 4]);
  });

  it('runs DEFAULT_CONCURRENCY (6) pages at once unless told, and at least one', async () => {
    assert.equal(DEFAULT_CONCURRENCY, 6);
    const dflt = pages(all(100));
    await fetchAllErrorItems(dflt.getPage, { pageSize: 5 });
    assert.equal(dflt.max(), 6);
    const given = pages(all(100));
    await fetchAllErrorItems(given.getPage, { pageSize: 5, defaultConcurrency: 3 });
    assert.equal(given.max(), 3);
    const none = pages(all(20));
    await fetchAllErrorItems(none.getPage, { pageSize: 5, concurrency: 0 });
    assert.equal(none.max(), 1);
  });

  it('reports progress page by page, in order, with each page\'s offset', async () => {
    const src = pages(all(7));
    const seen: string[] = [];
    const r = await fetchAllErrorItems(src.getPage, { pageSize: 3, onProgress: (p) => seen.push(`${p.offset}:${p.items.length}:${p.loaded}/${p.total}`) });
    assert.deepEqual(seen, ['0:3:3/7', '3:3:6/7', '6:1:7/7']);
    assert.deepEqual(r.items.map((i) => i.item), all(7).map((i) => i.item));
    assert.equal(r.task.errorItems.length, 7);
  });

  it('a Cancel before the start sends nothing; a Cancel during the load ends it with CancelledError and stops listening', async () => {
    const before = new AbortController();
    before.abort();
    const src = pages(all(50));
    await assert.rejects(fetchAllErrorItems(src.getPage, { signal: before.signal }), CancelledError);
    assert.equal(src.requests.length, 0);
    assert.equal(getEventListeners(before.signal, 'abort').length, 0);

    const during = new AbortController();
    const slow = pages(all(50));
    const run = fetchAllErrorItems(async (p) => {
      const page = await slow.getPage(p);
      if ((p.offset ?? 0) > 0) during.abort();
      return page;
    }, { pageSize: 5, concurrency: 1, signal: during.signal });
    await assert.rejects(run, CancelledError);
    assert.ok(slow.requests.length < 10, String(slow.requests.length));
    assert.equal(getEventListeners(during.signal, 'abort').length, 0);

    const done = new AbortController();
    await fetchAllErrorItems(pages(all(12)).getPage, { pageSize: 5, signal: done.signal });
    assert.equal(getEventListeners(done.signal, 'abort').length, 0, 'no listener left after a finished load');
  });

  it('a task without failed items costs one request', async () => {
    const src = pages([]);
    const r = await fetchAllErrorItems(src.getPage);
    assert.deepEqual(r.items, []);
    assert.equal(src.requests.length, 1);
  });
});
