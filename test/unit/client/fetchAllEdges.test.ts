// Load All against servers that say more than they hold: an empty first page, a page that is empty in the middle
// of pages that are not, and what a progress listener keeps of the first page.
import * as assert from 'node:assert/strict';
import { fetchAllErrorItems } from '../../../src/core/fetchAll';
import type { BatchTask, ErrorItem, PageOptions } from '../../../src/core/types';

const items = (n: number, from = 0): ErrorItem[] => Array.from({ length: n }, (_, i) => ({ item: `h${from + i}.nw.`, errorMessage: 'm' }));
const task = (count: number, page: ErrorItem[]): BatchTask => ({ id: 't', type: 'create', status: 'DONE', createdAt: 'x', successCount: 0, errorCount: count, totalCount: count, errorItems: page });

describe('fetch all failed items: servers that say more than they hold', () => {
  it('an empty first page ends the load after one request, whatever the count says', async () => {
    const requests: PageOptions[] = [];
    const { items: got } = await fetchAllErrorItems((p) => {
      requests.push(p);
      return Promise.resolve(task(1200, []));
    }, { pageSize: 500 });
    assert.deepEqual(got, []);
    assert.equal(requests.length, 1);
  });

  it('keeps nothing after the first empty page, even when a later page has items', async () => {
    // Pages of 10 at offsets 0..50; the one at 20 is empty (the task shrank between two reads), 30 and 40 are not.
    const { items: got } = await fetchAllErrorItems((p) => {
      const offset = p.offset ?? 0;
      return Promise.resolve(task(60, offset === 20 || offset >= 50 ? [] : items(10, offset)));
    }, { pageSize: 10, concurrency: 4 });
    assert.deepEqual(got, items(20));
  });

  it('the first page handed to a progress listener stays that page while the rest loads', async () => {
    const seen: (readonly ErrorItem[])[] = [];
    const { items: got } = await fetchAllErrorItems((p) => Promise.resolve(task(25, items(10, p.offset ?? 0).filter((_, i) => (p.offset ?? 0) + i < 25))), {
      pageSize: 10,
      onProgress: (progress) => seen.push(progress.items),
    });
    assert.equal(got.length, 25);
    assert.deepEqual(seen.map((page) => page.length), [10, 10, 5]);
    assert.deepEqual(seen[0], items(10));
  });

  it('while one page is slow, asks for no more than 2 × concurrency pages past it (the memory bound)', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const offsets: number[] = [];
    const loading = fetchAllErrorItems(async (p) => {
      const offset = p.offset ?? 0;
      offsets.push(offset);
      if (offset === 10) await slow;
      return task(1000, items(10, offset));
    }, { pageSize: 10, concurrency: 3 });
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    // The first page, the slow one and the 2 × 3 - 1 after it; nothing more until the slow one is in.
    assert.deepEqual(offsets, [0, 10, 20, 30, 40, 50, 60]);
    release();
    assert.equal((await loading).items.length, 1000);
  });
});
