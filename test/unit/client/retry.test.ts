import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AuthError,
  CancelledError,
  InsecureEndpointError,
  InvalidTaskIdError,
  InvalidZoneIdError,
  NetworkError,
  ResponseShapeError,
  ServerError,
  ThrottledError,
  TooManyItemsError,
  type ApiError,
} from '../../../src/core/errors';
import { DEFAULT_RETRY_POLICY, backoffDelay, isRetryable, nextDelay, parseRetryAfter, withRetry } from '../../../src/core/retry';

const P = DEFAULT_RETRY_POLICY;

describe('retry policy', () => {
  describe('parseRetryAfter', () => {
    const now = Date.parse('2025-06-17T13:00:00Z');
    it('reads delta-seconds', () => {
      assert.equal(parseRetryAfter('0', now), 0);
      assert.equal(parseRetryAfter('5', now), 5000);
      assert.equal(parseRetryAfter(' 2.5 ', now), 2500);
    });
    it('reads an HTTP-date relative to now, never negative', () => {
      assert.equal(parseRetryAfter('Tue, 17 Jun 2025 13:00:30 GMT', now), 30_000);
      assert.equal(parseRetryAfter('Tue, 17 Jun 2025 12:59:00 GMT', now), 0);
    });
    it('ignores what is neither', () => {
      for (const v of [undefined, null, '', '-5', 'soon', '1e3']) assert.equal(parseRetryAfter(v, now), undefined, String(v));
    });
  });

  it('never retries 400, 401, 403, 404 or APIGW.0301; retries 429, 500, 502, 503, 504 and network errors', () => {
    for (const status of [400, 401, 403, 404]) assert.equal(isRetryable({ status }, P), false, String(status));
    assert.equal(isRetryable({ status: 503, code: 'APIGW.0301' }, P), false);
    assert.equal(isRetryable({ code: 'APIGW.0301', network: true }, P), false);
    for (const status of [429, 500, 502, 503, 504]) assert.equal(isRetryable({ status }, P), true, String(status));
    assert.equal(isRetryable({ status: 501 }, P), false);
    assert.equal(isRetryable({ network: true }, P), true);
    assert.equal(isRetryable({}, P), false);
  });

  it('full jitter stays within [0, min(max, base·2^n))', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.double({ min: 0, max: 0.9999999, noNaN: true }), (n, r) => {
        const d = backoffDelay(n, P, () => r);
        assert.ok(d >= 0 && d < Math.min(P.maxDelayMs, P.baseDelayMs * 2 ** n) + 1e-9, `${n} ${r} ${d}`);
      }),
    );
    assert.equal(backoffDelay(2, P, () => 0.5), 1000);
  });

  it('honours Retry-After, but not beyond maxRetryAfterMs, and stops after maxRetries', () => {
    assert.equal(nextDelay({ status: 429, retryAfterMs: 3000 }, 0, P), 3000);
    assert.equal(nextDelay({ status: 429, retryAfterMs: P.maxRetryAfterMs + 1 }, 0, P), undefined);
    assert.equal(nextDelay({ status: 503 }, P.maxRetries, P), undefined);
    assert.equal(nextDelay({ status: 401 }, 0, P), undefined);
  });

  describe('withRetry', () => {
    const sleeps: number[] = [];
    const fast = { policy: P, sleep: (ms: number) => (sleeps.push(ms), Promise.resolve()), random: () => 0.5 };
    beforeEach(() => (sleeps.length = 0));

    it('retries a 503 then returns the success', async () => {
      let n = 0;
      const result = await withRetry(async () => {
        await Promise.resolve();
        if (++n === 1) throw new ServerError({ status: 503 });
        return 'ok';
      }, fast);
      assert.equal(result, 'ok');
      assert.deepEqual(sleeps, [250]);
    });

    it('makes 1 + maxRetries attempts, then rethrows the last error', async () => {
      let n = 0;
      await assert.rejects(withRetry(async () => {
        await Promise.resolve(); n++; throw new NetworkError('reset'); }, fast), NetworkError);
      assert.equal(n, P.maxRetries + 1);
      assert.deepEqual(sleeps, [250, 500, 1000]);
    });

    it('does not retry auth failures or unknown errors', async () => {
      let n = 0;
      await assert.rejects(withRetry(async () => {
        await Promise.resolve(); n++; throw new AuthError('no', { status: 401, code: 'APIGW.0301' }); }, fast), AuthError);
      await assert.rejects(withRetry(async () => {
        await Promise.resolve(); n++; throw new TypeError('bug'); }, fast), TypeError);
      assert.equal(n, 2);
    });

    it('makes one attempt for an error without an HTTP status that says it cannot succeed by trying again', async () => {
      // Without a status only `retryable` decides: a refused endpoint, an id that is not an id, a list too long to
      // load or an answer that does not fit would fail the same way each time, after seconds of back-off.
      const errors: [string, () => ApiError][] = [
        ['InsecureEndpointError', () => new InsecureEndpointError('http://dns.example.com')],
        ['InvalidZoneIdError', () => new InvalidZoneIdError('a/b')],
        ['InvalidTaskIdError', () => new InvalidTaskIdError('../x')],
        ['TooManyItemsError', () => new TooManyItemsError(200_000, 100_000)],
        ['ResponseShapeError', () => new ResponseShapeError('links.next', 'has no marker', '/v2/zones?offset=5')],
        ['CancelledError', () => new CancelledError()],
      ];
      for (const [name, make] of errors) {
        let n = 0;
        await assert.rejects(withRetry(async () => {
          await Promise.resolve(); n++; throw make(); }, fast), { name });
        assert.equal(n, 1, name);
      }
      assert.deepEqual(sleeps, []);
    });

    it('waits what Retry-After says', async () => {
      let n = 0;
      await withRetry(async () => {
        await Promise.resolve();
        if (++n === 1) throw new ThrottledError({ status: 429, retryAfterMs: 1234 });
        return 1;
      }, fast);
      assert.deepEqual(sleeps, [1234]);
    });
  });
});
