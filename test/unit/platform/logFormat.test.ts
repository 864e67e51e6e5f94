import * as assert from 'node:assert/strict';
import { ServerError } from '../../../src/core/errors';
import { formatErrorDetails } from '../../../src/platform/errorDetails';
import { describeError, formatRequest, redact } from '../../../src/platform/logFormat';

const SECRET = 'sk-LEAK-CANARY-0123456789';

describe('redaction for the log and copied details', () => {
  it('removes a known secret wherever it appears, also percent-encoded', () => {
    const secret = 'a/b+c=d-secret';
    const out = redact(`value ${secret} and ${encodeURIComponent(secret)} end`, [secret]);
    assert.ok(!out.includes(secret));
    assert.ok(out.includes('value') && out.includes('end'));
  });

  it('removes credential-shaped fields without knowing the value', () => {
    const out = redact('Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=0123456789abcdef0123456789abcdef x-security-token: tok123456 {"secretKey":"abcdefgh"}');
    assert.ok(!out.includes('0123456789abcdef0123456789abcdef'));
    assert.ok(!out.includes('tok123456'));
    assert.ok(!out.includes('abcdefgh'));
  });

  it('leaves ordinary text alone', () => {
    assert.equal(redact('GET /v2.1/batch-operation-tasks?limit=1 -> 200'), 'GET /v2.1/batch-operation-tasks?limit=1 -> 200');
  });

  it('describes an error with code, status, request id and cause', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = Object.assign(new Error('boom', { cause }), { code: 'APIGW.0301', status: 401, requestId: 'req-1' });
    const text = describeError(error);
    for (const part of ['APIGW.0301', 'HTTP 401', 'request id req-1', 'boom', 'ECONNREFUSED']) assert.ok(text.includes(part), part);
  });

  it('copies task id, request id, site, time and code, and nothing secret', () => {
    const error = new ServerError({ status: 404, code: 'DNS.0004', requestId: 'r-9', detail: `bad ${SECRET}` });
    const text = formatErrorDetails(error, { taskId: 't-1', site: 'intl' }, new Date('2026-01-02T03:04:05Z'), (t) => redact(t, [SECRET]));
    assert.match(text, /Time: 2026-01-02T03:04:05.000Z/);
    assert.match(text, /Site: intl/);
    assert.match(text, /Task ID: t-1/);
    assert.match(text, /Request ID: r-9/);
    assert.match(text, /Error code: DNS.0004/);
    assert.ok(!text.includes(SECRET));
  });

  it('logs a request as method, path, status, request id and duration', () => {
    assert.equal(
      formatRequest({ method: 'GET', path: '/v2.1/batch-operation-tasks?limit=1', status: 200, requestId: 'abc', durationMs: 12.4, attempt: 1 }),
      'GET /v2.1/batch-operation-tasks?limit=1 -> 200 request-id=abc 12 ms',
    );
    assert.equal(formatRequest({ method: 'GET', path: '/x', durationMs: 3, attempt: 2, error: 'ECONNRESET' }), 'GET /x -> failed (ECONNRESET) 3 ms attempt 2');
  });
});
