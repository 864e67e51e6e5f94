// The batch-create write against the fake gateway: exact bytes signed and counted, retried only when it cannot
// have reached the service (429, refused), never after a timeout, a reset after the body or a 5xx — and then
// WriteOutcomeUnknownError with sentAt, while the gateway's log shows exactly one write.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { WriteOutcomeUnknownError } from '../../../src/core/errors';
import { failure } from './apiFailure';
import { BATCH_CREATE_PATH, toBatchCreateRequests, type RetryRecordSet } from '../../../src/core/retryPlan/batchCreate';
import { BATCH_CREATE_ROUTE, CREATE_MESSAGES, startFakeGateway } from '../../support/fakeGateway';
import { CREDS, receivedRequests, useGateway } from './helpers';
import { createDnsClient } from '../../../src/core/client';

const WRITE_RE = /operation-task\/batch-create-recordset/;
const www: RetryRecordSet = { zone_name: 'example.com.', name: 'www.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1', '192.0.2.2'] };
const txt: RetryRecordSet = { zone_name: 'example.com.', name: 'café.example.com.', type: 'TXT', ttl: 60, records: ['"v=spf1 -all ✓ 记录"'] };

describe('client: createRecordSetsTask', () => {
  const h = useGateway({ zones: [{ name: 'example.com.' }] });

  it('posts the exact JSON body, signed over its UTF-8 bytes, Content-Length in bytes; answers the new task id', async () => {
    const created = await h.client().createRecordSetsTask([www, txt]);
    const writes = h.gw.writes();
    assert.equal(writes.length, 1);
    const w = writes[0]!;
    assert.equal(w.method, 'POST');
    assert.equal(w.path, BATCH_CREATE_PATH);
    assert.equal(w.verified, true, 'the gateway verified the signature over the body it received');
    assert.equal(w.body, JSON.stringify({ recordsets: [www, txt] }));
    assert.equal(Number(w.headers['content-length']), Buffer.byteLength(w.body, 'utf8'));
    assert.ok(Buffer.byteLength(w.body, 'utf8') > w.body.length, 'the body holds multi-byte characters');
    assert.match(created.taskId, /^[0-9a-f]{32}$/);
    assert.equal(created.requestId, w.requestId);
    assert.deepEqual(h.log.map((e) => [e.method, e.path, e.status]), [['POST', BATCH_CREATE_PATH, 202]]);
  });

  it('the new task is a create task that runs PENDING, then DONE with the service rules applied', async () => {
    const c = h.client();
    const first = await c.createRecordSetsTask([www]);
    const pending = await c.getTask(first.taskId);
    assert.equal(pending.type, 'create');
    assert.equal(pending.status, 'PENDING');
    await c.getTask(first.taskId);
    const done = await c.getTask(first.taskId);
    assert.deepEqual([done.status, done.successCount, done.errorCount], ['DONE', 1, 0]);
    // Not idempotent: the same set again fails as a duplicate.
    const second = await c.createRecordSetsTask([www, { ...www, name: 'mail.example.com.', type: 'SPF', records: ['"x"'] }]);
    h.gw.finishTask(second.taskId);
    const again = await c.getTask(second.taskId);
    assert.deepEqual([again.successCount, again.errorCount], [0, 2]);
    assert.match(again.errorItems[0]!.errorMessage, /^Duplicate recordset exists\.\(name: www\.example\.com\., type: A,/);
    assert.equal(again.errorItems[1]!.errorMessage, CREATE_MESSAGES.unsupportedType);
  });

  it('429 then accepted: retried after Retry-After, one task created', async () => {
    h.gw.enqueue(WRITE_RE, { status: 429, headers: { 'Retry-After': '3' }, body: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' } });
    const created = await h.client().createRecordSetsTask([www]);
    assert.deepEqual(h.sleeps, [3000]);
    assert.equal(h.gw.writes().length, 2);
    assert.deepEqual(h.gw.writes().map((w) => w.status), [429, 202]);
    assert.ok(h.gw.getTask(created.taskId));
  });

  it('429 asking for longer than the policy waits: ThrottledError after one write (nothing was created)', async () => {
    h.gw.enqueue(WRITE_RE, { status: 429, headers: { 'Retry-After': '3600' }, body: { error_code: 'APIGW.0308', error_msg: 'throttled' } });
    const e = await failure(h.client().createRecordSetsTask([www]));
    assert.equal(e.name, 'ThrottledError');
    assert.equal(h.gw.writes().length, 1);
  });

  for (const [label, fault] of [
    ['a 503', { status: 503, body: { code: 'DNS.0000', message: 'System busy' } }],
    ['a 500 HTML page', { kind: 'html', status: 500 }],
    ['a 502 HTML page', { kind: 'html', status: 502 }],
  ] as const) {
    it(`${label} is never retried: WriteOutcomeUnknownError with sentAt, one write`, async () => {
      const before = Date.now();
      h.gw.enqueue(WRITE_RE, fault);
      const e = (await failure(h.client().createRecordSetsTask([www]))) as WriteOutcomeUnknownError;
      assert.equal(e.name, 'WriteOutcomeUnknownError');
      assert.ok(e.sentAt instanceof Date && e.sentAt.getTime() >= before - 1000 && e.sentAt.getTime() <= Date.now());
      assert.match(e.message, /may have been created/);
      assert.equal(e.retryable, false);
      assert.equal(e.requestId, h.gw.writes()[0]!.requestId);
      assert.equal(h.gw.writes().length, 1);
      assert.deepEqual(h.sleeps, []);
    });
  }

  it('a timeout is never retried: WriteOutcomeUnknownError', async () => {
    h.gw.enqueue(WRITE_RE, { kind: 'hang' });
    const e = await failure(h.client({ timeoutMs: 300 }).createRecordSetsTask([www]));
    assert.equal(e.name, 'WriteOutcomeUnknownError');
    assert.match(e.message, /timed out/);
    assert.equal(h.gw.writes().length, 1);
  });

  it('a reset after the body arrived is never retried, and the task WAS created', async () => {
    h.gw.enqueue(WRITE_RE, { kind: 'dropAnswer' });
    const e = await failure(h.client().createRecordSetsTask([www]));
    assert.equal(e.name, 'WriteOutcomeUnknownError');
    assert.equal(h.gw.writes().length, 1);
    const listed = await h.client().listAllTasks();
    assert.equal(listed.filter((t) => t.type === 'create').length, 1, 'the service acted on it');
    assert.equal(h.gw.recordSets('example.com.').filter((s) => !s.default).length, 1);
  });

  it('a 2xx whose body cannot be read is an unknown outcome, not a shape error', async () => {
    h.gw.enqueue(WRITE_RE, { status: 200, body: '<html>ok</html>' });
    const e = await failure(h.client().createRecordSetsTask([www]));
    assert.equal(e.name, 'WriteOutcomeUnknownError');
    assert.equal(e.status, 200);
  });

  it('cancelled while in flight: WriteOutcomeUnknownError, not "cancelled"', async () => {
    h.gw.enqueue(WRITE_RE, { kind: 'hang' });
    const controller = new AbortController();
    const p = h.client({ timeoutMs: 60_000 }).createRecordSetsTask([www], { signal: controller.signal });
    await receivedRequests(h.gw, 1);
    controller.abort();
    const e = await failure(p);
    assert.equal(e.name, 'WriteOutcomeUnknownError');
  });

  it('an already aborted signal sends nothing', async () => {
    const e = await failure(h.client().createRecordSetsTask([www], { signal: AbortSignal.abort() }));
    assert.equal(e.name, 'CancelledError');
    assert.equal(h.gw.writes().length, 0);
  });

  it('a 403 names the three IAM actions; not retried, nothing created', async () => {
    const gw = await startFakeGateway({ denyActions: ['dns:recordset:batchCreatePublicZoneRecordsets'] });
    const c = createDnsClient({ endpoint: gw.url, credentials: CREDS, sleep: () => Promise.resolve() });
    try {
      const e = await failure(c.createRecordSetsTask([www]));
      assert.equal(e.name, 'AuthError');
      assert.equal(e.status, 403);
      for (const action of ['dns:recordset:batchCreatePublicZoneRecordsets', 'dns:recordset:create', 'dns:quota:list']) assert.ok(e.message.includes(action), e.message);
      assert.equal(gw.writes().length, 1);
      assert.equal((await c.listAllTasks()).length, 0);
    } finally {
      await c.close();
      await gw.close();
    }
  });

  it('a 400 from the model checks is a plain rejection, not retried', async () => {
    const e = await failure(h.client().createRecordSetsTask([{ ...www, zone_name: 'example.com' }]));
    assert.equal(e.name, 'ApiError');
    assert.equal(e.status, 400);
    assert.match(e.message, /zone_name/);
    assert.equal(h.gw.writes().length, 1);
  });

  it('connection refused (nothing reached the service) is retried, then a NetworkError, not an unknown outcome', async () => {
    const port = await freePort();
    const sleeps: number[] = [];
    const c = createDnsClient({ endpoint: `http://127.0.0.1:${port}`, credentials: CREDS, maxRetries: 2, random: () => 0.5, sleep: (ms) => (sleeps.push(ms), Promise.resolve()) });
    try {
      const e = await failure(c.createRecordSetsTask([www]));
      assert.equal(e.name, 'NetworkError');
      assert.equal(sleeps.length, 2);
    } finally {
      await c.close();
    }
  });

  it('requests for 25,001 sets: three bodies the gateway accepts as they are', async () => {
    const many = Array.from({ length: 25_001 }, (_, i): RetryRecordSet => ({ zone_name: 'example.com.', name: `h${i}.example.com.`, type: 'A', ttl: 300, records: ['192.0.2.1'] }));
    const requests = toBatchCreateRequests(many);
    assert.deepEqual(requests.map((r) => r.body.recordsets.length), [10_000, 10_000, 5_001]);
    const c = h.client();
    for (const r of requests) await c.createRecordSetsTask(r.body.recordsets);
    assert.deepEqual(h.gw.writes().map((w) => [w.path, w.status]), [[BATCH_CREATE_ROUTE, 202], [BATCH_CREATE_ROUTE, 202], [BATCH_CREATE_ROUTE, 202]]);
    assert.equal(h.gw.recordSets('example.com.').filter((s) => !s.default).length, 25_001);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
