// What the tree and the panel show comes from these mappings: counts, totals ("12 of 40 tasks" vs "12+"),
// dates, and, for an answer that does not fit, one sentence naming the field.
import * as assert from 'node:assert/strict';
import { ResponseShapeError } from '../../../src/core/errors';
import { formatPath, parseCreatedTask, parseErrorBody, parseJsonBody, parseProjectId, parseTask, parseTaskList } from '../../../src/core/schemas';

const flat = { id: 't1', type: 'create', status: 'DONE', created_at: '2026-03-01 12:00:00', success_count: 1, error_count: 2 };

/** The one sentence a person sees, without the quoted body. */
function problem(fn: () => unknown): { field: string; sentence: string } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ResponseShapeError, String(e));
    return { field: e.field, sentence: e.message.replace(/^Unexpected answer from the API: /, '').replace(/\. Body starts: [\s\S]*$/, '') };
  }
  assert.fail('expected a ResponseShapeError');
}

describe('answer shapes', () => {
  describe('counts', () => {
    it('reads digit strings, also with leading zeros, and adds success and error when total_count is null', () => {
      const t = parseTask({ ...flat, success_count: '007', total_count: null }, '');
      assert.equal(t.successCount, 7);
      assert.equal(t.totalCount, 9);
      assert.equal(parseTask({ ...flat, total_count: '30' }, '').totalCount, 30);
      assert.equal(parseTask({ ...flat, total_count: 0 }, '').totalCount, 0, 'a sent zero is kept');
    });

    it('refuses a count that is not a whole non-negative number', () => {
      assert.deepEqual(problem(() => parseTask({ ...flat, success_count: '12abc' }, '')), { field: 'success_count', sentence: 'success_count has an unexpected value (a string)' });
      assert.deepEqual(problem(() => parseTask({ ...flat, error_count: 'x12' }, '')), { field: 'error_count', sentence: 'error_count has an unexpected value (a string)' });
      assert.deepEqual(problem(() => parseTask({ ...flat, error_count: '' }, '')).field, 'error_count');
      assert.deepEqual(problem(() => parseTask({ ...flat, success_count: -1 }, '')), { field: 'success_count', sentence: 'success_count is too small' });
      assert.deepEqual(problem(() => parseTask({ ...flat, error_count: 2 ** 53 }, '')), { field: 'error_count', sentence: 'error_count is too large' });
      assert.deepEqual(problem(() => parseTask({ ...flat, success_count: 1.5 }, '')), { field: 'success_count', sentence: 'success_count has an unexpected value (a number)' });
      assert.deepEqual(problem(() => parseTask({ ...flat, success_count: null }, '')), { field: 'success_count', sentence: 'success_count has an unexpected value (null)' });
      assert.deepEqual(problem(() => parseTask({ ...flat, success_count: [1] }, '')), { field: 'success_count', sentence: 'success_count has an unexpected value (an array)' });
      assert.deepEqual(problem(() => parseTask({ ...flat, success_count: undefined }, '')), { field: 'success_count', sentence: 'success_count is missing' });
    });
  });

  describe('the task list total', () => {
    it('is known when metadata.total_count is sent (even as a string or zero)', () => {
      assert.deepEqual(pick(parseTaskList({ tasks: [flat], metadata: { total_count: 42 } }, '', {}, 5)), { total: 42, totalKnown: true });
      assert.deepEqual(pick(parseTaskList({ tasks: [flat], metadata: { total_count: '9' } }, '', {}, 5)), { total: 9, totalKnown: true });
      assert.deepEqual(pick(parseTaskList({ tasks: [], metadata: { total_count: 0 } }, '')), { total: 0, totalKnown: true });
    });

    it('is only what the pages prove when total_count is null or metadata missing', () => {
      for (const metadata of [{ total_count: null }, {}, null, undefined]) {
        assert.deepEqual(pick(parseTaskList({ tasks: [flat, flat], metadata }, '', {}, 5)), { total: 7, totalKnown: false }, JSON.stringify(metadata));
      }
      assert.deepEqual(pick(parseTaskList({ tasks: [flat] }, '')), { total: 1, totalKnown: false });
    });

    it('names the broken task in a list', () => {
      assert.deepEqual(problem(() => parseTaskList({ tasks: [flat, { ...flat, error_count: 'x' }] }, '')).field, 'tasks[1].error_count');
      assert.deepEqual(problem(() => parseTaskList({}, '')), { field: 'tasks', sentence: 'tasks is missing' });
    });
  });

  describe('one task', () => {
    it('has no updatedAt when updated_at is null or empty, and an empty message for an item without one', () => {
      const t = parseTask({ ...flat, updated_at: null, error_items: [{ item: 'a.' }, { item: 'b.', error_message: null }] }, '');
      assert.ok(!('updatedAt' in t));
      assert.ok(!('updatedAt' in parseTask({ ...flat, updated_at: '' }, '')));
      assert.deepEqual(t.errorItems, [{ item: 'a.', errorMessage: '' }, { item: 'b.', errorMessage: '' }]);
      assert.deepEqual(parseTask({ ...flat, error_items: null }, '').errorItems, []);
    });

    it('reads the flat shape even when it also has a tasks field', () => {
      assert.equal(parseTask({ ...flat, tasks: 'ignored' }, '').id, 't1');
    });

    it('says in one sentence which field is wrong and what it is', () => {
      const cases: [unknown, string, string][] = [
        [{ ...flat, id: '' }, 'id', 'id is empty'],
        [{ ...flat, id: 'a/b' }, 'id', 'id is not a task id'],
        [{ ...flat, status: 'x'.repeat(257) }, 'status', 'status is longer than 256 characters'],
        [{ ...flat, id: 5 }, 'id', 'id should be a string but is a number'],
        [{ ...flat, type: {} }, 'type', 'type should be a string but is an object'],
        [{ ...flat, error_items: 'x' }, 'error_items', 'error_items should be an array but is a string'],
        [{ tasks: [{ ...flat, error_items: [{ item: 'a' }, { item: 'b' }, { item: 'c' }, { item: null }] }] }, 'tasks[0].error_items[3].item', 'tasks[0].error_items[3].item should be a string but is null'],
        [{ tasks: 'x' }, 'tasks', 'tasks should be an array but is a string'],
        [{ tasks: [] }, 'tasks', 'tasks is empty'],
        [{ tasks: [5] }, 'tasks[0]', 'tasks[0] should be an object but is a number'],
        ['x', '(body)', '(body) should be an object but is a string'],
        [null, '(body)', '(body) should be an object but is null'],
        [[flat], '(body)', '(body) should be an object but is an array'],
      ];
      for (const [value, field, sentence] of cases) assert.deepEqual(problem(() => parseTask(value, '')), { field, sentence }, JSON.stringify(value));
    });

    it('quotes the body and the ids of the answer in the error', () => {
      try {
        parseTask({ ...flat, id: 5 }, '{"id":5}', { status: 200, requestId: 'req-9' });
        assert.fail('expected a failure');
      } catch (e) {
        assert.ok(e instanceof ResponseShapeError);
        assert.equal(e.bodySnippet, '"{\\"id\\":5}"');
        assert.equal(e.requestId, 'req-9');
        assert.match(e.message, /id should be a string but is a number\. Body starts: "\{\\"id\\":5\}" \(HTTP 200, request id req-9\)$/);
      }
      assert.equal(problem(() => parseJsonBody('nope', { status: 502 })).sentence, '(body) is not JSON');
      assert.deepEqual(parseJsonBody('{"a":[1]}'), { a: [1] });
    });
  });

  it('reads the task id of a batch-create answer and refuses one that could not be tracked', () => {
    assert.deepEqual(parseCreatedTask({ task_id: 'ff80808297a1b2c30197a1b2c3d40001', extra: 1 }, ''), { taskId: 'ff80808297a1b2c30197a1b2c3d40001' });
    for (const task_id of ['', '../x', 'a b', 'x'.repeat(65)]) assert.equal(problem(() => parseCreatedTask({ task_id }, '')).field, 'task_id', task_id);
    assert.deepEqual(problem(() => parseCreatedTask({}, '')), { field: 'task_id', sentence: 'task_id is missing' });
  });

  it('takes the first project id, none from an empty list, and refuses an id that is not an id', () => {
    assert.equal(parseProjectId({ projects: [{ id: 'p1' }, { id: 'p2' }] }, ''), 'p1');
    assert.equal(parseProjectId({ projects: [] }, ''), undefined);
    assert.deepEqual(problem(() => parseProjectId({ projects: [{ id: '' }] }, '')), { field: 'projects[0].id', sentence: 'projects[0].id is empty' });
    assert.deepEqual(problem(() => parseProjectId({}, '')), { field: 'projects', sentence: 'projects is missing' });
    // The id is sent as X-Project-Id on every DNS request: nothing around the allowed characters either.
    for (const id of ['a/b', '../x', 'x/..', 'p1\r\nX-Injected: 1', ' p1']) {
      assert.deepEqual(problem(() => parseProjectId({ projects: [{ id }] }, '')), { field: 'projects[0].id', sentence: 'projects[0].id has an unexpected value' }, id);
    }
  });

  it('drops null message and request id from an error body rather than showing "null"', () => {
    assert.deepEqual(parseErrorBody('{"code":"X","message":null}'), { code: 'X' });
    assert.deepEqual(parseErrorBody('{"error_code":"Y","error_msg":null,"request_id":null}'), { code: 'Y' });
    assert.deepEqual(parseErrorBody('{"error":{"code":"Z"}}'), { code: 'Z' });
    assert.equal(parseErrorBody('{"code":5}'), undefined);
  });

  it('writes a path the way a person reads JSON', () => {
    assert.equal(formatPath([]), '(body)');
    assert.equal(formatPath(['tasks', 0, 'error_items', 3, 'item']), 'tasks[0].error_items[3].item');
    assert.equal(formatPath([0, 'x']), '[0].x');
  });
});

function pick(page: { total: number; totalKnown: boolean }): { total: number; totalKnown: boolean } {
  return { total: page.total, totalKnown: page.totalKnown };
}
