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

describe('a refused sign-in never quotes a field of the form', () => {
  it('redacts the secret key pasted into the access-key field, echoed by the gateway as "ak … not found"', () => {
    const pasted = 'sandbox-secret-key-0123456789abcdefghij';
    const error = new AuthError(`Incorrect IAM authentication information: ak ${pasted} not found`, { status: 401, code: 'APIGW.0301' });
    const f = classifySignInFailure(error, [pasted, 'other-secret-value', undefined, 'project0123']);
    assert.ok(!f.serverMessage.includes(pasted), f.serverMessage);
    assert.match(f.serverMessage, /ak \[REDACTED\] not found/);
  });

  it('redacts every field, the project id and security token included, also URL-encoded', () => {
    const fields = ['HPUAEXAMPLEAK0000001', 'secret/with+chars==', 'token-token-token', 'abcdef0123456789'];
    const message = `ak ${fields[0]} sk ${encodeURIComponent(fields[1]!)} token ${fields[2]} project ${fields[3]}`;
    const f = classifySignInFailure(new ServerError({ status: 500, detail: message }), fields);
    for (const v of fields) assert.ok(!f.serverMessage.includes(v) && !f.serverMessage.includes(encodeURIComponent(v)), f.serverMessage);
  });
});
