// Whether a failed batch-create write can have reached the service. "Certainly failed" lets the client send it
// again (a duplicate task otherwise); anything else becomes WriteOutcomeUnknownError, whose message tells the
// person why the answer is uncertain and since when to look for the task.
import * as assert from 'node:assert/strict';
import {
  ApiError,
  AuthError,
  CancelledError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  ResponseTooLargeError,
  ServerError,
  ThrottledError,
  TimeoutError,
} from '../../../src/core/errors';
import { outcomeUnknown, writeCertainlyFailed } from '../../../src/core/writeOutcome';

const network = (causeCode: string) => new NetworkError(`failed (${causeCode})`, { causeCode });
const sentAt = new Date('2026-12-01T10:00:00.000Z');

describe('write outcome: can a failed write have created a task?', () => {
  it('a throttled write or one the service rejected (any 4xx) created nothing', () => {
    assert.equal(writeCertainlyFailed(new ThrottledError({ status: 429 })), true);
    assert.equal(writeCertainlyFailed(new ThrottledError()), true, 'a 429 without status is still throttling');
    for (const status of [400, 401, 403, 404, 409, 499]) {
      assert.equal(writeCertainlyFailed(new ApiError('rejected', { status })), true, String(status));
    }
    assert.equal(writeCertainlyFailed(new AuthError('denied', { status: 403 })), true);
    assert.equal(writeCertainlyFailed(new NotFoundError({ status: 404 })), true);
  });

  it('a 5xx, a 3xx or a 2xx that could not be read may have created the task', () => {
    for (const status of [500, 502, 503, 504]) {
      assert.equal(writeCertainlyFailed(new ServerError({ status })), false, String(status));
    }
    assert.equal(writeCertainlyFailed(new ApiError('redirected', { status: 302 })), false);
    assert.equal(writeCertainlyFailed(new ApiError('odd', { status: 500 })), false);
    assert.equal(writeCertainlyFailed(new ResponseShapeError('(body)', 'is not JSON', '<html>', { status: 200 })), false);
    // Even with a 4xx status a shape error is an answer that was read badly, not a rejection.
    assert.equal(writeCertainlyFailed(new ResponseShapeError('(body)', 'is not JSON', '', { status: 400 })), false);
    assert.equal(writeCertainlyFailed(new ResponseTooLargeError(1024, { status: 400 })), false);
  });

  it('a failure before any connection existed created nothing: refused, unresolvable, unreachable, connect timeout', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']) {
      assert.equal(writeCertainlyFailed(network(code)), true, code);
    }
    assert.equal(writeCertainlyFailed(new TimeoutError('connect', { timeoutMs: 10_000 })), true);
  });

  it('a certificate the TLS handshake refused: the request was never written', () => {
    for (const code of ['ERR_TLS_INVALID_PROTOCOL_VERSION', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      assert.equal(writeCertainlyFailed(network(code)), true, code);
    }
  });

  it('a reset, a closed socket, a late timeout, a cancel or an unknown error may have reached the service', () => {
    for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']) {
      assert.equal(writeCertainlyFailed(network(code)), false, code);
    }
    assert.equal(writeCertainlyFailed(new NetworkError('no code')), false);
    for (const phase of ['headers', 'body', 'request'] as const) {
      assert.equal(writeCertainlyFailed(new TimeoutError(phase)), false, phase);
    }
    assert.equal(writeCertainlyFailed(new CancelledError()), false);
    assert.equal(writeCertainlyFailed(new Error('ECONNREFUSED')), false, 'not an ApiError: nothing is known');
    assert.equal(writeCertainlyFailed(undefined), false);
  });

  describe('the unknown-outcome error', () => {
    const reasonOf = (error: unknown) => /\(([^()]*(?:\([^()]*\)[^()]*)*)\): the task may have been created/.exec(outcomeUnknown(error, sentAt, 'create record sets').message)?.[1];

    it('says why the answer is uncertain, in words for each kind of failure', () => {
      assert.equal(reasonOf(new ServerError({ status: 503 })), 'HTTP 503 from the gateway');
      assert.equal(reasonOf(new TimeoutError('headers')), 'timed out waiting for the answer');
      assert.equal(reasonOf(new CancelledError()), 'cancelled before the answer arrived');
      assert.equal(reasonOf(new ResponseShapeError('(body)', 'is not JSON', '<html>', { status: 200 })), 'the answer (HTTP 200) could not be read');
      assert.equal(reasonOf(new ResponseShapeError('(body)', 'is not JSON', '<html>')), 'the answer (HTTP 2xx) could not be read');
      assert.equal(reasonOf(new ResponseTooLargeError(1024, { status: 201 })), 'the answer (HTTP 201) could not be read');
      assert.equal(reasonOf(network('ECONNRESET')), 'the connection closed before the answer, ECONNRESET');
      assert.equal(reasonOf(new NetworkError('closed')), 'the connection closed before the answer');
      assert.equal(reasonOf(new Error('boom')), 'no answer');
    });

    it('keeps the status, vendor code, request id and cause, and names what was sent and when', () => {
      const cause = new ServerError({ status: 502, code: 'APIGW.0203', requestId: 'req-42' });
      const e = outcomeUnknown(cause, sentAt, 'create record sets in example.com.');
      assert.equal(e.name, 'WriteOutcomeUnknownError');
      assert.equal(e.status, 502);
      assert.equal(e.code, 'APIGW.0203');
      assert.equal(e.requestId, 'req-42');
      assert.equal(e.sentAt.toISOString(), sentAt.toISOString());
      assert.match(e.message, /^No clear answer to the request to create record sets in example\.com\. \(HTTP 502 from the gateway\)/);
      assert.match(e.message, /since 2026-12-01T10:00:00\.000Z/);
      assert.match(e.message, /\(HTTP 502, APIGW\.0203, request id req-42\)$/);
      assert.equal((e as { cause?: Error }).cause?.message, cause.message);
    });

    it('has no ids it was not given', () => {
      const e = outcomeUnknown(new Error('socket hang up'), sentAt, 'create record sets');
      assert.equal(e.status, undefined);
      assert.equal(e.code, undefined);
      assert.equal(e.requestId, undefined);
      assert.equal(e.toJSON().status, undefined);
      assert.ok(!/\(HTTP /.test(e.message), e.message);
      assert.equal((e as { cause?: Error }).cause?.message, 'socket hang up');
    });
  });
});
