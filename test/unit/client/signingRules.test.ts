// The README's signing rules beyond the vendor vectors: unicode, `+`, repeated keys, ports, tokens, content hash.
import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  EMPTY_BODY_SHA256,
  canonicalQuery,
  canonicalUri,
  parseQuery,
  percentDecode,
  percentEncode,
  signRequest,
} from '../../../src/core/signing';

const creds = { accessKey: 'AKTEST', secretKey: 'sk-test-secret-0123456789' };
const DATE = '20250617T130915Z';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function sign(url: string, headers: Record<string, string> = {}, body?: string) {
  return signRequest({ method: 'GET', url, headers, ...(body === undefined ? {} : { body }) }, creds, DATE);
}
const lines = (url: string, headers: Record<string, string> = {}) => sign(url, headers).canonicalRequest.split('\n');

describe('signing: README rules', () => {
  it('encodes unicode path segments as upper-case UTF-8 %XX and appends the slash', () => {
    assert.equal(lines('https://h.example/v2.1/zones/例子.com')[1], '/v2.1/zones/%E4%BE%8B%E5%AD%90.com/');
    assert.equal(canonicalUri('/a b/ü'), '/a%20b/%C3%BC/');
  });

  it('keeps an encoded slash inside a segment encoded', () => {
    assert.equal(lines('https://h.example/v2.1/a%2Fb')[1], '/v2.1/a%2Fb/');
  });

  it('encodes unicode query keys and values, sorting by key bytes (upper case before lower case)', () => {
    assert.equal(lines('https://h.example/?name=例子&B=2&a=1')[2], 'B=2&a=1&name=%E4%BE%8B%E5%AD%90');
  });

  it('treats + in the query as a literal plus, not a space', () => {
    assert.equal(lines('https://h.example/?q=a+b')[2], 'q=a%2Bb');
    assert.equal(lines('https://h.example/?q=a%20b')[2], 'q=a%20b');
    assert.notEqual(sign('https://h.example/?q=a+b').signature, sign('https://h.example/?q=a%20b').signature);
  });

  it('sorts the values of a repeated key and keeps every one', () => {
    assert.equal(lines('https://h.example/?k=2&z=0&k=10&k=1')[2], 'k=1&k=10&k=2&z=0');
  });

  it('writes key= for a key without value and keeps the unreserved -_.~ as they are', () => {
    assert.equal(lines('https://h.example/?flag&a-b_c.d~=x')[2], 'a-b_c.d~=x&flag=');
  });

  it('signs a non-default port in host and drops the default one', () => {
    assert.match(sign('https://h.example:8443/x').canonicalRequest, /\nhost:h\.example:8443\n/);
    assert.match(sign('https://h.example:443/x').canonicalRequest, /\nhost:h\.example\n/);
    assert.match(sign('http://127.0.0.1:18080/x').canonicalRequest, /\nhost:127\.0\.0\.1:18080\n/);
  });

  it('signs X-Security-Token like any header', () => {
    const r = sign('https://h.example/x', { 'X-Security-Token': 'tok-123', 'Content-Type': 'application/json' });
    assert.equal(r.signedHeaders, 'content-type;host;x-sdk-date;x-security-token');
    assert.match(r.canonicalRequest, /\nx-security-token:tok-123\n/);
    assert.notEqual(r.signature, sign('https://h.example/x', { 'X-Security-Token': 'tok-124', 'Content-Type': 'application/json' }).signature);
  });

  it('uses X-Sdk-Content-Sha256 instead of the body hash when present', () => {
    const r = signRequest({ method: 'PUT', url: 'https://h.example/x', headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' }, body: 'abc' }, creds, DATE);
    assert.equal(r.canonicalRequest.split('\n').at(-1), 'UNSIGNED-PAYLOAD');
    assert.match(r.signedHeaders, /x-sdk-content-sha256/);
  });

  it('hashes the exact body bytes, and the empty body to the well-known value', () => {
    assert.equal(sign('https://h.example/x').canonicalRequest.split('\n').at(-1), EMPTY_BODY_SHA256);
    const body = '{"name":"例子"}';
    const r = signRequest({ method: 'POST', url: 'https://h.example/x', headers: {}, body }, creds, DATE);
    assert.equal(r.canonicalRequest.split('\n').at(-1), sha(body));
  });

  it('trims header values, lower-cases names, and adds X-Sdk-Date when missing', () => {
    const r = sign('https://h.example/x', { 'X-Project-ID': '  p1  ' });
    assert.match(r.canonicalRequest, /\nx-project-id:p1\n/);
    assert.equal(r.headers['X-Sdk-Date'], DATE);
    assert.equal(r.signedHeaders, 'host;x-project-id;x-sdk-date');
  });

  it('builds the signature as HMAC-SHA256(secret, string to sign) over SHA-256(canonical request)', () => {
    const r = sign('https://h.example/x?b=1&a=2', { 'Content-Type': 'application/json' });
    assert.equal(r.stringToSign, `SDK-HMAC-SHA256\n${DATE}\n${sha(r.canonicalRequest)}`);
    assert.equal(r.signature, createHmac('sha256', creds.secretKey).update(r.stringToSign).digest('hex'));
    assert.equal(r.authorization, `SDK-HMAC-SHA256 Access=AKTEST, SignedHeaders=${r.signedHeaders}, Signature=${r.signature}`);
  });
});

describe('signing: properties', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 12 });
  const pairs = fc.array(fc.tuple(text, text), { maxLength: 8 });

  it('canonical query does not depend on parameter order', () => {
    fc.assert(
      fc.property(pairs, fc.infiniteStream(fc.nat()), (ps, rnd) => {
        const shuffled = ps.map((p) => [rnd.next().value, p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
        assert.equal(canonicalQuery(shuffled), canonicalQuery(ps));
      }),
    );
  });

  it('the signature of a URL does not depend on the order of its query parameters', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const q = (list: readonly (readonly [string, string])[]) => list.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
        const a = sign(`https://h.example/x?${q(ps)}`).signature;
        const b = sign(`https://h.example/x?${q([...ps].reverse())}`).signature;
        assert.equal(a, b);
      }),
    );
  });

  it('percent decoding undoes percent encoding for any unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => assert.equal(percentDecode(percentEncode(s)), s)));
  });

  it('encoding leaves only unreserved characters and %XX with upper-case hex', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => assert.match(percentEncode(s), /^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/)));
  });

  it('a query written with percentEncode parses back to the same pairs', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const raw = ps.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
        assert.deepEqual(parseQuery(raw), ps.map(([k, v]) => [k, v]));
      }),
    );
  });
});
