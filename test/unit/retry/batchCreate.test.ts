// toBatchCreateRequests: the fewest requests, filled in order, never over the API's 10,000 per task.
import * as assert from 'node:assert/strict';
import { BATCH_CREATE_PATH, MAX_RECORDSETS_PER_TASK, toBatchCreateRequests, type RetryRecordSet } from '../../../src/core/retryPlan/batchCreate';

const sets = (n: number): RetryRecordSet[] =>
  Array.from({ length: n }, (_, i) => ({ zone_name: 'nw.', name: `h${i}.nw.`, type: 'A', ttl: 300, records: [`192.0.2.${i % 256}`] }));

describe('toBatchCreateRequests', () => {
  it('no sets, no request', () => {
    assert.deepEqual(toBatchCreateRequests([]), []);
  });

  it('one request for up to 10,000 sets, the body being exactly { recordsets }', () => {
    const all = sets(10_000);
    const [only, ...rest] = toBatchCreateRequests(all);
    assert.deepEqual(rest, []);
    assert.equal(only!.method, 'POST');
    assert.equal(only!.path, BATCH_CREATE_PATH);
    assert.deepEqual(Object.keys(only!.body), ['recordsets']);
    assert.deepEqual(only!.body.recordsets, all);
  });

  it('25,001 sets: 10,000, 10,000, 5,001, in order and none lost', () => {
    const all = sets(25_001);
    const requests = toBatchCreateRequests(all);
    assert.deepEqual(requests.map((r) => r.body.recordsets.length), [10_000, 10_000, 5_001]);
    assert.deepEqual(requests.flatMap((r) => r.body.recordsets), all);
  });

  it('maxPerTask splits smaller, and is clamped to 10,000 and to at least 1', () => {
    assert.deepEqual(toBatchCreateRequests(sets(7), { maxPerTask: 3 }).map((r) => r.body.recordsets.length), [3, 3, 1]);
    assert.deepEqual(toBatchCreateRequests(sets(20_001), { maxPerTask: 50_000 }).map((r) => r.body.recordsets.length), [10_000, 10_000, 1]);
    assert.deepEqual(toBatchCreateRequests(sets(2), { maxPerTask: 0 }).map((r) => r.body.recordsets.length), [1, 1]);
    assert.deepEqual(toBatchCreateRequests(sets(5), { maxPerTask: 2.7 }).map((r) => r.body.recordsets.length), [2, 2, 1]);
    assert.deepEqual(toBatchCreateRequests(sets(3), { maxPerTask: Number.NaN }).map((r) => r.body.recordsets.length), [3]);
    assert.equal(MAX_RECORDSETS_PER_TASK, 10_000);
  });
});
