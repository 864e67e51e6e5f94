import * as assert from 'node:assert/strict';
import {
  formatCount,
  formatRelativeTime,
  formatStatusAndCounts,
  formatTaskLabel,
  formatTaskType,
  formatTimestamp,
  parseServerDate,
  shortTaskId,
  taskOutcome,
} from '../../../src/shared/format';

describe('shared/format', () => {
  it('puts every documented type into words and shows unknown ones as sent', () => {
    assert.equal(formatTaskType('create'), 'Create record sets');
    assert.equal(formatTaskType('import_recordset'), 'Import record sets');
    assert.equal(formatTaskType('delete'), 'Delete record sets');
    assert.equal(formatTaskType('batch_update_rs'), 'Update record sets');
    assert.equal(formatTaskType('batch_create_zone'), 'Create zones');
    assert.equal(formatTaskType('transfer'), 'Transfer zones');
    assert.equal(formatTaskType('brand_new_type'), 'brand_new_type');
    assert.equal(formatTaskType('toString'), 'toString', 'no prototype lookups');
  });

  it('groups thousands regardless of locale', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(1880), '1,880');
    assert.equal(formatCount(1234567), '1,234,567');
  });

  it('formats status and counts as in the tree', () => {
    assert.equal(formatStatusAndCounts({ status: 'DONE', successCount: 1880, errorCount: 120 }), '✗120 ✓1,880 · DONE');
  });

  it('shortens ids to their last 8 characters and labels a task', () => {
    const id = '0123456789abcdef0123456789abcdef';
    assert.equal(shortTaskId(id), '89abcdef');
    assert.equal(shortTaskId('abc'), 'abc');
    assert.equal(formatTaskLabel({ type: 'import_recordset', id }), 'Import record sets · 89abcdef');
  });

  it('tells apart vendor ids that share the server prefix', () => {
    // Two real-looking ids from one server: same first 16 characters.
    const a = 'ff80808297a1b2c30197a1b2c3d40001';
    const b = 'ff80808297a1b2c30197a1b2c3d4e2e0';
    assert.notEqual(shortTaskId(a), shortTaskId(b));
  });

  it('tells the outcome from status and counts', () => {
    assert.equal(taskOutcome({ status: 'PENDING', successCount: 5, errorCount: 5 }), 'running');
    assert.equal(taskOutcome({ status: 'DONE', successCount: 5, errorCount: 0 }), 'succeeded');
    assert.equal(taskOutcome({ status: 'DONE', successCount: 5, errorCount: 1 }), 'partial');
    assert.equal(taskOutcome({ status: 'DONE', successCount: 0, errorCount: 3 }), 'failed');
    assert.equal(taskOutcome({ status: 'WEIRD', successCount: 0, errorCount: 3 }), 'unknown');
  });

  it('reads the three date forms the server sends', () => {
    assert.equal(parseServerDate('2025-06-17 13:09:15')?.toISOString(), '2025-06-17T13:09:15.000Z');
    assert.equal(parseServerDate('2025-06-17T13:09:15.214')?.toISOString(), '2025-06-17T13:09:15.214Z');
    assert.equal(parseServerDate('2025-06-17T13:09:15+08:00')?.toISOString(), '2025-06-17T05:09:15.000Z');
    assert.equal(parseServerDate('2025-06-17T13:09:15Z')?.toISOString(), '2025-06-17T13:09:15.000Z');
    assert.equal(parseServerDate('yesterday'), undefined);
  });

  it('adds a relative time and keeps the date as given', () => {
    const now = new Date('2025-06-17T16:09:15Z');
    assert.equal(formatTimestamp('2025-06-17 13:09:15', now), '2025-06-17 13:09:15 (3 hours ago)');
    assert.equal(formatTimestamp('not a date', now), 'not a date');
    assert.equal(formatRelativeTime(new Date('2025-06-17T16:09:00Z'), now), 'just now');
    assert.equal(formatRelativeTime(new Date('2025-06-17T16:09:45Z'), now), 'just now');
    assert.equal(formatRelativeTime(new Date('2025-06-17T18:09:15Z'), now), 'in 2 hours');
    assert.equal(formatRelativeTime(new Date('2025-06-16T16:09:15Z'), now), '1 day ago');
  });
});
