import * as assert from 'node:assert/strict';
import { encodeTaskIdForPath, extractTaskId, isValidTaskId, taskIdFromArgument } from '../../../src/core/taskId';

const ID = 'ff80808297a1b2c30197a1b2c3d40001';
const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

describe('task ids', () => {
  it('accepts vendor ids and letters, digits, - and _ up to 64', () => {
    for (const id of [ID, 'a', 'task_01-X', 'x'.repeat(64)]) assert.equal(isValidTaskId(id), true, id);
  });

  it('rejects hostile and malformed ids', () => {
    for (const id of ['', '../etc', '..', 'a/b', 'a?b=1', 'a%2Fb', 'a b', 'a#b', 'x'.repeat(65), 'tâche', 'a\nb', ' ' + ID]) {
      assert.equal(isValidTaskId(id), false, JSON.stringify(id));
    }
    assert.equal(isValidTaskId(42), false);
    assert.equal(isValidTaskId(undefined), false);
  });

  it('encodes a valid id as one path segment and refuses an invalid one', () => {
    assert.equal(encodeTaskIdForPath(ID), ID);
    assert.throws(() => encodeTaskIdForPath('../x'), TypeError);
    assert.throws(() => encodeTaskIdForPath('a?b'), TypeError);
  });

  describe('extractTaskId', () => {
    it('returns a bare id (trimmed) as is', () => {
      assert.equal(extractTaskId(`  ${ID}\n`), ID);
      assert.equal(extractTaskId('my-task_1'), 'my-task_1');
    });

    it('trims a pasted id that is not 32 hex (copied with the line break and indentation around it)', () => {
      // No hex fallback can find these: only trimming the paste makes them ids.
      assert.equal(extractTaskId('  my-task_1\n'), 'my-task_1');
      assert.equal(extractTaskId('\ttask-2026-x\r\n'), 'task-2026-x');
      assert.equal(taskIdFromArgument(' my-task_1\n'), 'my-task_1');
    });

    it('finds the id in an API URL even when a project id is in it too', () => {
      assert.equal(extractTaskId(`https://dns.ap-southeast-3.myhuaweicloud.com/v2.1/batch-operation-tasks/${ID}?error_item_limit=10`), ID);
      assert.equal(extractTaskId(`https://console.example/dns/?region=ap-southeast-3&project=${PROJECT}#/dns/batch-operation-tasks/${ID}`), ID);
    });

    it('finds the id in a JSON answer or a log line', () => {
      assert.equal(extractTaskId(`{"task_id": "${ID}"}`), ID);
      assert.equal(extractTaskId(`{"tasks":[{"id":"${ID}","type":"create"}]}`), ID);
      assert.equal(extractTaskId(`created task ${ID} at 12:00`), ID);
    });

    it('does not cut a 32-hex id out of a longer hex run', () => {
      assert.equal(extractTaskId('sha ' + 'a'.repeat(40) + ' end'), undefined);
    });

    it('returns undefined when there is no id', () => {
      assert.equal(extractTaskId(''), undefined);
      assert.equal(extractTaskId('hello world, no id here'), undefined);
      assert.equal(extractTaskId('../../etc/passwd'), undefined);
    });
  });

  describe('taskIdFromArgument (every command that takes a task)', () => {
    it('takes an id, a pasted URL or JSON, a tree node, { taskId } or { task: { id } }', () => {
      assert.equal(taskIdFromArgument(ID), ID);
      assert.equal(taskIdFromArgument(` ${ID} `), ID);
      assert.equal(taskIdFromArgument(`https://console.example/#/dns/batch-operation-tasks/${ID}?tab=items`), ID);
      assert.equal(taskIdFromArgument(`{"task_id": "${ID}"}`), ID);
      assert.equal(taskIdFromArgument({ kind: 'task', taskId: ID }), ID);
      assert.equal(taskIdFromArgument({ taskId: ` ${ID} ` }), ID);
      assert.equal(taskIdFromArgument({ task: { id: ID } }), ID);
    });

    it('has no id for anything else, and never passes an invalid one on', () => {
      for (const a of [undefined, null, '', '  ', 42, {}, { taskId: 5 }, { task: {} }, { task: null }, { taskId: '../x' }, { taskId: 'a b' }, 'hello world']) {
        assert.equal(taskIdFromArgument(a), undefined, JSON.stringify(a));
      }
    });
  });
});
