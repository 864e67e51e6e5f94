// How long the client waits before trying again, and that a person's Cancel ends the wait at once.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import {
  ApiError,
  CancelledError,
  InvalidTaskIdError,
  NetworkError,
  ServerError,
  ThrottledError,
  TimeoutError,
} from '../../../src/core/errors';
import { DEFAULT_RETRY_POLICY, backoffDelay, isRetryable, nextDelay, parseRetryAfter, sleep, withRetry, type RetryPolicy } from '../../../src/core/retry';

const P = DEFAULT_RETRY_POLICY;
const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('retry: waits', () => {
  describe('Retry-After', () => {
    it('reads every digit of delta-seconds, trimmed, with an optional fraction', () => {
      assert.equal(parseRetryAfter('120', NOW), 120_000);
      assert.equal(parseRetryAfter('3600', NOW), 3_600_000);
      assert.equal(parseRetryAfter('\t7 ', NOW), 7000);
      assert.equal(parseRetryAfter('1.25', NOW), 1250);
      assert.equal(parseRetryAfter('0.0004', NOW), 0);
    });

    it('refuses half numbers and signed or scientific values', () => {
      for (const v of ['5.', '.5', '1.2.3', '+5', '12abc', '5 s', ' ']) assert.equal(parseRetryAfter(v, NOW), undefined, JSON.stringify(v));
    });

    it('reads an HTTP-date as the time left until then', () => {
      assert.equal(parseRetryAfter('Sun, 01 Mar 2026 12:02:00 GMT', NOW), 120_000);
      assert.equal(parseRetryAfter('SUN, 01 MAR 2026 12:00:01 GMT', NOW), 1000);
      assert.equal(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW), 0);
      assert.equal(parseRetryAfter('Someday, never', NOW), undefined);
    });

    it('measures an HTTP-date against the current time by default', () => {
      const inAMinute = new Date(Date.now() + 60_000).toUTCString();
      const ms = parseRetryAfter(inAMinute);
      assert.ok(ms !== undefined && ms > 50_000 && ms <= 60_000, String(ms));
    });
  });

  describe('back-off', () => {
    it('doubles from the base and stops growing at the maximum', () => {
      assert.equal(backoffDelay(0, P, () => 0.999), 499);
      assert.equal(backoffDelay(3, P, () => 0.5), 2000);
      assert.equal(backoffDelay(10, P, () => 0.5), P.maxDelayMs / 2);
      assert.equal(backoffDelay(-2, P, () => 0.5), 250, 'a negative index is the first retry');
      assert.equal(backoffDelay(1, P, () => 0), 0);
    });

    it('uses Math.random when no source of randomness is given', () => {
      for (let i = 0; i < 20; i++) {
        const d = backoffDelay(0, P);
        assert.ok(Number.isInteger(d) && d >= 0 && d < P.baseDelayMs, String(d));
      }
    });
  });

  describe('decisions', () => {
    it('retries a retryable status whatever vendor code it carries, unless the code is an auth lock-out', () => {
      assert.equal(isRetryable({ status: 503, code: 'DNS.0001' }, P), true);
      assert.equal(isRetryable({ status: 429, code: 'APIG.0301' }, P), false);
      assert.equal(isRetryable({ network: false }, P), false);
    });

    it('a status on the never-retry list is not retried even when a custom policy also lists it as retryable', () => {
      // client options take a partial policy: adding 401 must not retry bad signatures (five lock the key).
      const careless: RetryPolicy = { ...P, retryStatuses: [...P.retryStatuses, 401, 403] };
      assert.equal(isRetryable({ status: 401 }, careless), false);
      assert.equal(isRetryable({ status: 403 }, careless), false);
      assert.equal(nextDelay({ status: 401 }, 0, careless, () => 0.5), undefined);
      assert.equal(isRetryable({ status: 503 }, careless), true);
    });

    it('the last allowed retry still happens; one more does not', () => {
      assert.equal(nextDelay({ status: 503 }, P.maxRetries - 1, P, () => 0.5), 250 * 2 ** (P.maxRetries - 1));
      assert.equal(nextDelay({ status: 503 }, P.maxRetries, P, () => 0.5), undefined);
    });

    it('waits a Retry-After of exactly the limit, and of zero', () => {
      assert.equal(nextDelay({ status: 429, retryAfterMs: P.maxRetryAfterMs }, 0, P), P.maxRetryAfterMs);
      assert.equal(nextDelay({ status: 429, retryAfterMs: 0 }, 0, P, () => 0.9), 0);
    });

    it('a policy with no retries never waits', () => {
      const none: RetryPolicy = { ...P, maxRetries: 0 };
      assert.equal(nextDelay({ network: true }, 0, none), undefined);
    });
  });

  describe('withRetry', () => {
    const recorded = () => {
      const waits: number[] = [];
      return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
    };

    it('numbers the attempts from 1 and reports each wait before it starts', async () => {
      const { waits, sleep: fake } = recorded();
      const seen: number[] = [];
      const told: { retryIndex: number; delayMs: number; name: string }[] = [];
      const result = await withRetry(
        async (n) => {
          seen.push(n);
          await Promise.resolve();
          if (n < 3) throw new ServerError({ status: 502 });
          return 'done';
        },
        { policy: P, sleep: fake, random: () => 0.5, onRetry: (i) => told.push({ retryIndex: i.retryIndex, delayMs: i.delayMs, name: (i.error as Error).name }) },
      );
      assert.equal(result, 'done');
      assert.deepEqual(seen, [1, 2, 3]);
      assert.deepEqual(waits, [250, 500]);
      assert.deepEqual(told, [
        { retryIndex: 0, delayMs: 250, name: 'ServerError' },
        { retryIndex: 1, delayMs: 500, name: 'ServerError' },
      ]);
    });

    it('retries a status-less error only when it says it is retryable (a timeout, a reset), not a refusal', async () => {
      const { waits, sleep: fake } = recorded();
      let n = 0;
      await withRetry(async () => {
        await Promise.resolve();
        if (++n === 1) throw new TimeoutError('headers');
        return 1;
      }, { policy: P, sleep: fake, random: () => 0.5 });
      assert.equal(n, 2);
      for (const error of [new InvalidTaskIdError('../x'), new ApiError('refused', { retryable: false }), new NetworkError('locked', { code: 'APIGW.0301' })]) {
        let tries = 0;
        await assert.rejects(withRetry(async () => { tries++; await Promise.resolve(); throw error; }, { policy: P, sleep: fake }), { name: error.name });
        assert.equal(tries, 1, error.message);
      }
      assert.deepEqual(waits, [250]);
    });

    it('does not retry a 501 and gives up on a Retry-After longer than a minute', async () => {
      const { waits, sleep: fake } = recorded();
      let n = 0;
      await assert.rejects(withRetry(async () => { n++; await Promise.resolve(); throw new ServerError({ status: 501 }); }, { policy: P, sleep: fake }), ServerError);
      await assert.rejects(
        withRetry(async () => { n++; await Promise.resolve(); throw new ThrottledError({ status: 429, retryAfterMs: 61_000 }); }, { policy: P, sleep: fake }),
        (e: unknown) => e instanceof ThrottledError && e.retryAfterMs === 61_000,
      );
      assert.equal(n, 2);
      assert.deepEqual(waits, []);
    });

    it('after Cancel, rethrows the failure at once instead of retrying it', async () => {
      const { waits, sleep: fake } = recorded();
      const controller = new AbortController();
      let n = 0;
      await assert.rejects(
        withRetry(async () => {
          n++;
          await Promise.resolve();
          controller.abort();
          throw new ServerError({ status: 503 });
        }, { policy: P, sleep: fake, signal: controller.signal }),
        ServerError,
      );
      assert.equal(n, 1);
      assert.deepEqual(waits, []);
    });

    it('waits with the real sleep by default, and Cancel during the wait ends it with CancelledError', async () => {
      const fastPolicy: RetryPolicy = { ...P, baseDelayMs: 2, maxDelayMs: 2 };
      let n = 0;
      assert.equal(await withRetry(async () => { await Promise.resolve(); if (++n === 1) throw new ServerError({ status: 503 }); return 'ok'; }, { policy: fastPolicy }), 'ok');
      const controller = new AbortController();
      const slowPolicy: RetryPolicy = { ...P, baseDelayMs: 60_000, maxDelayMs: 60_000 };
      const run = withRetry(async () => { await Promise.resolve(); throw new ServerError({ status: 503 }); }, { policy: slowPolicy, random: () => 0.99, signal: controller.signal });
      setTimeout(() => controller.abort(), 5);
      await assert.rejects(run, CancelledError);
    });
  });

  describe('sleep', () => {
    it('resolves after the time and leaves no listener on the signal', async () => {
      const controller = new AbortController();
      await sleep(3, controller.signal);
      assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
      await sleep(1);
    });

    it('rejects at once with CancelledError when already cancelled, without waiting', async () => {
      const controller = new AbortController();
      controller.abort();
      const started = sleep(60_000, controller.signal);
      await assert.rejects(started, CancelledError);
    });

    it('rejects with CancelledError when cancelled while waiting', async () => {
      const controller = new AbortController();
      const waiting = sleep(60_000, controller.signal);
      assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
      controller.abort();
      await assert.rejects(waiting, (e: unknown) => e instanceof CancelledError && e.message === 'The request was cancelled.');
    });
  });
});
