import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { aTask } from '../../support/builders';
import { startFakeGateway, type FakeGateway } from '../../support/fakeGateway';
import { rawExchange, REQUEST_ID_RE, send, signedHeaders, signedSend } from './http';

const TASK = aTask({ id: 'ff8080829a0b1c2d019a0b1c2d3e0ccc' });
const PATH = `/v2.1/batch-operation-tasks/${TASK.id}`;

/** A rejection's message and its cause's code, whichever says more. */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    return `${e.name}: ${e.message} ${e.cause?.code ?? ''} ${e.cause?.message ?? ''}`;
  }
  return 'no error';
}

describe('fake gateway: scripted faults', () => {
  let gw: FakeGateway;
  beforeEach(async () => {
    gw = await startFakeGateway({ tasks: [TASK] });
  });
  afterEach(() => gw.close());

  it('answers scripted statuses once each, in order, then normally', async () => {
    gw.enqueue(/batch-operation-tasks\//, { status: 503, body: { code: 'DNS.0000', message: 'busy' } }, { status: 502, body: '', headers: { 'Retry-After': '2' } });
    assert.equal(gw.pendingScripts(), 2);
    const first = await signedSend(gw.url, PATH);
    assert.deepEqual([first.status, first.json()['code']], [503, 'DNS.0000']);
    assert.match(String(first.headers['x-request-id']), REQUEST_ID_RE);
    const second = await signedSend(gw.url, PATH);
    assert.deepEqual([second.status, second.text, second.headers['retry-after']], [502, '', '2']);
    const third = await signedSend(gw.url, PATH);
    assert.equal(third.status, 200);
    assert.equal(gw.pendingScripts(), 0);
    assert.deepEqual(gw.requests.map((r) => [r.status, r.scripted, r.verified]), [[503, true, true], [502, true, true], [200, false, true]]);
  });

  it('applies scripts before authentication (any request can hit them) and only to matching requests', async () => {
    gw.enqueue((r) => r.query['error_item_offset'] === '500', { status: 500, body: { code: 'DNS.0000', message: 'x' } });
    assert.equal((await send(gw.url, { path: PATH })).status, 401, 'not matching: normal path');
    const hit = await send(gw.url, { path: `${PATH}?error_item_offset=500` });
    assert.equal(hit.status, 500);
    assert.deepEqual([gw.requests[1]!.scripted, gw.requests[1]!.verified], [true, false]);
    assert.equal(gw.pendingScripts(), 0);
  });

  it('lets a script override X-Request-Id and Content-Type', async () => {
    gw.enqueue(/./, { status: 500, headers: { 'x-request-id': 'abc', 'Content-Type': 'text/plain' }, body: 'oops' });
    const a = await send(gw.url, { path: PATH });
    assert.deepEqual([a.status, a.headers['x-request-id'], a.headers['content-type'], a.text], [500, 'abc', 'text/plain', 'oops']);
    gw.enqueue(/./, { status: 401, headers: { 'X-Request-Id': '' } });
    assert.equal((await send(gw.url, { path: PATH })).headers['x-request-id'], undefined);
  });

  it('hang: never answers until the client gives up; close() ends hung connections', async () => {
    gw.enqueue(/./, { kind: 'hang' }, { kind: 'hang' });
    const timedOut = await failure(fetch(gw.url + PATH, { signal: AbortSignal.timeout(150) }));
    assert.match(timedOut, /TimeoutError|AbortError/);
    const hung = failure(fetch(gw.url + PATH));
    while (gw.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    await gw.close();
    assert.match(await hung, /fetch failed|other side closed|terminated|socket/i);
    assert.equal(gw.requests[1]!.status, 0);
    while (gw.requests[1]!.outcome === undefined) await new Promise((r) => setTimeout(r, 5));
    assert.equal(gw.requests[1]!.outcome, 'client-gone');
  });

  it('reset: the connection is torn down without an answer', async () => {
    gw.enqueue(/./, { kind: 'reset' });
    assert.match(await failure(fetch(gw.url + PATH)), /fetch failed.*(ECONNRESET|other side closed|socket)/i);
    assert.equal((await signedSend(gw.url, PATH)).status, 200, 'the gateway goes on');
  });

  it('halfBody: Content-Length promises more than is sent, then the connection closes', async () => {
    gw.enqueue(/./, { kind: 'halfBody' });
    const res = await fetch(gw.url + PATH);
    assert.equal(res.status, 200);
    const promised = Number(res.headers.get('content-length'));
    assert.ok(promised > 100);
    assert.match(await failure(res.text()), /terminated|closed|aborted/i);
  });

  it('huge: streams exactly that many bytes of a valid JSON task', async () => {
    gw.enqueue(/./, { kind: 'huge', bytes: 3_000_000 }, { kind: 'huge', bytes: 200_001, chunked: true });
    const res = await fetch(gw.url + PATH);
    assert.equal(res.headers.get('content-length'), '3000000');
    const text = await res.text();
    assert.equal(text.length, 3_000_000);
    const body = JSON.parse(text) as { error_items: { item: string }[] };
    assert.ok(body.error_items.length > 10_000);
    const chunked = await fetch(gw.url + PATH);
    assert.equal(chunked.headers.get('content-length'), null);
    const text2 = await chunked.text();
    assert.equal(text2.length, 200_001);
    assert.doesNotThrow(() => JSON.parse(text2));
    assert.deepEqual(gw.requests.map((r) => [r.outcome, r.bodyBytesSent]), [['complete', 3_000_000], ['complete', 200_001]]);
  });

  it('huge: stops when the client goes away, and keeps serving', async () => {
    gw.enqueue(/./, { kind: 'huge', bytes: 2_000_000_000 });
    const controller = new AbortController();
    const res = await fetch(gw.url + PATH, { signal: controller.signal });
    const reader = res.body!.getReader();
    const first = (await reader.read()) as { done: boolean; value?: Uint8Array };
    assert.ok(first.value && first.value.byteLength > 0);
    controller.abort();
    while (gw.requests[0]!.outcome === undefined) await new Promise((r) => setTimeout(r, 5));
    assert.equal(gw.requests[0]!.outcome, 'client-gone');
    const sent = gw.requests[0]!.bodyBytesSent ?? 0;
    assert.ok(sent > 0 && sent < 100_000_000, `stopped after ${sent} bytes`);
    assert.equal((await signedSend(gw.url, PATH)).status, 200);
    assert.equal(gw.requests[0]!.bodyBytesSent, sent, 'nothing more written once the client left');
  });

  it('html: an HTML error page with the status asked for', async () => {
    gw.enqueue(/./, { kind: 'html', status: 502 });
    const res = await fetch(gw.url + PATH);
    assert.equal(res.status, 502);
    assert.equal(res.headers.get('content-type'), 'text/html');
    assert.match(res.headers.get('x-request-id') ?? '', REQUEST_ID_RE);
    assert.match(await res.text(), /^<html>[\s\S]*502 Bad Gateway/);
  });

  it('delay and slowHeaders answer with their follow-up; slowHeaders alone answers normally', async () => {
    gw.enqueue(/./, { kind: 'delay', ms: 30, then: { status: 418 } }, { kind: 'slowHeaders', ms: 30, then: { kind: 'html', status: 504 } }, { kind: 'slowHeaders', ms: 30 });
    assert.equal((await send(gw.url, { path: PATH })).status, 418);
    assert.equal((await send(gw.url, { path: PATH })).status, 504);
    const normal = await signedSend(gw.url, PATH);
    assert.equal(normal.status, 200);
    assert.equal(normal.json()['id'], TASK.id);
  });

  it('slowBody: headers at once, the rest of the body later, complete', async () => {
    gw.enqueue(/./, { kind: 'slowBody', ms: 30, body: { hello: 'world' } });
    const a = await send(gw.url, { path: PATH });
    assert.deepEqual(a.json(), { hello: 'world' });
  });

  it('drops pending delayed answers on close without throwing', async () => {
    gw.enqueue(/./, { kind: 'delay', ms: 60_000, then: { status: 200 } });
    const pending = failure(fetch(gw.url + PATH));
    while (gw.requests.length < 1) await new Promise((r) => setTimeout(r, 5));
    await gw.close();
    assert.notEqual(await pending, 'no error');
  });
});

describe('fake gateway: robustness', () => {
  let gw: FakeGateway;
  beforeEach(async () => {
    gw = await startFakeGateway({ tasks: [TASK] });
  });
  afterEach(() => gw.close());

  const stillWorks = async (): Promise<void> => {
    assert.equal((await signedSend(gw.url, PATH)).status, 200);
  };

  it('answers garbage request lines with 400 and an X-Request-Id', async () => {
    const out = await rawExchange(gw.url, 'THIS IS NOT HTTP\r\n\r\n');
    assert.match(out, /^HTTP\/1\.1 400 /);
    assert.match(out, /X-Request-Id: [0-9a-f]{32}/);
    await stillWorks();
  });

  it('answers oversized headers with 431', async () => {
    const out = await rawExchange(gw.url, `GET ${PATH} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    assert.match(out, /^HTTP\/1\.1 431 /);
    await stillWorks();
  });

  it('handles odd targets: *, absolute-form, bad percent-encoding, control-free junk', async () => {
    const star = await rawExchange(gw.url, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(star, /^HTTP\/1\.1 400 [\s\S]*APIGW/);
    const absolute = await rawExchange(gw.url, `GET http://x${PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.match(absolute, /^HTTP\/1\.1 401 /, 'routed by its path, then refused for lack of a signature');
    for (const path of ['/%', '/v2.1/batch-operation-tasks/%E0%A4%A', '/v2.1/batch-operation-tasks?limit=%zz', '/v3/projects?name=%FF%FE']) {
      const a = await send(gw.url, { path, headers: signedHeaders(gw.url, path) });
      assert.ok([200, 400, 404].includes(a.status), `${path}: ${a.status} ${a.text}`);
      assert.match(String(a.headers['x-request-id']), REQUEST_ID_RE);
    }
    await stillWorks();
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const a = await send(gw.url, { method: 'GET', path: PATH, body: 'x'.repeat(1024 * 1024 + 1) });
    assert.equal(a.status, 413);
    await stillWorks();
  });

  it('survives a client that disconnects mid-request', async () => {
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: gw.port, method: 'GET', path: PATH, headers: { 'Content-Length': '1000' } });
      req.on('error', () => resolve());
      req.write('abc', () => {
        req.destroy();
        resolve();
      });
    });
    await stillWorks();
  });

  it('close() is idempotent', async () => {
    await Promise.all([gw.close(), gw.close()]);
    await gw.close();
  });
});
