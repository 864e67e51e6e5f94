import * as assert from 'node:assert/strict';
import { readSnapshots, sortTasks, toSnapshot } from '../../../src/tasks/snapshots';

const it1 = (item: string, errorMessage: string) => ({ item, errorMessage });

describe('tasks/snapshots', () => {
  const summary = { id: 'a'.repeat(32), type: 'create', status: 'DONE', createdAt: '2025-06-17 13:09:15', successCount: 3, errorCount: 1, totalCount: 4 };

  it('round-trips what it stores and drops malformed or duplicate entries', () => {
    const stored = { version: 1, tasks: [toSnapshot(summary), toSnapshot(summary), { summary: { id: 5 } }, null, 'x'] };
    const read = readSnapshots(JSON.parse(JSON.stringify(stored)));
    assert.equal(read.length, 1);
    assert.deepEqual(read[0]!.summary, { ...summary, updatedAt: undefined });
  });

  it('tolerates anything that is not its format', () => {
    assert.deepEqual(readSnapshots(undefined), []);
    assert.deepEqual(readSnapshots({ tasks: 'no' }), []);
    assert.deepEqual(readSnapshots([1, 2]), []);
  });

  it('never stores failed items or unknown fields', () => {
    const snap = toSnapshot({ ...summary, errorItems: [it1('a.', 'X')], secret: 'no' } as typeof summary);
    assert.deepEqual(Object.keys(snap.summary).sort(), ['createdAt', 'errorCount', 'id', 'status', 'successCount', 'totalCount', 'type', 'updatedAt']);
  });

  it('sorts newest first across date formats, ties by id', () => {
    const t = (id: string, createdAt: string) => ({ ...summary, id, createdAt });
    const sorted = sortTasks([t('b', '2025-06-17 13:09:15'), t('c', '2025-06-18T01:00:00.000'), t('a', '2025-06-17 13:09:15')]);
    assert.deepEqual(sorted.map((x) => x.id), ['c', 'a', 'b']);
  });
});
