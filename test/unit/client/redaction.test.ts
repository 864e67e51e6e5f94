// What a person reading a log line, an error or "Copy Details" sees where a secret was: exactly "[REDACTED]",
// for every spelling of a credential field, for keys shared by several clients, and never a mangled text.
import * as assert from 'node:assert/strict';
import { createDnsClient } from '../../../src/core/client';
import { ApiError } from '../../../src/core/errors';
import { redact, redactHeaders, registerSecret, releaseSecret } from '../../../src/core/redact';

const SECRET = 'shared-secret-key-0123456789abcdef';

describe('redaction: what the reader sees', () => {
  it('writes the literal placeholder [REDACTED] where a secret was', () => {
    assert.equal(redact(`key ${SECRET} end`, [SECRET]), 'key [REDACTED] end');
    assert.equal(redactHeaders({ Authorization: 'SDK-HMAC-SHA256 Access=AK' }).Authorization, '[REDACTED]');
  });

  it('keeps the field name and separator of a credential field and replaces only its value', () => {
    assert.equal(redact('x-security-token: tok123456 next'), 'x-security-token: [REDACTED] next');
    assert.equal(redact('{"secretKey":"abcdefgh","name":"a"}'), '{"secretKey":"[REDACTED]","name":"a"}');
    assert.equal(redact('?sk=zzzzzz99&limit=1'), '?sk=[REDACTED]&limit=1');
    assert.equal(
      redact(`Signature=${'ab'.repeat(32)}, next`),
      'Signature=[REDACTED], next',
    );
  });

  it('scrubs every spelling of a security token and a secret key', () => {
    for (const field of ['securityToken', 'security_token', 'security-token', 'SecurityToken', 'X-Security-Token', 'secret_access_key', 'secretAccessKey', 'secret-key', 'SECRETKEY']) {
      const out = redact(`{"${field}": "v4lue-1234"}`);
      assert.equal(out, `{"${field}": "[REDACTED]"}`, field);
    }
  });

  it('scrubs a credential written with blanks around the separator, as in an INI file or pretty JSON', () => {
    assert.equal(redact('aws_secret_access_key = abcdef12\nregion = cn-north-4'), 'aws_secret_access_key = [REDACTED]\nregion = cn-north-4');
    assert.equal(redact('{"securityToken" : "tok-0123456"}'), '{"securityToken" : "[REDACTED]"}');
  });

  it('scrubs a signature of any length from 16 hex digits, whole', () => {
    const sig = 'c0ffee'.repeat(11);
    assert.equal(redact(`Signature=${sig}`), 'Signature=[REDACTED]');
    assert.equal(redact('Signature=0123456789abcdef'), 'Signature=[REDACTED]');
    assert.equal(redact('Signature=0123456789abcde'), 'Signature=0123456789abcde', 'too short to be one: left as is');
  });

  it('removes a secret that contains another one whole, in whatever order they are known', () => {
    const short = 'abcdef-secret';
    const long = 'abcdef-secret-and-more';
    for (const extras of [[short, long], [long, short]]) {
      assert.equal(redact(`a ${long} b ${short} c`, extras), 'a [REDACTED] b [REDACTED] c', extras.join(','));
    }
    registerSecret(short);
    try {
      assert.equal(redact(`a ${long} c`, [long]), 'a [REDACTED] c');
    } finally {
      releaseSecret(short);
    }
  });

  it('ignores extra secrets that are missing, empty or too short to be a key (they would mangle the text)', () => {
    const text = 'GET /v2.1/batch-operation-tasks?limit=1 -> 200 ok';
    assert.equal(redact(text, [undefined, '', 'a', 'ok', '200', 'tasks']), text);
    assert.equal(redact(`x ${SECRET} y`, [undefined, SECRET, '', 'y']), 'x [REDACTED] y');
  });

  it('accepts a secret of six characters, not of five', () => {
    assert.equal(redact('code 123456 here', ['123456']), 'code [REDACTED] here');
    assert.equal(redact('code 12345 here', ['12345']), 'code 12345 here');
  });

  describe('secrets of live clients', () => {
    it('does not register a key shorter than six characters (every short word would vanish from errors)', () => {
      registerSecret('abcde');
      try {
        assert.equal(new ApiError('abcde failed').message, 'abcde failed');
      } finally {
        releaseSecret('abcde');
      }
      registerSecret('abcdef');
      try {
        assert.equal(new ApiError('abcdef failed').message, '[REDACTED] failed');
      } finally {
        releaseSecret('abcdef');
      }
    });

    it('keeps scrubbing a key two clients share after one of them closes, and stops when both closed', async () => {
      const options = { endpoint: 'https://dns.example.com', projectId: 'p', credentials: { accessKey: 'AK', secretKey: SECRET } };
      const a = createDnsClient(options);
      const b = createDnsClient(options);
      assert.equal(new ApiError(`echo ${SECRET}`).message, 'echo [REDACTED]');
      await a.close();
      await a.close(); // a second close releases nothing more
      assert.equal(new ApiError(`echo ${SECRET}`).message, 'echo [REDACTED]', 'b is still open');
      await b.close();
      assert.equal(new ApiError(`echo ${SECRET}`).message, `echo ${SECRET}`, 'nothing is kept after both closed');
    });

    it('releasing an unknown or empty secret changes nothing', () => {
      registerSecret(SECRET);
      try {
        releaseSecret(undefined);
        releaseSecret('');
        releaseSecret('never-registered-secret');
        assert.equal(new ApiError(SECRET).message, '[REDACTED]');
      } finally {
        releaseSecret(SECRET);
      }
      assert.equal(new ApiError(SECRET).message, SECRET);
    });
  });

  it('redactHeaders replaces exactly the credential headers and scrubs credentials quoted in the others', () => {
    assert.deepEqual(
      redactHeaders({
        AUTHORIZATION: 'SDK-HMAC-SHA256 Access=AK',
        'X-Security-Token': 'tok',
        'X-Project-Id': 'p1',
        'X-Echo': `Signature=${'ab'.repeat(32)}`,
      }),
      { AUTHORIZATION: '[REDACTED]', 'X-Security-Token': '[REDACTED]', 'X-Project-Id': 'p1', 'X-Echo': 'Signature=[REDACTED]' },
    );
  });

  it('redactHeaders hides a proxy password and IAM tokens, and leaves look-alike header names readable', () => {
    // `Proxy-Authorization: Basic base64(user:password)` is what a proxy URL with credentials turns into.
    const basic = `Basic ${Buffer.from('ops:hunter2-proxy').toString('base64')}`;
    const out = redactHeaders({
      'Proxy-Authorization': basic,
      'x-auth-token': 'MIIEXAMPLEiamtoken',
      'X-Subject-Token': 'MIIEXAMPLEsubject',
      'X-Authorization-Mode': 'aksk',
      // When a token runs out (OpenStack-style gateways send it): a name that starts like a credential header.
      'X-Auth-Token-Expires': '86399',
      'X-Request-Id': 'req-123',
    });
    assert.deepEqual(out, {
      'Proxy-Authorization': '[REDACTED]',
      'x-auth-token': '[REDACTED]',
      'X-Subject-Token': '[REDACTED]',
      'X-Authorization-Mode': 'aksk',
      'X-Auth-Token-Expires': '86399',
      'X-Request-Id': 'req-123',
    });
    assert.ok(!JSON.stringify(out).includes(basic.slice(6)), 'no part of the Basic credential');
  });
});
