// The sentences a person reads in a notification or "Copy Details", and the fields automation relies on.
import * as assert from 'node:assert/strict';
import {
  ApiError,
  AuthError,
  CancelledError,
  ClockSkewError,
  InsecureEndpointError,
  InvalidTaskIdError,
  InvalidZoneIdError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  ResponseTooLargeError,
  ServerError,
  ThrottledError,
  TimeoutError,
  WriteOutcomeUnknownError,
  describeIds,
  formatDuration,
  isCancelledError,
  isClockSkewError,
  isInsecureEndpointError,
  isInvalidTaskIdError,
  isInvalidZoneIdError,
  isNetworkError,
  isResponseShapeError,
  isResponseTooLargeError,
  isServerError,
  isTimeoutError,
  isWriteOutcomeUnknownError,
  quoteBody,
} from '../../../src/core/errors';

describe('error messages', () => {
  it('names status, code and request id in that order, leaving out what is missing', () => {
    assert.equal(describeIds({ status: 404, code: 'DNS.0004', requestId: 'r1' }), ' (HTTP 404, DNS.0004, request id r1)');
    assert.equal(describeIds({ code: 'DNS.0004' }), ' (DNS.0004)');
    assert.equal(describeIds({ status: 0 }), ' (HTTP 0)');
    assert.equal(describeIds({ code: '', requestId: '' }), '');
    assert.equal(describeIds({}), '');
  });

  it('writes durations as a person would say them', () => {
    assert.equal(formatDuration(999.6), '1000 ms');
    assert.equal(formatDuration(250), '250 ms');
    assert.equal(formatDuration(1000), '1 s');
    assert.equal(formatDuration(1500), '1.5 s');
    assert.equal(formatDuration(119_000), '119 s');
    assert.equal(formatDuration(120_000), '2 min');
    assert.equal(formatDuration(150_000), '3 min');
  });

  it('tells in which phase a request timed out, where, and after how long', () => {
    assert.equal(
      new TimeoutError('connect', { host: 'dns.example.com', timeoutMs: 10_000 }).message,
      'Timed out connecting to dns.example.com after 10 s. Check the network or proxy, or raise huaweiDns.requestTimeoutSeconds.',
    );
    assert.match(new TimeoutError('headers').message, /^Timed out waiting for an answer from the API\. /);
    assert.match(new TimeoutError('body', { status: 200 }).message, /^Timed out reading the answer from the API\. .*\(HTTP 200\)$/);
    assert.match(new TimeoutError('request').message, /^Timed out waiting for the API\. /);
    const e = new TimeoutError('body', { timeoutMs: 500 });
    assert.equal(e.phase, 'body');
    assert.equal(e.timeoutMs, 500);
    assert.equal(e.retryable, true);
    assert.equal(new TimeoutError('body', { retryable: false }).retryable, false, 'a write says it must not be repeated');
  });

  it('ThrottledError says how often it tried', () => {
    assert.equal(
      new ThrottledError({ attempts: 4, retryAfterMs: 1500, status: 429 }).message,
      'Too many requests: the API gateway is throttling this account. Gave up after 4 attempts. Try again in 1.5 s. (HTTP 429)',
    );
    assert.equal(new ThrottledError({ attempts: 1 }).message, 'Too many requests: the API gateway is throttling this account. Try again in a moment.');
    assert.equal(new ThrottledError().retryable, true);
  });

  it('NotFoundError without a task or region names what and where', () => {
    assert.equal(new NotFoundError().message, 'The resource was not found at this endpoint.');
    assert.equal(new NotFoundError({ what: 'The zone', region: 'cn-north-4' }).message, 'The zone was not found in region cn-north-4.');
    assert.equal(new NotFoundError({ taskId: 'abc' }).message, 'No task with id abc at this endpoint: wrong site? Tasks are only visible in the region that ran them.');
    assert.equal(new NotFoundError({ taskId: 'abc' }).taskId, 'abc');
    assert.equal(new NotFoundError().retryable, false);
  });

  it('ClockSkewError says which way the clock is off, or nothing when the Date was not known', () => {
    assert.match(new ClockSkewError({ skewMs: -90_000 }).message, / Your clock is 90 s behind the gateway\.$/);
    assert.match(new ClockSkewError({ skewMs: 16 * 60_000 }).message, / Your clock is 16 min ahead of the gateway\.$/);
    assert.equal(
      new ClockSkewError({ status: 401 }).message,
      'The gateway rejected the request time: signed requests must be within 15 minutes of its clock; check the system clock. (HTTP 401)',
    );
    assert.equal(new ClockSkewError({ skewMs: 0 }).skewMs, 0);
  });

  it('ClockSkewError names no direction for a difference under a second: the Date header has whole seconds', () => {
    for (const skewMs of [0, 999, -999]) {
      assert.match(new ClockSkewError({ skewMs }).message, / Your clock and the gateway's agree to within a second \(by its Date header\)\.$/, String(skewMs));
    }
    assert.match(new ClockSkewError({ skewMs: 1000 }).message, / Your clock is 1 s ahead of the gateway\.$/);
    assert.match(new ClockSkewError({ skewMs: -1000 }).message, / Your clock is 1 s behind the gateway\.$/);
  });

  it('ServerError is retryable for 500, 502, 503 and 504 unless told otherwise', () => {
    for (const status of [500, 502, 503, 504]) assert.equal(new ServerError({ status }).retryable, true, String(status));
    for (const status of [501, 505, 400]) assert.equal(new ServerError({ status }).retryable, false, String(status));
    assert.equal(new ServerError({ status: 503, retryable: false }).retryable, false);
    assert.equal(new ServerError({ status: 500, code: 'DNS.0001', detail: 'boom' }).message, 'HTTP 500 DNS.0001 from the gateway: boom');
  });

  it('ResponseTooLargeError states the limit in readable units', () => {
    assert.match(new ResponseTooLargeError(64 * 1024 * 1024).message, /^The answer was larger than 64 MiB and was cut off\. Ask for smaller pages \(huaweiDns\.pageSize\)\.$/);
    assert.match(new ResponseTooLargeError(2048).message, /larger than 2 KiB /);
    assert.match(new ResponseTooLargeError(1024).message, /larger than 1 KiB /);
    assert.match(new ResponseTooLargeError(1023).message, /larger than 1023 bytes /);
    assert.match(new ResponseTooLargeError(1024 * 1024).message, /larger than 1 MiB /);
    assert.equal(new ResponseTooLargeError(10).limitBytes, 10);
  });

  it('InsecureEndpointError shows only scheme and host of the endpoint, never its path or credentials', () => {
    const e = new InsecureEndpointError('http://user:pass@dns.example.com:8080/v2?token=x');
    assert.equal(e.message, 'Refusing to send signed requests to http://dns.example.com:8080: use https:// (plain http:// is only allowed to this computer, e.g. http://127.0.0.1).');
    assert.match(new InsecureEndpointError('not a url').message, /^Refusing to send signed requests to "not a url": /);
    assert.match(new InsecureEndpointError('x'.repeat(300)).message, new RegExp(`to "${'x'.repeat(100)}": `));
    assert.equal(new InsecureEndpointError('http://a', 'Proxy refused.').message, 'Proxy refused.');
  });

  it('InvalidTaskIdError and InvalidZoneIdError quote at most 80 characters of what they were given', () => {
    assert.match(new InvalidTaskIdError('../x').message, /^"\.\.\/x" is not a batch task id: /);
    assert.match(new InvalidTaskIdError(42).message, /^number is not a batch task id/);
    assert.ok(new InvalidTaskIdError('y'.repeat(200)).message.startsWith(`"${'y'.repeat(80)}…" is not`));
    assert.ok(new InvalidTaskIdError('y'.repeat(80)).message.startsWith(`"${'y'.repeat(80)}" is not`));
    assert.match(new InvalidZoneIdError('a/b').message, /^"a\/b" is not a zone id: ids are letters, digits, '-' and '_', at most 64\.$/);
    assert.match(new InvalidZoneIdError(undefined).message, /^undefined is not a zone id/);
    assert.ok(new InvalidZoneIdError('z'.repeat(81)).message.startsWith(`"${'z'.repeat(80)}…" is not`));
    assert.ok(new InvalidZoneIdError('z'.repeat(80)).message.startsWith(`"${'z'.repeat(80)}" is not`), 'exactly 80 is shown whole');
  });

  it('WriteOutcomeUnknownError says the task may exist and since when to look, also in its JSON', () => {
    const sentAt = new Date('2026-03-01T12:00:00.000Z');
    const e = new WriteOutcomeUnknownError({ sentAt, what: 'create record sets', reason: 'timed out', requestId: 'r7' });
    assert.equal(e.message, 'No clear answer to the request to create record sets (timed out): the task may have been created. Check the tasks created since 2026-03-01T12:00:00.000Z before sending again. (request id r7)');
    assert.equal(e.retryable, false);
    sentAt.setFullYear(2000);
    assert.equal(e.sentAt.toISOString(), '2026-03-01T12:00:00.000Z', 'a copy, not the caller\'s Date');
    assert.deepEqual(e.toJSON(), { name: 'WriteOutcomeUnknownError', message: e.message, retryable: false, requestId: 'r7', sentAt: '2026-03-01T12:00:00.000Z' });
  });

  it('quotes an empty body as (empty) and a long one cut at the limit', () => {
    assert.equal(quoteBody(''), '(empty)');
    assert.equal(quoteBody('abc', 2), '"ab…"');
    assert.equal(quoteBody('ab', 2), '"ab"');
    assert.equal(quoteBody('<b>\n'), '"<b>\\n"');
    assert.match(new ResponseShapeError('(body)', 'is not JSON', '').message, /Body starts: \(empty\)$/);
  });

  describe('causes', () => {
    it('keeps name, code and a scrubbed message of an Error cause, and a string cause scrubbed', () => {
      const cause = Object.assign(new TypeError('fetch failed: Signature=' + 'ab'.repeat(20)), { code: 'UND_ERR_SOCKET', request: { headers: {} } });
      const e = new NetworkError('reset', { cause });
      const kept = (e as { cause?: Error & { code?: string; request?: unknown } }).cause!;
      assert.equal(kept.name, 'TypeError');
      assert.equal(kept.code, 'UND_ERR_SOCKET');
      assert.equal(kept.message, 'fetch failed: Signature=[REDACTED]');
      assert.equal(kept.request, undefined);
      assert.ok(!String(kept.stack).includes('ab'.repeat(20)));
      assert.equal((new ApiError('x', { cause: 'x-security-token: abcdefgh' }) as { cause?: unknown }).cause, 'x-security-token: [REDACTED]');
      assert.equal((new ApiError('x', { cause: { secret: 1 } }) as { cause?: unknown }).cause, undefined);
      const noStack = new Error('m');
      noStack.stack = undefined;
      assert.equal((new ApiError('x', { cause: noStack }) as { cause?: Error }).cause!.stack, undefined);
      const numeric = Object.assign(new Error('m'), { code: 42 });
      assert.equal((new ApiError('x', { cause: numeric }) as { cause?: Error & { code?: unknown } }).cause!.code, undefined);
    });

    it('toJSON has status, code and request id when known, and the cause only when it is an Error', () => {
      assert.deepEqual(new ApiError('m', { status: 400, code: 'C', requestId: 'r' }).toJSON(), { name: 'ApiError', message: 'm', retryable: false, status: 400, code: 'C', requestId: 'r' });
      assert.deepEqual(new ApiError('m', { cause: 'text' }).toJSON(), { name: 'ApiError', message: 'm', retryable: false });
      assert.deepEqual(new AuthError('m', { action: 'dns:a' }).action, 'dns:a');
    });
  });

  it('type guards tell every class apart', () => {
    const samples = [
      [isClockSkewError, new ClockSkewError()],
      [isNetworkError, new NetworkError('x')],
      [isTimeoutError, new TimeoutError('connect')],
      [isCancelledError, new CancelledError()],
      [isResponseShapeError, new ResponseShapeError('f', 'p', '')],
      [isResponseTooLargeError, new ResponseTooLargeError(1)],
      [isInsecureEndpointError, new InsecureEndpointError('http://x')],
      [isInvalidTaskIdError, new InvalidTaskIdError('x/')],
      [isInvalidZoneIdError, new InvalidZoneIdError('x/')],
      [isServerError, new ServerError({ status: 500 })],
      [isWriteOutcomeUnknownError, new WriteOutcomeUnknownError({ sentAt: new Date(0), what: 'w', reason: 'r' })],
    ] as const;
    for (const [guard, own] of samples) {
      for (const [, other] of samples) assert.equal(guard(other), other === own, `${guard.name || 'guard'}(${other.name})`);
      assert.equal(guard(null), false);
      assert.equal(guard(new ApiError('x')), false);
    }
    assert.equal(new CancelledError().message, 'The request was cancelled.');
    assert.equal(new CancelledError().retryable, false);
  });
});
