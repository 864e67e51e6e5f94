// After a retry: zone-file text of the sets, the outcome against the parent, the candidates after a lost answer,
// and the command's argument.
import * as assert from 'node:assert/strict';
import { compareOutcome, tasksCreatedSince, toZoneSnippet } from '../../../src/core/retryPlan/outcome';
import type { BatchTaskSummary } from '../../../src/core/types';
import { parseRetryArgument } from '../../../src/retry/args';

const set = (name: string, type = 'A', records = ['192.0.2.1'], zone = 'example.com.') => ({ zone_name: zone, name, type, ttl: 300, records });
const task = (over: Partial<BatchTaskSummary>): BatchTaskSummary => ({ id: 'a'.repeat(32), type: 'create', status: 'DONE', createdAt: '2026-12-01 10:00:00', successCount: 2, errorCount: 0, totalCount: 2, ...over });

describe('retry outcome helpers', () => {
  it('toZoneSnippet: one absolute line per value, grouped by zone', () => {
    assert.equal(
      toZoneSnippet([set('www.example.com.', 'A', ['192.0.2.1', '192.0.2.2']), set('t.example.com.', 'TXT', ['"a b"']), set('x.nw.', 'MX', ['10 mx.nw.'], 'nw.')]),
      '; zone example.com.\nwww.example.com.\t300\tIN\tA\t192.0.2.1\nwww.example.com.\t300\tIN\tA\t192.0.2.2\nt.example.com.\t300\tIN\tTXT\t"a b"\n\n; zone nw.\nx.nw.\t300\tIN\tMX\t10 mx.nw.\n',
    );
    assert.equal(toZoneSnippet([]), '');
  });

  it('compareOutcome: fixed, still failing for the same kind of cause, newly failing for another', () => {
    const parent = [
      { item: 'a.example.com.', errorMessage: 'Insufficient record set quota' },
      { item: 'b.example.com.', errorMessage: 'Insufficient record set quota' },
      { item: 'C.example.com', errorMessage: 'System busy' },
    ];
    const sent = [set('a.example.com.'), set('b.example.com.'), set('c.example.com.'), set('c.example.com.', 'TXT', ['"x"'])];
    const child = [
      { item: 'b.example.com.', errorMessage: 'Insufficient record set quota.' },
      { item: 'c.example.com.', errorMessage: 'Duplicate recordset exists.(name: c.example.com., type: TXT)' },
    ];
    const o = compareOutcome(parent, sent, child);
    assert.deepEqual(o.fixed, ['a.example.com.']);
    assert.deepEqual(o.stillFailing.map((i) => i.item), ['b.example.com.']);
    assert.deepEqual(o.newlyFailing.map((i) => i.item), ['c.example.com.']);
  });

  it('tasksCreatedSince: create tasks since the request, allowing for clock skew and an unstated time zone; DONE same-size first', () => {
    const sentAt = new Date('2026-12-01T10:00:00Z');
    const list = [
      task({ id: '1'.repeat(32), createdAt: '2026-12-01 18:00:01' }), // UTC+8 local time, no zone
      task({ id: '2'.repeat(32), createdAt: '2026-12-01T09:50:00Z', successCount: 1, errorCount: 1 }), // 10 min early by a skewed clock
      task({ id: '3'.repeat(32), createdAt: '2026-12-01T09:40:00Z' }), // with a zone, 20 min before: not it
      task({ id: '4'.repeat(32), createdAt: '2026-11-30 10:00:00' }), // a day before
      task({ id: '5'.repeat(32), type: 'delete', createdAt: '2026-12-01 10:00:05' }),
      task({ id: '6'.repeat(32), status: 'PENDING', createdAt: '2026-12-01 10:00:02', successCount: 1, errorCount: 1 }),
      task({ id: '7'.repeat(32), createdAt: 'yesterday' }),
    ];
    const got = tasksCreatedSince(list, sentAt, 2);
    assert.deepEqual(got.map((c) => [c.task.id[0], c.sameSize]), [['1', true], ['2', true], ['6', false]]);
  });

  it('tasksCreatedSince: a stated offset is trusted to the 15 minutes of skew, an unstated zone allows 14 hours; newest first among equals', () => {
    const sentAt = new Date('2026-12-01T10:00:00Z');
    const list = [
      task({ id: 'a'.repeat(32), createdAt: '2026-12-01T17:40:00+08:00', successCount: 1, errorCount: 1 }), // 09:40Z: 20 min before
      task({ id: 'b'.repeat(32), createdAt: '2026-12-01T09:45:00Z', successCount: 1, errorCount: 1 }), // exactly the skew: kept
      task({ id: 'c'.repeat(32), createdAt: ' 2026-11-30 19:40:00 ', successCount: 1, errorCount: 1 }), // no zone, 14 h 20 min before: beyond UTC−12 … +14 and the skew
      task({ id: 'd'.repeat(32), createdAt: '2026-11-30 20:00:00', successCount: 1, errorCount: 1 }), // no zone, 14 h before
      task({ id: 'e'.repeat(32), createdAt: '2026-12-01T10:00:09Z', successCount: 1, errorCount: 1 }), // newest
      task({ id: 'f'.repeat(32), createdAt: '2026-12-01T10:00:30Z', successCount: 5, errorCount: 0 }), // newer, other size
    ];
    const got = tasksCreatedSince(list, sentAt, 2);
    assert.deepEqual(got.map((c) => [c.task.id[0], c.sameSize]), [['e', true], ['b', true], ['d', true], ['f', false]]);
  });

  it('tasksCreatedSince: an offset without a colon, a negative one, or a zone followed by blanks is still a stated zone', () => {
    const sentAt = new Date('2026-12-01T10:00:00Z');
    const list = [
      task({ id: 'a'.repeat(32), createdAt: '2026-12-01T17:40:00+0800' }), // 09:40Z: 20 min before
      task({ id: 'b'.repeat(32), createdAt: '2026-12-01T04:40:00-05:00' }), // 09:40Z
      task({ id: 'c'.repeat(32), createdAt: '2026-12-01T09:40:00Z  ' }), // 09:40Z, trailing blanks
      task({ id: 'd'.repeat(32), createdAt: '2026-12-01T18:00:00+0800' }), // 10:00Z: kept
    ];
    assert.deepEqual(tasksCreatedSince(list, sentAt, 2).map((c) => c.task.id[0]), ['d']);
  });

  it('parseRetryArgument: nothing, a task id, a tree node, or { taskId, dryRun }; anything else is refused', () => {
    const id = 'ff8080829a0b1c2d019a0b1c2d3e000b';
    assert.deepEqual(parseRetryArgument(undefined), { dryRun: false });
    assert.deepEqual(parseRetryArgument(id), { taskId: id, dryRun: false });
    assert.deepEqual(parseRetryArgument({ kind: 'task', taskId: id }), { taskId: id, dryRun: false });
    assert.deepEqual(parseRetryArgument({ taskId: id, dryRun: true }), { taskId: id, dryRun: true });
    assert.equal(typeof parseRetryArgument({ taskId: '../x' }), 'string');
    assert.equal(typeof parseRetryArgument({ taskId: id, dryRun: 'yes' }), 'string');
    assert.equal(typeof parseRetryArgument(42), 'string');
  });
});
