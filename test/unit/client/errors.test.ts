import * as assert from 'node:assert/strict';
import {
  ApiError,
  AuthError,
  CancelledError,
  ClockSkewError,
  InsecureEndpointError,
  InvalidTaskIdError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  ResponseTooLargeError,
  ServerError,
  ThrottledError,
  TimeoutError,
  isApiError,
  isAuthError,
  isNotFoundError,
  isThrottledError,
} from '../../../src/core/errors';
import { REDACTED, redact, redactHeaders, registerSecret, releaseSecret } from '../../../src/core/redact';

const SECRET = 'sandbox-secret-key-0123456789abcdefghij';

describe('errors', () => {
  it('every class has its literal name, is an ApiError and an Error', () => {
    const all: ApiError[] = [
      new AuthError('x'),
      new ClockSkewError(),
      new ThrottledError(),
      new NotFoundError({ taskId: 'abc' }),
      new NetworkError('x'),
      new TimeoutError('headers'),
      new CancelledError(),
      new ResponseShapeError('id', 'is missing', '{}'),
      new ResponseTooLargeError(10),
      new InsecureEndpointError('http://example.com'),
      new InvalidTaskIdError('../x'),
      new ServerError({ status: 502 }),
    ];
    const names = all.map((e) => e.name);
    assert.deepEqual(names, [
      'AuthError', 'ClockSkewError', 'ThrottledError', 'NotFoundError', 'NetworkError', 'TimeoutError',
      'CancelledError', 'ResponseShapeError', 'ResponseTooLargeError', 'InsecureEndpointError', 'InvalidTaskIdError', 'ServerError',
    ]);
    for (const e of all) {
      assert.ok(e instanceof Error && e instanceof ApiError && isApiError(e), e.name);
      assert.match(String(e.stack), new RegExp(e.message.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
  });

  it('type guards recognise the class by brand, not identity', () => {
    assert.equal(isAuthError(new AuthError('x')), true);
    assert.equal(isAuthError(new NotFoundError()), false);
    assert.equal(isNotFoundError(new NotFoundError()), true);
    assert.equal(isThrottledError(new Error('x')), false);
    assert.equal(isApiError({ name: 'AuthError', message: 'forged' }), false);
  });

  it('ServerError reads "HTTP 502 from the gateway (request id …)" and is retryable for 5xx only', () => {
    const e = new ServerError({ status: 502, requestId: 'req-1' });
    assert.equal(e.message, 'HTTP 502 from the gateway (request id req-1)');
    assert.equal(e.retryable, true);
    assert.equal(new ServerError({ status: 400 }).retryable, false);
  });

  it('NotFoundError names the id and region and suggests the wrong site', () => {
    const e = new NotFoundError({ taskId: 'abc', region: 'cn-north-4', status: 404, code: 'DNS.0004', requestId: 'r1' });
    assert.match(e.message, /no task with id abc in region cn-north-4: wrong site\?/i);
    assert.match(e.message, /HTTP 404, DNS\.0004, request id r1/);
  });

  it('ThrottledError says when to try again', () => {
    assert.match(new ThrottledError({ retryAfterMs: 5000 }).message, /Try again in 5 s/);
    assert.equal(new ThrottledError({ retryAfterMs: 5000 }).retryAfterMs, 5000);
  });

  it('ClockSkewError tells the user to check the system clock', () => {
    const e = new ClockSkewError({ skewMs: 20 * 60_000 });
    assert.match(e.message, /check the system clock/);
    assert.match(e.message, /20 min ahead of the gateway/);
  });

  it('ResponseShapeError quotes at most 200 characters of the body', () => {
    const body = '<html>' + 'x'.repeat(1000);
    const e = new ResponseShapeError('(body)', 'is not JSON', body);
    assert.ok(e.bodySnippet.length <= 205, String(e.bodySnippet.length));
    assert.ok(!e.message.includes('x'.repeat(201)));
  });

  it('toJSON is plain data with the ids and no cause object', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', headers: { authorization: 'secret' } });
    const json = new NetworkError('refused', { cause, causeCode: 'ECONNREFUSED' }).toJSON();
    assert.deepEqual(json, {
      name: 'NetworkError',
      message: 'refused',
      retryable: true,
      cause: { name: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' },
    });
  });

  describe('secrets', () => {
    beforeEach(() => registerSecret(SECRET));
    afterEach(() => releaseSecret(SECRET));

    it('a registered secret key never survives into message, stack, JSON or cause', () => {
      const cause = new Error(`upstream said ${SECRET}`);
      const errors = [
        new ApiError(`bad ${SECRET}`, { cause, code: SECRET, requestId: SECRET }),
        new ResponseShapeError('id', 'is missing', `{"echo":"${SECRET}"}`),
        new AuthError(`Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=${'ab'.repeat(32)}`),
      ];
      for (const e of errors) {
        const everything = [e.message, e.stack, JSON.stringify(e), String((e as { cause?: Error }).cause?.stack), (e as { bodySnippet?: string }).bodySnippet].join('\n');
        assert.ok(!everything.includes(SECRET), everything);
        assert.ok(!everything.includes('ab'.repeat(32)), everything);
      }
    });

    it('redact removes credential headers and fields whatever their spelling', () => {
      const text = `x-security-token: tok123456\n"secretKey":"abcdef123" sk=zzzzzz99 Authorization=SDK-HMAC-SHA256 ${SECRET}`;
      const out = redact(text);
      for (const s of ['tok123456', 'abcdef123', 'zzzzzz99', SECRET]) assert.ok(!out.includes(s), out);
      assert.ok(out.includes(REDACTED));
    });

    it('redactHeaders replaces Authorization and X-Security-Token', () => {
      assert.deepEqual(redactHeaders({ Authorization: 'SDK x', 'x-security-token': 't', 'X-Project-Id': 'p' }), {
        Authorization: REDACTED,
        'x-security-token': REDACTED,
        'X-Project-Id': 'p',
      });
    });

    it('a released secret is no longer scrubbed (nothing is kept after close)', () => {
      releaseSecret(SECRET);
      assert.equal(redact(`v ${SECRET}`), `v ${SECRET}`);
      registerSecret(SECRET);
    });
  });
});
