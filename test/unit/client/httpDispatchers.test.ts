// Which connections an attempt that ends early takes with it, against real sockets on loopback. A cancelled or
// timed-out attempt ends at once; when undici has not let go of it shortly after (a TLS handshake or a CONNECT
// that never completes: undici only acts on an abort once the request is on a connection), its dispatcher is
// thrown away and the next request starts afresh. Only that dispatcher: a direct request, another proxy's
// tunnel and an attempt that did let go keep their kept-alive connections.
import * as assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { getEventListeners } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { failure } from './apiFailure';
import { listenOnLoopback as listen, until, type Loopback } from './loopback';
import { createHttpTransport, type HttpOptions, type HttpTransport } from '../../../src/core/http';

/**
 * Resolves after a stuck attempt ended just before has been judged: a timer set after that attempt's, with a
 * longer delay than STUCK_AFTER_MS (250 ms), fires after it whatever the load, since timers fire by due time.
 */
const pastTheStuckCheck = () => new Promise((r) => setTimeout(r, 300));

/** What `p` settled with if it did before a 100 ms timer started now, else 'still pending'. */
async function settledBefore100ms(p: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([p, new Promise((r) => (timer = setTimeout(() => r('still pending'), 100)))]);
  clearTimeout(timer);
  return outcome;
}

describe('http transport: dispatchers after an attempt that ends early', function () {
  this.timeout(10_000);
  let origin: Loopback;
  let originServer: HttpServer;
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}');
  const cleanups: (() => Promise<void>)[] = [];
  const transport = (options: Partial<HttpOptions> = {}): HttpTransport => {
    const t = createHttpTransport({ userAgent: 'dns-batch-tasks/test', timeoutMs: 60_000, connectTimeoutMs: 60_000, ...options });
    cleanups.push(() => t.close());
    return t;
  };
  const get = (t: HttpTransport, url: string, signal?: AbortSignal) => t.send({ method: 'GET', url, headers: {}, ...(signal ? { signal } : {}) });

  /** A server that accepts TCP and never answers: a TLS handshake with it never completes. */
  async function silentTls(): Promise<Loopback> {
    const l = await listen(createNetServer((s) => s.resume()));
    cleanups.push(() => l.close());
    return l;
  }

  /** A CONNECT proxy: `answer(n)` decides the n-th CONNECT (1-based): hold it, refuse it, or tunnel to the origin. */
  async function proxy(answer: (n: number) => 'hold' | 'refuse' | 'tunnel'): Promise<Loopback & { connects: number }> {
    const server = createNetServer((socket) => {
      socket.once('data', () => {
        const how = answer(++p.connects);
        if (how === 'refuse') socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
        if (how !== 'tunnel') return;
        const upstream = connect(origin.port, '127.0.0.1', () => {
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(socket).pipe(upstream);
        });
        upstream.on('error', () => socket.destroy());
        socket.on('close', () => upstream.destroy());
      });
    });
    // The listener's own object, so its connection count and open set stay live.
    const p = Object.assign(await listen(server), { connects: 0 });
    cleanups.push(() => p.close());
    return p;
  }

  before(async () => {
    originServer = createHttpServer((req, res) => {
      req.resume();
      handler(req, res);
    });
    origin = await listen(originServer);
  });
  afterEach(async () => {
    handler = (_req, res) => res.end('{}');
    for (const c of cleanups.splice(0).reverse()) await c();
    for (const s of origin.open) s.destroy();
    await until(() => origin.open.size === 0, 'the origin connections to close');
    origin.connections = 0;
  });
  after(() => origin.close());

  it('Cancel during a TLS handshake that never completes ends at once; then that dispatcher goes, and the next request works', async () => {
    const silent = await silentTls();
    const t = transport();
    const controller = new AbortController();
    const pending = failure(get(t, `https://127.0.0.1:${silent.port}/`, controller.signal));
    await until(() => silent.connections === 1, 'the TLS connection');
    controller.abort();
    // At once: not when the stuck connection is torn down.
    const e = await settledBefore100ms(pending);
    assert.equal((e as Error).name, 'CancelledError', String(e));
    // The next request is not sent to the dispatcher thrown away (undici closes the half-open connection itself,
    // at its connect timeout).
    await pastTheStuckCheck();
    const answer = await get(t, `http://127.0.0.1:${origin.port}/`);
    assert.equal(answer.body, '{}');
  });

  it("a CONNECT the proxy never answers: its proxy's dispatcher goes, the direct one and another proxy's tunnel stay", async () => {
    // One proxy for https: URLs that holds the first CONNECT and refuses the next, one for http: URLs that tunnels.
    const stuck = await proxy((n) => (n === 1 ? 'hold' : 'refuse'));
    const good = await proxy(() => 'tunnel');
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    cleanups.push(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      return Promise.resolve();
    });
    process.env.HTTPS_PROXY = stuck.url;
    process.env.HTTP_PROXY = good.url;
    delete process.env.NO_PROXY;
    const t = transport();
    const direct = `http://127.0.0.1:${origin.port}/`;
    assert.equal((await get(t, direct)).body, '{}');
    assert.equal((await get(t, 'http://dns.test.invalid/a')).body, '{}');
    assert.equal(good.connects, 1);
    assert.equal(origin.connections, 2, 'one direct connection, one through the tunnel');

    const controller = new AbortController();
    const pending = failure(get(t, 'https://dns.test.invalid/', controller.signal));
    await until(() => stuck.connects === 1, 'the CONNECT');
    controller.abort();
    assert.equal((await settledBefore100ms(pending) as Error).name, 'CancelledError');
    // Closed when its dispatcher is thrown away.
    await until(() => stuck.open.size === 0, 'the stuck proxy connection to close');

    // A fresh dispatcher for that proxy: the next request reaches it and says what it answered.
    const refused = await failure(get(t, 'https://dns.test.invalid/'));
    assert.equal(stuck.connects, 2);
    assert.equal(refused.name, 'NetworkError');
    assert.match(refused.message, /^The proxy refused or failed the connection to dns\.test\.invalid: .*\(407\)/);
    // The others were kept, with their connections: no new CONNECT, no new direct connection.
    assert.equal((await get(t, 'http://dns.test.invalid/b')).body, '{}');
    assert.equal((await get(t, direct)).body, '{}');
    assert.equal(good.connects, 1, 'the tunnel was reused');
    assert.equal(origin.connections, 2, 'both kept-alive connections were reused');
  });

  it('Cancel while the body arrives keeps the dispatcher: the kept-alive connection to another host is reused', async () => {
    const t = transport();
    assert.equal((await get(t, `http://127.0.0.1:${origin.port}/`)).body, '{}');
    assert.equal(origin.connections, 1);
    // Another host whose answer's body never ends.
    const slow = await listen(createHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"tasks":');
    }));
    cleanups.push(() => slow.close());
    const controller = new AbortController();
    // Cancel once the headers are in and the body is being read (the turn after undici reports the headers).
    const onHeaders = () => setImmediate(() => controller.abort());
    subscribe('undici:request:headers', onHeaders);
    cleanups.push(() => Promise.resolve(void unsubscribe('undici:request:headers', onHeaders)));
    const e = await failure(get(t, `http://127.0.0.1:${slow.port}/`, controller.signal));
    assert.equal(e.name, 'CancelledError');
    await pastTheStuckCheck();
    assert.equal((await get(t, `http://127.0.0.1:${origin.port}/`)).body, '{}');
    assert.equal(origin.connections, 1, 'the kept-alive connection was reused');
  });

  it('leaves no listener on a signal the caller shares across requests, whatever their outcome', async () => {
    const t = transport();
    const shared = new AbortController().signal;
    assert.equal((await get(t, `http://127.0.0.1:${origin.port}/`, shared)).body, '{}');
    assert.equal(getEventListeners(shared, 'abort').length, 0, 'after an answer');
    // A port nobody listens on: the connection is refused.
    const closed = await listen(createNetServer());
    await closed.close();
    assert.equal((await failure(get(t, `http://127.0.0.1:${closed.port}/`, shared))).name, 'NetworkError');
    assert.equal(getEventListeners(shared, 'abort').length, 0, 'after a failure');
  });
});
