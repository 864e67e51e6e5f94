// What a person is told when the network, TLS or a proxy fails: the host, the system code, what to check,
// and whether trying again can help.
import * as assert from 'node:assert/strict';
import { NetworkError, TimeoutError } from '../../../src/core/errors';
import { mapTransportError } from '../../../src/core/transportErrors';

const ctx = { host: 'dns.example:443', connectTimeoutMs: 1000, headersTimeoutMs: 2000, bodyTimeoutMs: 3000 };
const sysError = (code: unknown, message = String(code)) => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });

describe('transport errors: messages', () => {
  it('names each connection failure with its code and what to check', () => {
    const cases: [string, string][] = [
      ['ECONNREFUSED', 'Connection refused by dns.example:443 (ECONNREFUSED): is the endpoint right and the service reachable?'],
      ['ENOTFOUND', 'Cannot resolve dns.example:443 (ENOTFOUND): check the endpoint, your DNS, or the proxy settings (http.proxy).'],
      ['EAI_AGAIN', 'Cannot resolve dns.example:443 (EAI_AGAIN): check the endpoint, your DNS, or the proxy settings (http.proxy).'],
      ['EPIPE', 'The connection to dns.example:443 was closed before the answer was complete (EPIPE). Check the network or proxy.'],
      ['UND_ERR_SOCKET', 'The connection to dns.example:443 was closed before the answer was complete (UND_ERR_SOCKET). Check the network or proxy.'],
      ['UND_ERR_CLOSED', 'The connection to dns.example:443 was closed before the answer was complete (UND_ERR_CLOSED). Check the network or proxy.'],
      ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'The connection to dns.example:443 was closed before the answer was complete (UND_ERR_RES_CONTENT_LENGTH_MISMATCH). Check the network or proxy.'],
      ['ENETUNREACH', 'dns.example:443 is unreachable (ENETUNREACH): check the network connection or proxy.'],
      ['EHOSTUNREACH', 'dns.example:443 is unreachable (EHOSTUNREACH): check the network connection or proxy.'],
    ];
    for (const [code, message] of cases) {
      const e = mapTransportError(wrapped(sysError(code, `boom ${code}`)), ctx) as NetworkError;
      assert.equal(e.name, 'NetworkError', code);
      assert.equal(e.message, message, code);
      assert.equal(e.causeCode, code);
      assert.equal(e.retryable, true, code);
    }
  });

  it('ETIMEDOUT is a connect timeout with the connect limit', () => {
    const e = mapTransportError(sysError('ETIMEDOUT'), ctx) as TimeoutError;
    assert.equal(e.name, 'TimeoutError');
    assert.equal(e.phase, 'connect');
    assert.equal(e.message, 'Timed out connecting to dns.example:443 after 1 s. Check the network or proxy, or raise huaweiDns.requestTimeoutSeconds.');
  });

  it('every untrusted-certificate code, and any ERR_TLS / ERR_SSL code, says to set huaweiDns.caFile and is not retried', () => {
    for (const code of ['UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_UNTRUSTED', 'CERT_REJECTED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'ERR_TLS_HANDSHAKE_TIMEOUT', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
      const e = mapTransportError(wrapped(sysError(code)), ctx) as NetworkError;
      assert.equal(e.message, `The TLS certificate of dns.example:443 is not trusted (${code}). If a corporate proxy inspects HTTPS, set huaweiDns.caFile to its CA bundle.`, code);
      assert.equal(e.retryable, false, code);
      assert.equal(e.causeCode, code);
    }
  });

  it('a proxy failure, by undici code or by its message, points at the proxy settings', () => {
    const byCode = mapTransportError(sysError('UND_ERR_PROXY_CONNECT', 'tunnel refused'), ctx);
    assert.equal(byCode.message, 'The proxy refused or failed the connection to dns.example:443: tunnel refused. Check http.proxy / HTTPS_PROXY.');
    const byText = mapTransportError(wrapped(new Error('Proxy response (407) !== 200 when HTTP Tunneling')), ctx);
    assert.match(byText.message, /^The proxy refused or failed the connection to dns\.example:443: Proxy response \(407\)/);
    assert.equal(byText.retryable, true);
  });

  it('anything else is a NetworkError quoting the code when there is one and the root message', () => {
    assert.equal(mapTransportError(wrapped(sysError('EWEIRD', 'odd thing')), ctx).message, 'Network error talking to dns.example:443 (EWEIRD): odd thing');
    assert.equal(mapTransportError(wrapped(new Error('no code here')), ctx).message, 'Network error talking to dns.example:443: no code here');
    assert.equal(mapTransportError('just a string', ctx).message, 'Network error talking to dns.example:443: just a string');
    assert.equal(mapTransportError(null, ctx).message, 'Network error talking to dns.example:443: null');
    const numeric = mapTransportError(sysError(42, 'numeric code'), ctx) as NetworkError;
    assert.equal(numeric.message, 'Network error talking to dns.example:443: numeric code');
    assert.equal(numeric.causeCode, undefined);
  });

  it('looks through up to three wrappers for the root cause, and stops at the first with a code', () => {
    const deep = wrapped(wrapped(wrapped(sysError('ECONNREFUSED'))));
    assert.equal((mapTransportError(deep, ctx) as NetworkError).causeCode, 'ECONNREFUSED');
    const tooDeep = wrapped(wrapped(wrapped(wrapped(sysError('ECONNREFUSED')))));
    assert.equal((mapTransportError(tooDeep, ctx) as NetworkError).causeCode, undefined);
    const outerCode = Object.assign(sysError('UND_ERR_SOCKET', 'other side closed'), { cause: sysError('ECONNREFUSED') });
    assert.equal((mapTransportError(outerCode, ctx) as NetworkError).causeCode, 'UND_ERR_SOCKET');
  });
});
