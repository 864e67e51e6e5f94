import * as assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { createDnsClient } from '../../../src/core/client';
import { NetworkError, TimeoutError } from '../../../src/core/errors';
import { mapTransportError } from '../../../src/core/transportErrors';

const ctx = { host: 'dns.example:443', connectTimeoutMs: 1000, headersTimeoutMs: 2000, bodyTimeoutMs: 3000 };
const sysError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('transport errors', () => {
  it("unwraps fetch's TypeError('fetch failed').cause to name the real problem", () => {
    const e = mapTransportError(Object.assign(new TypeError('fetch failed'), { cause: sysError('ECONNREFUSED', 'connect ECONNREFUSED 1.2.3.4:443') }), ctx);
    assert.ok(e instanceof NetworkError);
    assert.equal(e.causeCode, 'ECONNREFUSED');
    assert.match(e.message, /Connection refused by dns\.example:443/);
    assert.equal(e.retryable, true);
  });

  it('says what to check for each kind of failure', () => {
    assert.match(mapTransportError(sysError('ENOTFOUND'), ctx).message, /Cannot resolve dns\.example:443 .*proxy/);
    assert.match(mapTransportError(sysError('ECONNRESET'), ctx).message, /closed before the answer was complete/);
    const cert = mapTransportError(sysError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), ctx);
    assert.match(cert.message, /not trusted .*huaweiDns\.caFile/);
    assert.equal(cert.retryable, false, 'a certificate problem does not go away by retrying');
  });

  it("maps undici's timeouts to TimeoutError with the phase and the limit", () => {
    const c = mapTransportError(sysError('UND_ERR_CONNECT_TIMEOUT'), ctx) as TimeoutError;
    const h = mapTransportError(sysError('UND_ERR_HEADERS_TIMEOUT'), ctx) as TimeoutError;
    const b = mapTransportError(sysError('UND_ERR_BODY_TIMEOUT'), ctx) as TimeoutError;
    assert.deepEqual([c.phase, h.phase, b.phase], ['connect', 'headers', 'body']);
    assert.deepEqual([c.timeoutMs, h.timeoutMs, b.timeoutMs], [1000, 2000, 3000]);
    assert.match(b.message, /huaweiDns\.requestTimeoutSeconds/);
  });

  it('a closed port is a NetworkError ECONNREFUSED from the real client, retried then reported', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    const sleeps: number[] = [];
    const client = createDnsClient({ endpoint: `http://127.0.0.1:${port}`, credentials: { accessKey: 'a', secretKey: 'secret-secret' }, maxRetries: 2, sleep: (ms) => (sleeps.push(ms), Promise.resolve()) });
    try {
      await assert.rejects(client.getTask('abc'), (e: NetworkError) => e.name === 'NetworkError' && e.causeCode === 'ECONNREFUSED');
      assert.equal(sleeps.length, 2);
    } finally {
      await client.close();
    }
  });
});
