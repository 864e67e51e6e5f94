// The network layer on its own, against a real HTTP server on loopback: what it sends besides the caller's
// headers, how it reads an answer's headers, where the size cap lies, and what a closed or cancelled transport
// does (nothing reaches the server).
import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ApiError } from '../../../src/core/errors';
import { failure } from './apiFailure';
import { attemptLimits, createHttpTransport, type HttpTransport } from '../../../src/core/http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

describe('http transport', () => {
  let server: Server;
  let base = '';
  /** Connections the server has accepted, and those still open. */
  let connections = 0;
  const open = new Set<Socket>();
  let handler: Handler = (_req, res) => res.end('{}');
  const seen: IncomingMessage[] = [];
  const transports: HttpTransport[] = [];
  const transport = (options: Partial<Parameters<typeof createHttpTransport>[0]> = {}) => {
    const t = createHttpTransport({ userAgent: 'dns-batch-tasks/test', ...options });
    transports.push(t);
    return t;
  };

  before(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      req.resume();
      handler(req, res);
    });
    server.on('connection', (socket: Socket) => {
      connections++;
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    seen.length = 0;
    connections = 0;
    handler = (_req, res) => res.end('{}');
    await Promise.all(transports.splice(0).map((t) => t.close()));
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('bounds connecting by 10 s under a long request timeout, by the request timeout under a shorter one', () => {
    // What a dead host or proxy costs: 10 s per attempt by default, not the 30 s of the whole request.
    assert.deepEqual(attemptLimits({}), { timeoutMs: 30_000, connectTimeoutMs: 10_000, headersTimeoutMs: 30_000, bodyTimeoutMs: 30_000 });
    assert.equal(attemptLimits({ timeoutMs: 120_000 }).connectTimeoutMs, 10_000);
    assert.equal(attemptLimits({ timeoutMs: 4_000 }).connectTimeoutMs, 4_000);
    assert.deepEqual(attemptLimits({ timeoutMs: 60_000, connectTimeoutMs: 20_000, headersTimeoutMs: 5_000, bodyTimeoutMs: 7_000 }), {
      timeoutMs: 60_000, connectTimeoutMs: 20_000, headersTimeoutMs: 5_000, bodyTimeoutMs: 7_000,
    });
  });

  it('sends its User-Agent and asks for JSON beside the caller\'s (signed) headers', async () => {
    await transport().send({ method: 'GET', url: `${base}/v2/zones?limit=1`, headers: { 'X-Sdk-Date': '20260101T000000Z' } });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.url, '/v2/zones?limit=1');
    assert.equal(seen[0]!.headers['user-agent'], 'dns-batch-tasks/test');
    assert.equal(seen[0]!.headers.accept, 'application/json');
    assert.equal(seen[0]!.headers['x-sdk-date'], '20260101T000000Z');
  });

  it('gives the answer headers lower-case, the first of a repeated one, and the status and body as sent', async () => {
    handler = (_req, res) => {
      res.writeHead(207, [['X-Request-Id', 'req-1'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
      res.end('{"ok":"é"}');
    };
    const answer = await transport().send({ method: 'GET', url: `${base}/x`, headers: {} });
    assert.equal(answer.status, 207);
    assert.equal(answer.headers['x-request-id'], 'req-1');
    assert.equal(answer.headers['set-cookie'], 'a=1');
    assert.equal(answer.headers['X-Request-Id'], undefined);
    assert.equal(answer.body, '{"ok":"é"}');
  });

  for (const chunked of [false, true]) {
    const how = chunked ? 'streamed without a length' : 'with a Content-Length';
    it(`reads an answer of exactly the size cap, and refuses one byte more with the request id (${how})`, async () => {
      const cap = 4096;
      let size = cap;
      handler = (_req, res) => {
        const body = Buffer.alloc(size, 0x61);
        res.setHeader('X-Request-Id', 'req-big');
        if (!chunked) res.setHeader('Content-Length', String(body.length));
        // Two writes: the cap is checked while the body streams in, not only at its end.
        res.write(body.subarray(0, 1000));
        res.end(body.subarray(1000));
      };
      const t = transport({ maxResponseBytes: cap });
      assert.equal((await t.send({ method: 'GET', url: `${base}/x`, headers: {} })).body.length, cap);
      size = cap + 1;
      const e = await failure(t.send({ method: 'GET', url: `${base}/x`, headers: {} }));
      assert.equal(e.name, 'ResponseTooLargeError');
      assert.equal(e.requestId, 'req-big');
      assert.match(e.message, /larger than 4 KiB/);
    });
  }

  it('an answer without a request id is refused all the same, without one', async () => {
    handler = (_req, res) => res.end('x'.repeat(2000));
    const e = await failure(transport({ maxResponseBytes: 1024 }).send({ method: 'GET', url: `${base}/x`, headers: {} }));
    assert.equal(e.name, 'ResponseTooLargeError');
    assert.equal(e.requestId, undefined);
  });

  it('sends nothing once closed, or when the caller has already cancelled', async () => {
    const t = transport();
    const cancelled = await failure(t.send({ method: 'GET', url: `${base}/x`, headers: {}, signal: AbortSignal.abort() }));
    assert.equal(cancelled.name, 'CancelledError');
    assert.equal(cancelled.message, 'The request was cancelled.');
    await t.close();
    const closed = await failure(t.send({ method: 'GET', url: `${base}/x`, headers: {} }));
    assert.equal(closed.name, 'CancelledError');
    assert.equal(closed.message, 'The client was closed.');
    assert.equal(seen.length, 0);
  });

  it('an answer that never comes ends at the overall timeout, naming the host and the limit', async () => {
    handler = () => undefined;
    const e = await failure(transport({ timeoutMs: 300 }).send({ method: 'GET', url: `${base}/x`, headers: {} }));
    assert.equal(e.name, 'TimeoutError');
    assert.equal((e as ApiError & { phase?: string }).phase, 'request');
    assert.equal((e as ApiError & { timeoutMs?: number }).timeoutMs, 300);
    assert.match(e.message, new RegExp(`^Timed out waiting for ${base.slice('http://'.length).replace(/\./g, '\\.')} after 300 ms\\.`));
  });

  it('Cancel while waiting for the answer ends the request with CancelledError at once', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = failure(transport({ timeoutMs: 60_000 }).send({ method: 'GET', url: `${base}/x`, headers: {}, signal: controller.signal }));
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const e = await pending;
    assert.equal(e.name, 'CancelledError');
    assert.equal(e.message, 'The request was cancelled.');
  });

  it('a server slow to answer ends at the headers timeout, naming that limit, not the overall one', async () => {
    handler = () => undefined;
    const e = await failure(transport({ timeoutMs: 15_000, headersTimeoutMs: 300 }).send({ method: 'GET', url: `${base}/x`, headers: {} }));
    assert.equal(e.name, 'TimeoutError');
    assert.equal((e as ApiError & { phase?: string }).phase, 'headers');
    assert.match(e.message, /^Timed out waiting for an answer from .* after 300 ms\./);
  });

  it('a body that stops arriving ends at the body timeout, naming that limit', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"tasks":');
    };
    const e = await failure(transport({ timeoutMs: 15_000, bodyTimeoutMs: 300 }).send({ method: 'GET', url: `${base}/x`, headers: {} }));
    assert.equal(e.name, 'TimeoutError');
    assert.equal((e as ApiError & { phase?: string }).phase, 'body');
    assert.match(e.message, /^Timed out reading the answer from .* after 300 ms\./);
  });

  it('an answer that declares more than the cap is refused on its headers, and its connection let go', async () => {
    let answered: Promise<void> = Promise.resolve();
    handler = (_req, res) => {
      answered = new Promise((resolve) => res.on('close', () => resolve()));
      res.writeHead(200, { 'Content-Length': String(10 * 4096), 'X-Request-Id': 'req-declared' });
      // Headers only: the body never comes, so only the declared length can refuse the answer.
      res.flushHeaders();
    };
    const e = await failure(transport({ maxResponseBytes: 4096, timeoutMs: 60_000 }).send({ method: 'GET', url: `${base}/x`, headers: {} }));
    assert.equal(e.name, 'ResponseTooLargeError');
    assert.equal(e.requestId, 'req-declared');
    await answered;
  });

  it('close() ends a request in flight at once, saying the client was closed', async () => {
    handler = () => undefined;
    const t = transport({ timeoutMs: 60_000 });
    const pending = failure(t.send({ method: 'GET', url: `${base}/x`, headers: {} }));
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await t.close();
    const e = await pending;
    assert.equal(e.name, 'CancelledError');
    assert.equal(e.message, 'The client was closed.');
  });

  it('close() lets go of the kept-alive connections', async () => {
    const t = transport();
    await t.send({ method: 'GET', url: `${base}/x`, headers: {} });
    assert.equal(open.size, 1, 'the connection is kept alive for the next request');
    await t.close();
    while (open.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('a cancelled request leaves the connections to other hosts open', async () => {
    const t = transport({ timeoutMs: 60_000 });
    await t.send({ method: 'GET', url: `${base}/x`, headers: {} });
    assert.equal(connections, 1);
    // Another origin that never answers, cancelled while waiting.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const controller = new AbortController();
      let arrived = false;
      silent.on('request', () => (arrived = true));
      const cancelled = failure(t.send({ method: 'GET', url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/x`, headers: {}, signal: controller.signal }));
      while (!arrived) await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      assert.equal((await cancelled).name, 'CancelledError');
      // Longer than a stuck attempt is given to let go (STUCK_AFTER_MS): one that did let go keeps its dispatcher.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await t.send({ method: 'GET', url: `${base}/x`, headers: {} });
      assert.equal(connections, 1, 'the kept-alive connection was reused');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
