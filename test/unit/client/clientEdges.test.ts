// What a person notices at the client's edges, against the fake gateway: the IAM action a 403 names for each
// call, what an error says the call was doing, the ids kept on a throttled call, the query and headers actually
// sent, a closed or cancelled client that sends nothing, the request log (durations, bounded ids and errors).
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import type { ThrottledError } from '../../../src/core/errors';
import type { RetryRecordSet } from '../../../src/core/retryPlan/batchCreate';
import { aTask, errorItems } from '../../support/builders';
import { failure } from './apiFailure';
import { receivedRequests, useGateway } from './helpers';

const ID = 'ab12'.repeat(8);
const TASKS_RE = /^\/v2\.1\/batch-operation-tasks\?/;
const TASK_RE = /^\/v2\.1\/batch-operation-tasks\//;
const WRITE_RE = /operation-task\/batch-create-recordset/;
const PROJECTS_RE = /^\/v3\/projects/;
const www: RetryRecordSet = { zone_name: 'example.com.', name: 'www.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1'] };
const mail: RetryRecordSet = { ...www, name: 'mail.example.com.' };
const summary = (i: number) => ({ id: `t${i}`, type: 'create', status: 'DONE', created_at: '2025-06-17 13:09:15', success_count: 1, error_count: 0 });
const refusal = { code: 'DNS.0002', message: 'Invalid parameter.' };
/** A matcher that only watches requests (returns false) still needs an answer to be kept: this one is never sent. */
const UNUSED = { status: 599 } as const;

describe('client edges: errors a person reads', () => {
  const h = useGateway({ tasks: [aTask({ id: ID, errorItems: errorItems(30) }), ...Array.from({ length: 4 }, () => aTask())], zones: [{ name: 'example.com.' }] });

  it('says which call the API refused: showing a task, listing tasks, creating record sets, finding the project', async () => {
    h.gw.enqueue(TASK_RE, { status: 400, body: refusal });
    assert.match((await failure(h.client().getTask(ID))).message, new RegExp(`^The API rejected the request to show task ${ID}\\. The server said: Invalid parameter\\. \\(HTTP 400, DNS\\.0002, request id [0-9a-f]{32}\\)$`));
    h.gw.enqueue(TASKS_RE, { status: 400, body: refusal });
    assert.match((await failure(h.client().listTasks())).message, /^The API rejected the request to list batch tasks\. The server said: Invalid parameter\./);
    assert.match((await failure(h.client().createRecordSetsTask([{ ...www, zone_name: 'example.com' }]))).message, /^The API rejected the request to create record sets\. The server said: .*zone_name/);
    h.gw.enqueue(PROJECTS_RE, { status: 400, body: { error_code: 'IAM.0001', error_msg: 'Bad name.' } });
    const lookup = await failure(h.client({ region: 'ap-southeast-3', iamEndpoint: h.gw.url }).getTask(ID));
    assert.match(lookup.message, /^The API rejected the request to look up the project of region ap-southeast-3\. The server said: Bad name\./);
  });

  it('an account without a project in the region is told to set huaweiDns.projectId; nothing goes to DNS', async () => {
    h.gw.enqueue(PROJECTS_RE, { status: 200, body: { projects: [] } });
    const e = await failure(h.client({ region: 'ap-southeast-3', iamEndpoint: h.gw.url }).getTask(ID));
    assert.equal(e.message, 'This account has no project named ap-southeast-3: is the region enabled? Set huaweiDns.projectId to the project id shown in the console (My Credentials).');
    assert.deepEqual(h.gw.requests.map((r) => r.path), ['/v3/projects']);
  });

  it('a 404 from the list or the write names the missing API and the region the client was set up for', async () => {
    const c = h.client({ region: 'ap-southeast-3', projectId: 'p0' });
    h.gw.enqueue(TASKS_RE, { status: 404, body: { code: 'DNS.0001', message: 'Not found.' } });
    assert.match((await failure(c.listTasks())).message, /^The API to list batch tasks was not found in region ap-southeast-3\. \(HTTP 404, DNS\.0001, request id [0-9a-f]{32}\)$/);
    h.gw.enqueue(WRITE_RE, { status: 404, body: { code: 'DNS.0001', message: 'Not found.' } });
    const e = await failure(c.createRecordSetsTask([www]));
    assert.equal(e.name, 'NotFoundError');
    assert.match(e.message, /^The API to create record sets was not found in region ap-southeast-3\. \(HTTP 404, DNS\.0001/);
  });

  it('an answer outside 2xx is an error even when its body looks like a task (HTTP 300)', async () => {
    const task = { id: ID, type: 'create', status: 'DONE', created_at: '2025-06-17 13:09:15', success_count: 1, error_count: 0, error_items: [] };
    h.gw.enqueue(TASK_RE, { status: 300, body: task });
    const e = await failure(h.client().getTask(ID));
    assert.equal(e.status, 300);
    assert.notEqual(e.name, 'ResponseShapeError');
  });

  it('a call throttled to the end says how often it tried and keeps the status, code and last request id', async () => {
    const throttled = { status: 429, headers: { 'Retry-After': '2' }, body: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' } };
    h.gw.enqueue(TASK_RE, throttled, throttled, throttled);
    const e = (await failure(h.client({ maxRetries: 2 }).getTask(ID))) as ThrottledError;
    const last = h.gw.requests[2]!.requestId;
    assert.equal(e.name, 'ThrottledError');
    assert.deepEqual([e.status, e.code, e.requestId, e.retryAfterMs], [429, 'APIGW.0308', last, 2000]);
    assert.equal(e.message, `Too many requests: the API gateway is throttling this account. Gave up after 3 attempts. Try again in 2 s. (HTTP 429, APIGW.0308, request id ${last})`);
  });

  it('a write whose answer is lost says how many record sets it may have created', async () => {
    h.gw.enqueue(WRITE_RE, { kind: 'dropAnswer' });
    assert.match((await failure(h.client().createRecordSetsTask([www]))).message, /^No clear answer to the request to create 1 record set \(/);
    h.gw.enqueue(WRITE_RE, { kind: 'dropAnswer' });
    assert.match((await failure(h.client().createRecordSetsTask([{ ...www, name: 'a.example.com.' }, mail]))).message, /^No clear answer to the request to create 2 record sets \(/);
    assert.equal(h.gw.writes().length, 2, 'neither write was sent again');
  });
});

describe('client edges: permission denied names the IAM action of each call', () => {
  const h = useGateway({
    tasks: [aTask({ id: ID })],
    denyActions: ['dns:zone:getPublicZoneBatchOperationResult', 'dns:zone:listPublicZoneBatchOperationRecords', 'dns:recordset:batchCreatePublicZoneRecordsets'],
  });

  it('show task, list tasks and list all tasks: one action each, through DNS ReadOnlyAccess', async () => {
    const c = h.client();
    const cases: [Promise<unknown>, string][] = [
      [c.getTask(ID), 'dns:zone:getPublicZoneBatchOperationResult'],
      [c.listTasks(), 'dns:zone:listPublicZoneBatchOperationRecords'],
      [c.listAllTasks(), 'dns:zone:listPublicZoneBatchOperationRecords'],
    ];
    for (const [call, action] of cases) {
      const e = (await failure(call)) as Error & { action?: string };
      assert.equal(e.action, action);
      assert.ok(e.message.startsWith(`Permission denied: the IAM user needs the action ${action} (ask an administrator to grant it, e.g. through the DNS ReadOnlyAccess policy).`), e.message);
    }
  });

  it('the write: its three actions, each once, through DNS FullAccess', async () => {
    const e = await failure(h.client().createRecordSetsTask([www]));
    assert.ok(
      e.message.startsWith(
        'Permission denied: the IAM user needs the actions dns:recordset:batchCreatePublicZoneRecordsets, dns:recordset:create and dns:quota:list (ask an administrator to grant them, e.g. through the DNS FullAccess policy).',
      ),
      e.message,
    );
  });
});

describe('client edges: what is sent', () => {
  const h = useGateway({ tasks: [aTask({ id: ID, errorItems: errorItems(30) }), ...Array.from({ length: 5 }, () => aTask())] });

  it('says "dev" in the User-Agent when no version is given', async () => {
    await h.client({ version: undefined }).getTask(ID);
    assert.equal(h.gw.requests[0]!.headers['user-agent'], 'dns-batch-tasks/dev');
  });

  it('a page without total_count counts its total from the offset asked for', async () => {
    h.gw.enqueue(TASKS_RE, { status: 200, body: { tasks: [summary(21), summary(22)] } });
    const page = await h.client().listTasks({ limit: 2, offset: 20 });
    assert.equal(h.gw.requests[0]!.rawQuery, 'limit=2&offset=20');
    assert.equal(page.total, 22);
  });

  it('listing all stops when the total is reached, without asking for an empty page after a full one', async () => {
    const all = await h.client().listAllTasks({ pageSize: 3 });
    assert.equal(all.length, 6);
    assert.deepEqual(h.gw.requests.map((r) => r.rawQuery), ['limit=3&offset=0', 'limit=3&offset=3']);
  });

  it('listing all stops at an empty page even when the total claims more', async () => {
    h.gw.enqueue(TASKS_RE, { status: 200, body: { tasks: [], metadata: { total_count: 10 } } });
    assert.deepEqual(await h.client().listAllTasks({ pageSize: 3 }), []);
    assert.equal(h.gw.requests.length, 1);
  });

  it('a cancelled list, list-all or fetch of all failed items sends nothing; a bad id is refused as such first', async () => {
    const c = h.client();
    for (const call of [c.listTasks({ signal: AbortSignal.abort() }), c.listAllTasks({ signal: AbortSignal.abort() })]) {
      assert.equal((await failure(call)).name, 'CancelledError');
    }
    assert.equal((await failure(c.getAllErrorItems('../x', { signal: AbortSignal.abort() }))).name, 'InvalidTaskIdError');
    assert.equal(h.gw.requests.length, 0);
  });

  it('the configured concurrency bounds the pages of failed items in flight', async () => {
    let most = 0;
    h.gw.enqueue(() => {
      most = Math.max(most, h.gw.requests.filter((x) => x.status === 0).length);
      return false;
    }, UNUSED);
    // The second page answers late: with more than one page allowed in flight, the third would arrive meanwhile.
    h.gw.enqueue(/error_item_offset=10(&|$)/, { kind: 'slowHeaders', ms: 150 });
    const { items } = await h.client({ concurrency: 1 }).getAllErrorItems(ID, { pageSize: 10 });
    assert.equal(items.length, 30);
    assert.equal(h.gw.requests.length, 3);
    assert.equal(most, 1);
  });

  it('Cancel during the wait before a retry ends the call at once, without the retry', async () => {
    const controller = new AbortController();
    h.gw.enqueue(TASK_RE, { status: 429, headers: { 'Retry-After': '50' }, body: { error_code: 'APIGW.0308', error_msg: 'throttled' } });
    // The client's own timer, not the recorded instant one: it must be the signal that ends the 50 s wait.
    const p = h.client({ sleep: undefined }).getTask(ID, { signal: controller.signal });
    while (h.log.length < 1) await new Promise((r) => setTimeout(r, 5));
    assert.equal(h.log[0]!.retryInMs, 50_000);
    controller.abort();
    assert.equal((await failure(p)).name, 'CancelledError');
    assert.equal(h.gw.requests.length, 1);
  });
});

describe('client edges: closing and cancelling while an answer arrives', () => {
  const h = useGateway({ tasks: [aTask({ id: ID })] });

  it('a closed client sends nothing, logs nothing and says it was closed', async () => {
    const c = h.client();
    await c.close();
    await c.close();
    const e = await failure(c.getTask(ID));
    assert.deepEqual([e.name, e.message], ['CancelledError', 'The client was closed.']);
    assert.equal(h.gw.requests.length, 0);
    assert.equal(h.log.length, 0);
  });

  // The person's Cancel (or a sign-out closing the client) lands while the gateway's refusal is being read: they
  // asked to stop, so they are told it stopped, not shown the refusal as if the call had run its course.
  it('a Cancel that lands while a refusal is read is reported as cancelled', async () => {
    const controller = new AbortController();
    let arrived = false;
    h.gw.enqueue(() => ((arrived = true), false), UNUSED);
    h.gw.enqueue(TASK_RE, { status: 400, body: refusal });
    const c = h.client({ now: () => (arrived && controller.abort(), Date.now()) });
    const e = await failure(c.getTask(ID, { signal: controller.signal }));
    assert.equal(e.name, 'CancelledError');
  });

  it('a close that lands while a refusal is read says the client was closed', async () => {
    let arrived = false;
    h.gw.enqueue(() => ((arrived = true), false), UNUSED);
    h.gw.enqueue(TASK_RE, { status: 400, body: refusal });
    let closing: Promise<void> | undefined;
    const c = h.client({ now: () => (arrived && (closing ??= c.close()), Date.now()) });
    const e = await failure(c.getTask(ID));
    await closing;
    assert.deepEqual([e.name, e.message], ['CancelledError', 'The client was closed.']);
  });
});

describe('client edges: the request log', () => {
  const h = useGateway({ tasks: [aTask({ id: ID })] });

  it('says how long each attempt took by the client clock', async () => {
    let t = Date.now();
    h.gw.enqueue(() => ((t += 1500), false), UNUSED);
    await h.client({ now: () => t }).getTask(ID);
    assert.equal(h.log[0]!.durationMs, 1500);
  });

  it('keeps at most 128 characters of a request id the server sent', async () => {
    h.gw.enqueue(TASK_RE, { status: 400, headers: { 'X-Request-Id': 'a'.repeat(300) }, body: refusal });
    await failure(h.client().getTask(ID));
    assert.equal(h.log[0]!.requestId, 'a'.repeat(128));
  });

  it("keeps the error's name and message, cut at 300 characters", async () => {
    h.gw.enqueue(TASK_RE, { status: 400, body: { code: 'DNS.0002', message: 'word '.repeat(100) } });
    const e = await failure(h.client().getTask(ID));
    const logged = h.log[0]!.error ?? '';
    assert.ok(e.message.length > 300);
    assert.equal(logged, `ApiError: ${e.message}`.slice(0, 300));
  });
});

describe('client edges: project ids', () => {
  const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
  const h = useGateway({ projectId: PROJECT, tasks: [aTask({ id: ID })], zones: [{ name: 'example.com.' }] });

  it('a blank configured project id is looked up in IAM, not sent as blanks', async () => {
    await h.client({ projectId: '   ', region: 'ap-southeast-3', iamEndpoint: h.gw.url }).getTask(ID);
    assert.deepEqual(h.gw.requests.map((r) => [r.path, r.status]), [['/v3/projects', 200], [`/v2.1/batch-operation-tasks/${ID}`, 200]]);
    assert.equal(h.gw.requests[1]!.headers['x-project-id'], PROJECT);
  });

  it('the write and the live zone reads carry the project id the gateway requires', async () => {
    const c = h.client({ projectId: PROJECT });
    await c.createRecordSetsTask([www]);
    assert.ok(await c.findZone('example.com.'));
    assert.deepEqual(h.gw.requests.map((r) => [r.method, r.status, r.headers['x-project-id']]), [['POST', 202, PROJECT], ['GET', 200, PROJECT]]);
  });

  it('with a configured project id the IAM endpoint is never used, so even a plain-http one does not stop the client', async () => {
    await h.client({ projectId: PROJECT, region: 'ap-southeast-3', iamEndpoint: 'http://iam.example.com' }).getTask(ID);
    assert.deepEqual(h.gw.requests.map((r) => r.status), [200]);
  });

  it('a call that waited for the project lookup leaves no listener on its signal', async () => {
    const controller = new AbortController();
    const c = h.client({ region: 'ap-southeast-3', iamEndpoint: h.gw.url });
    await c.getTask(ID, { signal: controller.signal });
    await c.getTask(ID, { signal: controller.signal });
    assert.equal(h.gw.requests.length, 3);
    assert.deepEqual(getEventListeners(controller.signal, 'abort'), []);
  });

  it('a Cancel during a hung project lookup ends the call at once', async () => {
    h.gw.enqueue(PROJECTS_RE, { kind: 'hang' });
    const controller = new AbortController();
    // The attempt's own timeout is longer than the test's: only the Cancel can end it in time.
    const p = h.client({ region: 'ap-southeast-3', iamEndpoint: h.gw.url, timeoutMs: 600_000 }).getTask(ID, { signal: controller.signal });
    await receivedRequests(h.gw, 1);
    controller.abort();
    assert.equal((await failure(p)).name, 'CancelledError');
  });
});
