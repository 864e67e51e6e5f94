// Pasting something that names a task (Track Task, showBatchTask's argument) must open that task. Ids here are
// deliberately not 32 hex characters: the hex fallback would find those anyway and hide a broken named pattern.
import * as assert from 'node:assert/strict';
import { encodeTaskIdForPath, extractTaskId, isValidTaskId, MAX_TASK_ID_LENGTH } from '../../../src/core/taskId';

const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

describe('task ids: named ids in pasted text', () => {
  it('takes the segment after batch-operation-tasks/ in any case, even with a project id in the URL', () => {
    assert.equal(extractTaskId(`https://dns.example/v2.1/${PROJECT}/batch-operation-tasks/task-42?limit=1`), 'task-42');
    assert.equal(extractTaskId('https://console.example/#/dns/Batch-Operation-Tasks/job_7/detail'), 'job_7');
  });

  it('reads task_id / taskId / TaskID with =, : or spaces around, quoted or not', () => {
    const cases: [string, string][] = [
      ['task_id=abc-1&x=2', 'abc-1'],
      ['task_id = abc-2 done', 'abc-2'],
      ['taskId: abc-3', 'abc-3'],
      ['TASKID:abc-4', 'abc-4'],
      ['{"task_id":"abc-5"}', 'abc-5'],
      ['{"task_id" : "abc-6"}', 'abc-6'],
      ["{'taskId': 'abc-7'}", 'abc-7'],
      [`project_id=${PROJECT} task_id=abc-8`, 'abc-8'],
    ];
    for (const [text, id] of cases) assert.equal(extractTaskId(text), id, text);
  });

  it('reads a quoted "id" field of a JSON answer, but not a field that merely ends in id', () => {
    assert.equal(extractTaskId('{"tasks":[{"id":"job-1","type":"create"}]}'), 'job-1');
    assert.equal(extractTaskId(`{"id" : "job-2", "project": "${PROJECT}"}`), 'job-2');
    assert.equal(extractTaskId("{'id':'job-3'}"), 'job-3');
    assert.equal(extractTaskId('{"grid":"not-this","id":"job-4"}'), 'job-4');
    assert.equal(extractTaskId('{"grid":"not-this"}'), undefined);
    assert.equal(extractTaskId('{"id":"two words"}'), undefined, 'a value that is not one id');
  });

  it('prefers the explicitly named id to another 32-hex run in the same text', () => {
    assert.equal(extractTaskId(`${PROJECT} {"id":"job-5"}`), 'job-5');
    assert.equal(extractTaskId(`${PROJECT} task_id=job-6`), 'job-6');
  });

  it('finds an upper-case hex id in a log line, and none in a hex run longer than 32', () => {
    const upper = 'FF80808297A1B2C30197A1B2C3D40001';
    assert.equal(extractTaskId(`created ${upper}.`), upper);
    assert.equal(extractTaskId(`sha=${upper}AB`), undefined);
    assert.equal(extractTaskId(`sha=AB${upper}`), undefined);
  });

  it('returns undefined for blank text', () => {
    assert.equal(extractTaskId('   \n\t'), undefined);
  });

  it('caps ids at MAX_TASK_ID_LENGTH (64) characters', () => {
    assert.equal(MAX_TASK_ID_LENGTH, 64);
    assert.equal(isValidTaskId('t'.repeat(64)), true);
    assert.equal(isValidTaskId('t'.repeat(65)), false);
    assert.equal(extractTaskId('t'.repeat(64)), 't'.repeat(64));
  });

  it('puts a valid id into the path unchanged and refuses anything that could leave the segment', () => {
    assert.equal(encodeTaskIdForPath('job_1-A'), 'job_1-A');
    for (const bad of ['', 'a/b', 'a%2F', 'a b']) assert.throws(() => encodeTaskIdForPath(bad), { name: 'TypeError', message: 'invalid task id' });
  });
});
