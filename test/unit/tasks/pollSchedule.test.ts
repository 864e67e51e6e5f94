import * as assert from 'node:assert/strict';
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, throttledPollDelay } from '../../../src/tasks/pollSchedule';

const opts = { ...DEFAULT_POLL_SCHEDULE, baseMs: 5000, jitter: 0 };
const mid = () => 0.5;

describe('views/pollSchedule', () => {
  it('starts at the configured interval and backs off to a minute', () => {
    assert.equal(nextPollDelay(0, opts, mid), 5000);
    assert.equal(nextPollDelay(1, opts, mid), 7500);
    const delays = Array.from({ length: 20 }, (_, i) => nextPollDelay(i, opts, mid));
    for (let i = 1; i < delays.length; i++) assert.ok(delays[i]! >= delays[i - 1]!, 'never shrinks');
    assert.equal(delays.at(-1), 60_000);
  });

  it('never goes below the base even if the base is above the cap', () => {
    assert.equal(nextPollDelay(3, { ...opts, baseMs: 120_000 }, mid), 120_000);
  });

  it('adds bounded jitter both ways', () => {
    const j = { ...opts, jitter: 0.1 };
    assert.equal(nextPollDelay(0, j, () => 0), 4500);
    assert.equal(nextPollDelay(0, j, () => 0.999999), 5500);
  });

  it('honours Retry-After when throttled and never polls earlier than asked', () => {
    const j = { ...opts, jitter: 0.1 };
    assert.equal(throttledPollDelay(0, 30_000, j, () => 0), 30_000);
    assert.ok(throttledPollDelay(0, 30_000, j, () => 0.99) > 30_000);
  });

  it('without Retry-After, backs off twice as fast as normal, capped', () => {
    assert.equal(throttledPollDelay(0, undefined, opts, mid), 10_000);
    assert.equal(throttledPollDelay(50, undefined, opts, mid), 120_000);
    assert.equal(throttledPollDelay(50, undefined, { ...opts, maxMs: 1e9 }, mid), opts.maxThrottleMs);
  });
});
