// A task's poll, refresh and page of failed items go out one at a time (RequestQueue): two overlapping reads
// of the same task could store an older answer over a newer one, and a failed read must not block the next.
import * as assert from 'node:assert/strict';
import { RequestQueue } from '../../../src/core/requestQueue';

/** A job that records when it starts and ends, finishing only when released. */
function gated(log: string[], name: string): { job: () => Promise<string>; release: () => void; fail: (e: Error) => void } {
  let release!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return {
    job: async () => {
      log.push(`start ${name}`);
      try {
        await done;
      } finally {
        log.push(`end ${name}`);
      }
      return name;
    },
    release: () => release(),
    fail: (e) => fail(e),
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RequestQueue (one request at a time per task)', () => {
  it('starts a job only after the one before it has finished, in the order they were queued', async () => {
    const log: string[] = [];
    const queue = new RequestQueue();
    const poll = gated(log, 'poll');
    const refresh = gated(log, 'refresh');
    const page = gated(log, 'page');
    const results = [queue.run(poll.job), queue.run(refresh.job), queue.run(page.job)];
    await tick();
    assert.deepEqual(log, ['start poll'], 'the refresh waits for the poll');
    poll.release();
    await tick();
    assert.deepEqual(log, ['start poll', 'end poll', 'start refresh']);
    refresh.release();
    page.release();
    assert.deepEqual(await Promise.all(results), ['poll', 'refresh', 'page']);
    assert.deepEqual(log, ['start poll', 'end poll', 'start refresh', 'end refresh', 'start page', 'end page']);
  });

  it('a failed job rejects its own caller only, and the jobs queued after it still run', async () => {
    const log: string[] = [];
    const queue = new RequestQueue();
    const poll = gated(log, 'poll');
    const failing = queue.run(poll.job);
    const next = queue.run(() => Promise.resolve('next'));
    poll.fail(new Error('HTTP 503'));
    await assert.rejects(failing, /HTTP 503/);
    assert.equal(await next, 'next');
    // And the queue keeps working after the failure has been passed on.
    assert.equal(await queue.run(() => Promise.resolve(42)), 42);
  });

  it('a job that throws before awaiting anything does not break the queue', async () => {
    const queue = new RequestQueue();
    await assert.rejects(queue.run(() => { throw new Error('bad id'); }), /bad id/);
    assert.equal(await queue.run(() => Promise.resolve('ok')), 'ok');
  });
});
