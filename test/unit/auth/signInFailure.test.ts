import * as assert from 'node:assert/strict';
import { AuthError, ClockSkewError, NetworkError, NotFoundError, ServerError, ThrottledError, TimeoutError } from '../../../src/core/errors';
import { classifySignInFailure } from '../../../src/auth/signInFailure';

describe('why a sign-in check failed', () => {
  it('wrong key: 401 / APIGW.0301, sends the user to the secret key first', () => {
    const f = classifySignInFailure(new AuthError('Incorrect IAM authentication information', { status: 401, code: 'APIGW.0301', requestId: 'r1' }));
    assert.equal(f.reason, 'wrongKey');
    assert.equal(f.fields[0], 'secretKey');
    assert.equal(f.requestId, 'r1');
    assert.match(f.serverMessage, /Incorrect IAM/);
  });

  it('clock skew wins over the 401 it comes with; no field to correct', () => {
    const f = classifySignInFailure(new ClockSkewError({ status: 401, code: 'APIGW.0301', skewMs: 20 * 60_000 }));
    assert.equal(f.reason, 'clockSkew');
    assert.deepEqual(f.fields, []);
  });

  it('no permission: 403', () => {
    assert.equal(classifySignInFailure(new AuthError('forbidden', { status: 403, code: 'APIGW.0302' })).reason, 'permission');
  });

  it('wrong site: 404 or an unknown host', () => {
    assert.equal(classifySignInFailure(new NotFoundError({ status: 404, what: 'The list' })).reason, 'wrongSite');
    const dns = classifySignInFailure(new NetworkError('getaddrinfo ENOTFOUND dns.x', { causeCode: 'ENOTFOUND' }));
    assert.equal(dns.reason, 'wrongSite');
    assert.deepEqual(dns.fields, ['site']);
  });

  it('network: refused connections, timeouts and plain fetch failures', () => {
    assert.equal(classifySignInFailure(new NetworkError('connection refused', { causeCode: 'ECONNREFUSED' })).reason, 'network');
    assert.equal(classifySignInFailure(new TimeoutError('connect', { timeoutMs: 100 })).reason, 'network');
    const raw = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) });
    assert.equal(classifySignInFailure(raw).reason, 'network');
  });

  it('throttling and anything else', () => {
    assert.equal(classifySignInFailure(new ThrottledError({ status: 429, code: 'APIGW.0308' })).reason, 'throttled');
    assert.equal(classifySignInFailure(new ServerError({ status: 500, code: 'DNS.0000' })).reason, 'other');
    assert.equal(classifySignInFailure('weird').reason, 'other');
  });
});
