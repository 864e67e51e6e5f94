// A non-2xx answer becomes the error class and message that tell the person what to do: fix the clock, fix the
// key, ask for a permission, wait, or send the request id to support.
import * as assert from 'node:assert/strict';
import { errorFromResponse, MAX_CLOCK_SKEW_MS, type FailedAnswer, type FailedOperation } from '../../../src/core/responseErrors';
import type { ApiError, AuthError, ClockSkewError, NotFoundError, ThrottledError } from '../../../src/core/errors';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const OP: FailedOperation = { action: 'dns:zone:getPublicZoneBatchOperationResult', what: 'read the batch task', taskId: 'task-1', region: 'ap-southeast-3' };
const SIG_FAIL = JSON.stringify({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail', request_id: 'body-req' });

function answer(status: number, body: unknown, headers: Record<string, string> = {}): FailedAnswer {
  return { status, headers: { 'x-request-id': 'hdr-req', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
const gatewayDate = (offsetMs: number) => new Date(NOW + offsetMs).toUTCString();
const fail = (a: FailedAnswer, op: Partial<FailedOperation> = OP): ApiError => errorFromResponse(a, { ...OP, ...op }, NOW);

describe('errors from HTTP answers', () => {
  describe('clock skew', () => {
    it('a signature failure from a gateway whose Date is 20 minutes behind says: your clock is ahead', () => {
      const e = fail(answer(401, SIG_FAIL, { date: gatewayDate(-20 * 60_000) })) as ClockSkewError;
      assert.equal(e.name, 'ClockSkewError');
      assert.equal(e.skewMs, 20 * 60_000);
      assert.match(e.message, /check the system clock\. Your clock is 20 min ahead of the gateway/);
      assert.equal(e.code, 'APIGW.0301');
      assert.equal(e.requestId, 'hdr-req');
      assert.equal(e.retryable, false);
    });

    it('a gateway clock 30 minutes ahead says: your clock is behind', () => {
      const e = fail(answer(403, SIG_FAIL, { date: gatewayDate(30 * 60_000) })) as ClockSkewError;
      assert.equal(e.name, 'ClockSkewError');
      assert.equal(e.skewMs, -30 * 60_000);
      assert.match(e.message, /Your clock is 30 min behind the gateway/);
    });

    it('up to 15 minutes off is within the gateway\'s tolerance: an ordinary authentication failure', () => {
      assert.equal(MAX_CLOCK_SKEW_MS, 15 * 60_000);
      for (const offset of [MAX_CLOCK_SKEW_MS, -MAX_CLOCK_SKEW_MS, 60_000]) {
        const e = fail(answer(401, SIG_FAIL, { date: gatewayDate(-offset) }));
        assert.equal(e.name, 'AuthError', String(offset));
      }
      assert.equal(fail(answer(401, SIG_FAIL, { date: gatewayDate(-MAX_CLOCK_SKEW_MS - 1000) })).name, 'ClockSkewError');
    });

    it('a gateway message about the request time is clock skew even without a Date header', () => {
      for (const msg of ['The request has expired', 'X-Sdk-Date is too early', 'request time out of range', 'clock skew too large', 'Your clock is ahead of the gateway']) {
        const e = fail(answer(401, { error_code: 'APIGW.0303', error_msg: msg })) as ClockSkewError;
        assert.equal(e.name, 'ClockSkewError', msg);
        assert.equal(e.skewMs, undefined);
        assert.doesNotMatch(e.message, /Your clock is/);
      }
    });

    it('a request-time refusal while the Date header agrees with this clock names no direction to correct', () => {
      const e = fail(answer(401, { error_code: 'APIGW.0303', error_msg: 'The request has expired' }, { date: gatewayDate(0) })) as ClockSkewError;
      assert.equal(e.name, 'ClockSkewError');
      assert.equal(e.skewMs, 0);
      assert.doesNotMatch(e.message, /ahead of|behind/);
      assert.match(e.message, /agree to within a second/);
    });

    it('an unparseable Date header is ignored', () => {
      assert.equal(fail(answer(401, SIG_FAIL, { date: 'yesterday' })).name, 'AuthError');
    });
  });

  describe('authentication and permission', () => {
    it('401 says the key or signature was refused, quoting the server, and is never retried', () => {
      const e = fail(answer(401, SIG_FAIL)) as AuthError;
      assert.equal(e.name, 'AuthError');
      assert.equal(e.status, 401);
      assert.equal(e.retryable, false);
      assert.match(e.message, /^Authentication failed: the gateway did not accept the access key or signature\./);
      assert.match(e.message, /five failures in a row lock the key/);
      assert.match(e.message, /The server said: Incorrect IAM authentication information: verify aksk signature fail \(HTTP 401, APIGW\.0301, request id hdr-req\)$/);
      assert.equal(e.action, undefined);
    });

    it('403 without an authentication code is a missing permission naming the IAM action', () => {
      const e = fail(answer(403, { code: 'DNS.1802', message: 'Policy doesn\'t allow dns:zone:get' })) as AuthError;
      assert.equal(e.name, 'AuthError');
      assert.equal(e.action, OP.action);
      assert.match(e.message, /^Permission denied: the IAM user needs the action dns:zone:getPublicZoneBatchOperationResult /);
      assert.match(e.message, /\(HTTP 403, DNS\.1802, request id hdr-req\)$/);
    });

    it('403 for a call that needs several actions names them all and the policy that grants them', () => {
      const e = fail(answer(403, { code: 'DNS.1802', message: 'denied' }), { action: 'dns:recordset:create', alsoNeeds: ['dns:zone:get', 'dns:recordset:list'], policy: 'DNS FullAccess' }) as AuthError;
      assert.match(e.message, /^Permission denied: the IAM user needs the actions dns:recordset:create, dns:zone:get and dns:recordset:list \(ask an administrator to grant them, e\.g\. through the DNS FullAccess policy\)\./);
      assert.equal(e.action, 'dns:recordset:create');
      const one = fail(answer(403, { code: 'DNS.1802', message: 'denied' }));
      assert.match(one.message, /needs the action dns:zone:getPublicZoneBatchOperationResult \(ask an administrator to grant it, e\.g\. through the DNS ReadOnlyAccess policy\)\./);
    });

    it('401 without a known authentication code (or with no body) is still an authentication failure, never a permission', () => {
      for (const body of [{ error_code: 'APIGW.0303', error_msg: 'Incorrect app authentication information' }, '', '<html>401</html>']) {
        const e = fail(answer(401, body)) as AuthError;
        assert.equal(e.name, 'AuthError', JSON.stringify(body));
        assert.match(e.message, /^Authentication failed: /, JSON.stringify(body));
        assert.doesNotMatch(e.message, /Permission denied|IAM user needs/, JSON.stringify(body));
        assert.equal(e.action, undefined);
      }
    });

    it('403 with the gateway\'s signature code is an authentication failure, not a permission', () => {
      const e = fail(answer(403, SIG_FAIL)) as AuthError;
      assert.match(e.message, /^Authentication failed/);
      assert.equal(e.action, undefined);
    });

    it('an authentication code is an AuthError whatever the status', () => {
      for (const code of ['APIGW.0301', 'APIG.0301', 'APIGW.0101', 'DNS.0005']) {
        const e = fail(answer(400, { code, message: 'no' }));
        assert.equal(e.name, 'AuthError', code);
        assert.match(e.message, /^Authentication failed/, code);
      }
    });
  });

  describe('throttling', () => {
    it('429 carries the Retry-After the gateway sent, in seconds or as a date', () => {
      const e = fail(answer(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'retry-after': '120' })) as ThrottledError;
      assert.equal(e.name, 'ThrottledError');
      assert.equal(e.retryAfterMs, 120_000);
      assert.equal(e.retryable, true);
      assert.match(e.message, /Try again in 2 min\./);
      const d = fail(answer(429, '', { 'retry-after': gatewayDate(45_000) })) as ThrottledError;
      assert.equal(d.retryAfterMs, 45_000);
    });

    it('429 without Retry-After has no delay of its own', () => {
      const e = fail(answer(429, '')) as ThrottledError;
      assert.equal(e.retryAfterMs, undefined);
      assert.match(e.message, /Try again in a moment\./);
    });
  });

  describe('not found', () => {
    it('404 for a task names the id and region and suggests the wrong site', () => {
      const e = fail(answer(404, { code: 'DNS.0004', message: 'not found' })) as NotFoundError;
      assert.equal(e.name, 'NotFoundError');
      assert.equal(e.taskId, 'task-1');
      assert.match(e.message, /^No task with id task-1 in region ap-southeast-3: wrong site\?/);
      assert.match(e.message, /\(HTTP 404, DNS\.0004, request id hdr-req\)$/);
    });

    it('404 for something else says which API was not found', () => {
      const e = fail(answer(404, ''), { taskId: '', region: '', what: 'find the public zone example.com.' });
      assert.equal(e.name, 'NotFoundError');
      assert.equal(e.message, 'The API to find the public zone example.com. was not found at this endpoint. (HTTP 404, request id hdr-req)');
    });
  });

  describe('server faults and other rejections', () => {
    it('500 with a vendor JSON body is a retryable ServerError that quotes the code and message', () => {
      const e = fail(answer(500, { code: 'DNS.0001', message: 'Internal   server\n error' }));
      assert.equal(e.name, 'ServerError');
      assert.equal(e.retryable, true);
      assert.equal(e.message, 'HTTP 500 DNS.0001 from the gateway (request id hdr-req): Internal server error');
    });

    it('quotes the server\'s message without the blank lines and indentation around it', () => {
      const e = fail(answer(400, { code: 'DNS.0312', message: '\n\t  The record set already exists.  \n' }));
      assert.equal(e.message, 'The API rejected the request to read the batch task. The server said: The record set already exists. (HTTP 400, DNS.0312, request id hdr-req)');
      const s = fail(answer(503, { code: 'DNS.0001', message: '  busy ' }));
      assert.equal(s.message, 'HTTP 503 DNS.0001 from the gateway (request id hdr-req): busy');
    });

    it('an HTML page from a load balancer is a ServerError with status and request id only', () => {
      const e = fail(answer(502, '<html><body>Bad Gateway</body></html>'));
      assert.equal(e.name, 'ServerError');
      assert.equal(e.message, 'HTTP 502 from the gateway (request id hdr-req)');
      const notJson = fail(answer(400, '<html>bad</html>'));
      assert.equal(notJson.name, 'ServerError');
      assert.equal(notJson.retryable, false);
    });

    it('a 400 with a vendor body is an ApiError saying what was rejected, with the body\'s request id when the header has none', () => {
      const e = fail(answer(400, { error_code: 'DNS.0002', error_msg: 'Invalid input.', request_id: 'body-req' }, { 'x-request-id': '' }));
      assert.equal(e.name, 'ApiError');
      assert.equal(e.message, 'The API rejected the request to read the batch task. The server said: Invalid input. (HTTP 400, DNS.0002, request id body-req)');
      assert.equal(e.requestId, 'body-req');
      assert.equal(e.code, 'DNS.0002');
    });

    it('a body without a message adds no "The server said"', () => {
      const e = fail(answer(400, { code: 'DNS.0002' }, { 'x-request-id': '' }));
      assert.equal(e.message, 'The API rejected the request to read the batch task. (HTTP 400, DNS.0002)');
      assert.equal(e.requestId, undefined);
    });

    it('shortens a long server message to 200 characters with an ellipsis, and keeps one of exactly 200', () => {
      const long = fail(answer(400, { code: 'X', message: 'y'.repeat(300) }));
      assert.ok(long.message.includes(`The server said: ${'y'.repeat(200)}… (HTTP 400`), long.message);
      const exact = fail(answer(400, { code: 'X', message: 'z'.repeat(200) }));
      assert.ok(exact.message.includes(`The server said: ${'z'.repeat(200)} (HTTP 400`), exact.message);
    });
  });
});
