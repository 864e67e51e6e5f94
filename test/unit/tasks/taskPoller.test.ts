import * as assert from 'node:assert/strict';
import { TaskPoller, type Clock, type PollOutcome } from '../../../src/tasks/taskPoller';

/** A clock that only moves when told, so scheduling is checked without waiting. */
class FakeClock implements Clock {
  now = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  get pending(): number[] {
    return this.timers.map((t) => t.at - this.now).sort((a, b) => a - b);
  }
  /** Runs every timer due within `ms`, letting promises settle in between. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.now = next.at;
      next.fn();
      await flush();
    }
    this.now = until;
    await flush();
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function setup(answers: (id: string, n: number) => PollOutcome | Error | Promise<PollOutcome>) {
  const clock = new FakeClock();
  const calls: { id: string; signal: AbortSignal }[] = [];
  const counts = new Map<string, number>();
  const poller = new TaskPoller({
    clock,
    random: () => 0.5,
    baseIntervalMs: () => 5000,
    poll: (id, signal) => {
      calls.push({ id, signal });
      const n = (counts.get(id) ?? 0) + 1;
      counts.set(id, n);
      const a = answers(id, n);
      return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
    },
  });
  return { clock, calls, poller };
}

describe('views/TaskPoller', () => {
  it('polls at growing intervals and stops when the task is done', async () => {
    const { clock, calls, poller } = setup((_id, n) => (n < 3 ? 'running' : 'finished'));
    poller.watch('a');
    await clock.advance(4999);
    assert.equal(calls.length, 0);
    await clock.advance(1);
    assert.equal(calls.length, 1);
    assert.deepEqual(clock.pending, [7500]);
    await clock.advance(7500);
    assert.equal(calls.length, 2);
    await clock.advance(20_000);
    assert.equal(calls.length, 3);
    assert.equal(poller.isWatching('a'), false);
    assert.deepEqual(clock.pending, [], 'no timer left behind');
  });

  it('never has two requests in flight for one task', async () => {
    let release!: (o: PollOutcome) => void;
    const { clock, calls, poller } = setup(() => new Promise<PollOutcome>((r) => (release = r)));
    poller.watch('a');
    poller.watch('a');
    await clock.advance(5000);
    assert.equal(calls.length, 1);
    assert.equal(poller.isInFlight('a'), true);
    assert.deepEqual(clock.pending, [], 'next poll only scheduled after the answer');
    await clock.advance(120_000);
    assert.equal(calls.length, 1);
    release('running');
    await flush();
    assert.equal(clock.pending.length, 1);
  });

  it('untracking aborts the request in flight at once and schedules nothing more', async () => {
    const { clock, calls, poller } = setup(() => new Promise<PollOutcome>(() => undefined));
    poller.watch('a');
    await clock.advance(5000);
    assert.equal(calls[0]?.signal.aborted, false);
    poller.unwatch('a');
    assert.equal(calls[0]?.signal.aborted, true);
    assert.deepEqual(clock.pending, []);
  });

  it('slows down on throttling, honouring retryAfterMs', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottledError', retryAfterMs: 42_000 });
    const { clock, poller } = setup((_id, n) => (n === 1 ? throttled : 'running'));
    poller.watch('a');
    await clock.advance(5000);
    assert.deepEqual(clock.pending, [42_000 + 42_000 * 0.1 * 0.5]);
  });

  it('keeps watching after an ordinary error, with back-off', async () => {
    const { clock, calls, poller } = setup((_id, n) => (n === 1 ? new Error('503') : 'running'));
    poller.watch('a');
    await clock.advance(5000);
    assert.equal(poller.isWatching('a'), true);
    assert.deepEqual(clock.pending, [7500]);
    await clock.advance(7500);
    assert.equal(calls.length, 2);
  });

  it('starts nothing while paused and catches up on resume', async () => {
    const { clock, calls, poller } = setup(() => 'running');
    poller.watch('a');
    poller.watch('b');
    poller.setPaused(true);
    await clock.advance(600_000);
    assert.equal(calls.length, 0);
    poller.setPaused(false);
    await flush();
    assert.deepEqual(calls.map((c) => c.id).sort(), ['a', 'b']);
  });

  it('dispose cancels everything', async () => {
    const { clock, calls, poller } = setup(() => new Promise<PollOutcome>(() => undefined));
    poller.watch('a');
    await clock.advance(5000);
    poller.dispose();
    assert.equal(calls[0]?.signal.aborted, true);
    poller.watch('b');
    assert.deepEqual(poller.watched(), []);
  });
});
