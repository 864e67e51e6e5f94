import * as assert from 'node:assert/strict';
import { offsetOfPage, pageInfo, realignOffset } from '../../../src/shared/paging';

describe('page arithmetic', () => {
  it('describes a middle page as "items 501–1,000 of 12,345"', () => {
    assert.deepEqual(pageInfo(500, 500, 12_345), { index: 1, count: 25, first: 501, last: 1000 });
  });

  it('the last page ends at the total', () => {
    assert.deepEqual(pageInfo(12_000, 500, 12_345), { index: 24, count: 25, first: 12_001, last: 12_345 });
  });

  it('an empty task is one empty page', () => {
    assert.deepEqual(pageInfo(0, 50, 0), { index: 0, count: 1, first: 0, last: 0 });
  });

  it('jumping clamps to existing pages', () => {
    assert.equal(offsetOfPage(-3, 100, 1000), 0);
    assert.equal(offsetOfPage(9, 100, 1000), 900);
    assert.equal(offsetOfPage(10, 100, 1000), 900);
    assert.equal(offsetOfPage(Number.MAX_SAFE_INTEGER, 200, 1001), 1000);
  });

  it('changing the page size keeps the first visible item on the page', () => {
    assert.equal(realignOffset(1500, 200), 1400);
    assert.equal(realignOffset(150, 500), 0);
  });
});
