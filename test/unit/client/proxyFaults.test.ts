// Proxies that misbehave on CONNECT (issue #14, item 5): one that closes the connection instead of answering
// made undici reconnect thousands of times a second for ever; one that never answers held the request for
// 300 s whatever the timeout or the caller's abort. A request must end at its timeout or abort, whatever the
// proxy does, and let go of its connection. Real sockets on loopback; the target host is never resolved.
import * as assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { createDnsClient } from '../../../src/core/client';
import { isApiError, type ApiError } from '../../../src/core/errors';
import type { DnsClient, DnsClientOptions } from '../../../src/core/types';
import { listenOnLoopback, until, type Loopback } from './loopback';

const ID = 'ff80808297a1b2c30197a1b2c3d40001';

/** A proxy that hands each connection's first bytes (its CONNECT) to `onConnect`. */
function fakeProxy(onConnect: (socket: Socket) => void): Promise<Loopback> {
  return listenOnLoopback(
    createServer((socket) => {
      socket.once('data', () => onConnect(socket));
      socket.resume();
    }),
  );
}

/** The outcome of `p`, or a failure if it takes longer than `ms` (the bug was a hang). */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<{ error: ApiError; ms: number }> {
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    p.then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    ),
    new Promise((r) => (timer = setTimeout(() => r('hang'), ms))),
  ]);
  clearTimeout(timer);
  assert.notEqual(outcome, 'hang', `still pending after ${ms} ms`);
  assert.ok(isApiError(outcome), String(outcome));
  return { error: outcome, ms: Date.now() - t0 };
}

describe('client: a proxy that misbehaves on CONNECT', function () {
  this.timeout(20_000);
  const proxies: Loopback[] = [];
  const clients: DnsClient[] = [];
  const client = (proxy: Loopback, o: Partial<DnsClientOptions> = {}) => {
    const c = createDnsClient({
      endpoint: 'https://dns.test.invalid',
      credentials: { accessKey: 'AKPROXYTEST', secretKey: 'proxy-test-secret-0123456789' },
      projectId: 'p',
      proxy: proxy.url,
      maxRetries: 2,
      sleep: () => Promise.resolve(),
      ...o,
    });
    clients.push(c);
    return c;
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });

  it('one that closes the connection on CONNECT fails the request once per attempt, not in a loop', async () => {
    const proxy = await fakeProxy((s) => s.destroy());
    proxies.push(proxy);
    const { error } = await settlesWithin(client(proxy, { timeoutMs: 5_000 }).getTask(ID), 4_000);
    assert.equal(error.name, 'NetworkError', error.message);
    // What the proxy did, not a retried "socket error": the tunnel was not opened, and why.
    assert.equal((error as ApiError & { causeCode?: string }).causeCode, 'UND_ERR_PROXY_TUNNEL');
    assert.match(error.message, /^The proxy refused or failed the connection to dns\.test\.invalid: the proxy did not open the tunnel \((UND_ERR_SOCKET|ECONNRESET): [^)]+\)\./);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(proxy.connections <= 3, `${proxy.connections} connections for 3 attempts`);
  });

  it('one that never answers ends at the request timeout, says that timeout, and lets the connection go', async () => {
    const proxy = await fakeProxy(() => undefined);
    proxies.push(proxy);
    const { error, ms } = await settlesWithin(client(proxy, { timeoutMs: 600, maxRetries: 0 }).getTask(ID), 4_000);
    assert.equal(error.name, 'TimeoutError', error.message);
    assert.match(error.message, /after 600 ms/);
    assert.ok(ms < 2_000, `${ms} ms`);
    await until(() => proxy.open.size === 0, 'the tunnel connection to close', 3_000);
  });

  it('one that never answers the CONNECT, or never completes its TLS, fails at the connect timeout, not the request one', async () => {
    // Opening the tunnel is connecting: a dead proxy must not hold every attempt for the whole request timeout.
    const silent = await fakeProxy(() => undefined);
    const silentTls = await fakeProxy(() => undefined);
    proxies.push(silent, silentTls);
    const tlsUrl = { ...silentTls, url: silentTls.url.replace('http://127.0.0.1', 'https://localhost') };
    const options = { timeoutMs: 60_000, connectTimeoutMs: 300, maxRetries: 0 };
    const outcomes = await Promise.all([silent, tlsUrl].map((p) => settlesWithin(client(p, options).getTask(ID), 8_000)));
    for (const [i, { error }] of outcomes.entries()) {
      const what = i === 0 ? 'CONNECT unanswered' : 'TLS to the proxy unanswered';
      assert.equal(error.name, 'TimeoutError', `${what}: ${error.message}`);
      assert.equal((error as ApiError & { phase?: string }).phase, 'connect', what);
      assert.match(error.message, /^Timed out connecting to dns\.test\.invalid after 300 ms\./, what);
    }
    await until(() => silent.open.size === 0 && silentTls.open.size === 0, 'the proxy connections to close', 3_000);
  });

  it("one that never answers ends at the caller's abort and lets the connection go", async () => {
    const proxy = await fakeProxy(() => undefined);
    proxies.push(proxy);
    const abort = new AbortController();
    const pending = client(proxy, { timeoutMs: 60_000, maxRetries: 0 }).getTask(ID, { signal: abort.signal });
    await until(() => proxy.connections > 0, 'the CONNECT', 3_000);
    const t0 = Date.now();
    abort.abort();
    const { error } = await settlesWithin(pending, 2_000);
    assert.equal(error.name, 'CancelledError', error.message);
    assert.ok(Date.now() - t0 < 500, `${Date.now() - t0} ms after the abort`);
    await until(() => proxy.open.size === 0, 'the tunnel connection to close', 3_000);
  });
});
