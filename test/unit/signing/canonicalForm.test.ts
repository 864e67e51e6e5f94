// The exact bytes the gateway recomputes. Each expectation is written out by hand from the SDK-HMAC-SHA256 rules
// (RFC 3986 unreserved set, upper-case %XX, byte order), so a signer that drifts from them gives a signature the
// gateway rejects ("verify aksk signature fail") and these tests say where.
import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import {
  EMPTY_BODY_SHA256,
  SIGNING_ALGORITHM,
  canonicalQuery,
  canonicalUri,
  formatSdkDate,
  parseQuery,
  parseSdkDate,
  percentDecode,
  percentEncode,
  sha256Hex,
  signRequest,
} from '../../../src/core/signing';

const CREDS = { accessKey: 'AKCANON', secretKey: 'canonical-secret-0123456789' };
const DATE = '20260301T040506Z';
const hex = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (s: string) => createHmac('sha256', CREDS.secretKey).update(s).digest('hex');

describe('signing: the canonical form, byte by byte', () => {
  it('keeps exactly A-Z a-z 0-9 - _ . ~ and encodes their neighbours in the ASCII table', () => {
    assert.equal(percentEncode('AZaz09-_.~'), 'AZaz09-_.~');
    assert.equal(percentEncode('MNmn5'), 'MNmn5');
    // '/' ':' '@' '[' '`' '{' sit just outside the unreserved ranges; ',' '+' '*' ' ' '!' are reserved.
    assert.equal(percentEncode('/:@[`{,+* !'), '%2F%3A%40%5B%60%7B%2C%2B%2A%20%21');
  });

  it('encodes control bytes as two upper-case hex digits', () => {
    assert.equal(percentEncode('\u0001\t\n\u001f\u007f'), '%01%09%0A%1F%7F');
    assert.equal(percentEncode('\u00ff'), '%C3%BF');
  });

  it('signs a path with an upper-case Z and a query with a control byte exactly as the rules say', () => {
    const r = signRequest(
      { method: 'get', url: 'https://dns.example.com/v2.1/Zones/ZZ?name=Z%01&z=~', headers: { 'X-Project-Id': 'p1' } },
      CREDS,
      DATE,
    );
    const canonical = [
      'GET',
      '/v2.1/Zones/ZZ/',
      'name=Z%01&z=~',
      'host:dns.example.com\nx-project-id:p1\nx-sdk-date:20260301T040506Z\n',
      'host;x-project-id;x-sdk-date',
      EMPTY_BODY_SHA256,
    ].join('\n');
    assert.equal(r.canonicalRequest, canonical);
    assert.equal(r.stringToSign, `SDK-HMAC-SHA256\n${DATE}\n${hex(canonical)}`);
    assert.equal(r.signature, hmac(r.stringToSign));
    assert.equal(r.authorization, `SDK-HMAC-SHA256 Access=AKCANON, SignedHeaders=host;x-project-id;x-sdk-date, Signature=${r.signature}`);
    assert.deepEqual(r.headers, { 'X-Project-Id': 'p1', 'X-Sdk-Date': DATE });
  });

  it('never signs an Authorization header left over from an earlier attempt', () => {
    const url = 'https://dns.example.com/v2.1/zones';
    const clean = signRequest({ method: 'GET', url, headers: { 'X-Project-Id': 'p1' } }, CREDS, DATE);
    const stale = signRequest({ method: 'GET', url, headers: { 'X-Project-Id': 'p1', Authorization: 'SDK-HMAC-SHA256 Access=old' } }, CREDS, DATE);
    assert.equal(stale.signedHeaders, 'host;x-project-id;x-sdk-date');
    assert.doesNotMatch(stale.canonicalRequest, /authorization/i);
    assert.equal(stale.signature, clean.signature);
  });

  it('drops a stale Authorization header (in any case) from the headers to send, so only the new one goes out', () => {
    const url = 'https://dns.example.com/v2.1/zones';
    for (const name of ['Authorization', 'authorization', 'AUTHORIZATION']) {
      const r = signRequest({ method: 'GET', url, headers: { 'X-Project-Id': 'p1', [name]: 'SDK-HMAC-SHA256 Access=old, Signature=00' } }, CREDS, DATE);
      assert.deepEqual(r.headers, { 'X-Project-Id': 'p1', 'X-Sdk-Date': DATE }, name);
      // What the client sends: the returned headers plus the fresh signature, one Authorization in all.
      const sent = { ...r.headers, Authorization: r.authorization };
      assert.deepEqual(Object.keys(sent).filter((k) => k.toLowerCase() === 'authorization'), ['Authorization'], name);
    }
  });

  it('signs the X-Sdk-Date and Host the caller sent (in any case) instead of adding its own', () => {
    const r = signRequest(
      { method: 'GET', url: 'https://dns.example.com/x', headers: { 'x-sdk-date': '20250101T000000Z', HOST: 'api.example.com' } },
      CREDS,
      DATE,
    );
    assert.equal(r.canonicalRequest.split('\n').slice(3, 5).join('\n'), 'host:api.example.com\nx-sdk-date:20250101T000000Z');
    assert.equal(r.signedHeaders, 'host;x-sdk-date');
    assert.equal(r.stringToSign.split('\n')[1], '20250101T000000Z');
    assert.deepEqual(r.headers, { 'x-sdk-date': '20250101T000000Z', HOST: 'api.example.com' }, 'no second X-Sdk-Date');
  });

  it('signs a JSON body by its SHA-256 and an empty body by the empty hash', () => {
    const body = '{"zones":[{"name":"example.com."}]}';
    const post = signRequest({ method: 'POST', url: 'https://dns.example.com/x', headers: {}, body }, CREDS, DATE);
    assert.equal(post.canonicalRequest.split('\n').at(-1), hex(body));
    assert.equal(sha256Hex(body), hex(body));
    const bytes = signRequest({ method: 'POST', url: 'https://dns.example.com/x', headers: {}, body: Buffer.from(body, 'utf8') }, CREDS, DATE);
    assert.equal(bytes.signature, post.signature, 'the same bytes as a Buffer sign the same');
    const noBytes = signRequest({ method: 'POST', url: 'https://dns.example.com/x', headers: {}, body: new Uint8Array(0) }, CREDS, DATE);
    assert.equal(noBytes.canonicalRequest.split('\n').at(-1), EMPTY_BODY_SHA256);
    const empty = signRequest({ method: 'POST', url: 'https://dns.example.com/x', headers: {}, body: '' }, CREDS, DATE);
    assert.equal(empty.canonicalRequest.split('\n').at(-1), EMPTY_BODY_SHA256);
    assert.equal(EMPTY_BODY_SHA256, hex(''));
    assert.equal(SIGNING_ALGORITHM, 'SDK-HMAC-SHA256');
  });

  it('ignores the fragment of a URL and signs no query when there is none', () => {
    const withHash = signRequest({ method: 'GET', url: 'https://dns.example.com/x?b=2&a=1#c=3', headers: {} }, CREDS, DATE);
    assert.equal(withHash.canonicalRequest.split('\n')[2], 'a=1&b=2');
    const none = signRequest({ method: 'GET', url: 'https://dns.example.com/x#a=1', headers: {} }, CREDS, DATE);
    assert.equal(none.canonicalRequest.split('\n')[2], '');
  });

  it('sorts query keys and header names by their UTF-8 bytes, as the SDKs do', () => {
    // U+FF61 is EF BD A1 in UTF-8 and sorts before U+1F600 (F0 9F 98 80), although its UTF-16 unit is larger.
    assert.equal(canonicalQuery([['😀', '1'], ['｡', '2'], ['B', '3'], ['a', '4']]), 'B=3&a=4&%EF%BD%A1=2&%F0%9F%98%80=1');
    assert.equal(canonicalQuery([['k', '😀'], ['k', '｡'], ['k', 'Z']]), 'k=Z&k=%EF%BD%A1&k=%F0%9F%98%80');
  });

  it('builds the canonical path: a leading and a trailing slash, each segment re-encoded', () => {
    assert.equal(canonicalUri(''), '/');
    assert.equal(canonicalUri('/'), '/');
    assert.equal(canonicalUri('v2.1/zones'), '/v2.1/zones/');
    assert.equal(canonicalUri('/v2.1/zones/'), '/v2.1/zones/');
    assert.equal(canonicalUri('/a%7Eb/c%2a'), '/a~b/c%2A/');
  });

  it('splits a query at the first = only and keeps keys without a value', () => {
    assert.deepEqual(parseQuery('a=1=2&&b&=v&c='), [['a', '1=2'], ['b', ''], ['', 'v'], ['c', '']]);
    assert.deepEqual(parseQuery(''), []);
  });

  it('decodes what can be decoded in a malformed string and keeps the rest literally', () => {
    assert.equal(percentDecode('a%zz%41%'), 'a%zzA%');
    assert.equal(percentDecode('%E4%BE%8B%2'), '例%2');
    assert.equal(percentDecode('%4'), '%4');
    assert.equal(percentDecode('%g1%61'), '%g1a');
    assert.equal(percentDecode('100%'), '100%');
    assert.equal(percentDecode('a+b'), 'a+b');
  });

  it('formats and parses X-Sdk-Date strictly', () => {
    assert.equal(formatSdkDate(new Date('2026-03-01T04:05:06.789Z')), '20260301T040506Z');
    assert.equal(parseSdkDate('20260301T040506Z')?.toISOString(), '2026-03-01T04:05:06.000Z');
    for (const bad of ['x20260301T040506Z', '20260301T040506Zx', '20260301T040506', '2026030T1040506Z', '20260301 040506Z']) {
      assert.equal(parseSdkDate(bad), undefined, bad);
    }
  });
});
