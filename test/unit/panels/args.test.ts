import * as assert from 'node:assert/strict';
import { taskIdOf } from '../../../src/panels/args';

describe('showFailedItems argument', () => {
  it('takes a task id string or a tree node', () => {
    assert.equal(taskIdOf('abc'), 'abc');
    assert.equal(taskIdOf(' abc '), 'abc');
    assert.equal(taskIdOf({ taskId: 'n1', kind: 'task' }), 'n1');
    assert.equal(taskIdOf({ task: { id: 'n2' } }), 'n2');
  });

  it('has no task for anything else', () => {
    for (const a of [undefined, null, '', '  ', 42, {}, { taskId: 5 }, { task: {} }]) assert.equal(taskIdOf(a), undefined);
  });
});
