// The client against the real local fake gateway: shapes, signing on the wire, paging, project ids.
import * as assert from 'node:assert/strict';
import { createDnsClient } from '../../../src/core/client';
import { clearProjectIdCache } from '../../../src/core/projectId';
import { aTask, errorItems } from '../../support/builders';
import { CREDS, useGateway } from './helpers';

const ID = 'ff80808297a1b2c30197a1b2c3d40001';

describe('client: requests and answers', () => {
  const failed = errorItems(1234);
  const h = useGateway({
    tasks: [
      aTask({ id: ID, successCount: 10, errorItems: failed, createdAt: '2025-06-17 13:09:15' }),
      aTask({ id: 'wrapped0000000000000000000000001', shape: 'wrapped', createdAt: '2025-06-17T13:09:15.214', updatedAt: '2025-06-17T13:11:26.968', errorItems: errorItems(3), successCount: 5 }),
      ...Array.from({ length: 5 }, (_, i) => aTask({ id: `list${i}`.padEnd(32, '0') })),
    ],
  });

  it('gets a flat task, signed as the gateway verifies it, with the SDK headers', async () => {
    const task = await h.client().getTask(ID, { limit: 2, offset: 3 });
    assert.deepEqual(
      { ...task, errorItems: undefined },
      { id: ID, type: 'create', status: 'DONE', createdAt: '2025-06-17 13:09:15', successCount: 10, errorCount: 1234, totalCount: 1244, errorItems: undefined },
    );
    assert.deepEqual(task.errorItems, failed.slice(3, 5));
    const req = h.gw.requests[0]!;
    assert.equal(req.verified, true);
    assert.equal(req.url, `/v2.1/batch-operation-tasks/${ID}?error_item_limit=2&error_item_offset=3`);
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.headers['user-agent'], 'dns-batch-tasks/9.9.9');
    assert.equal(req.headers['x-project-id'], undefined, 'no project id with a custom endpoint');
    assert.match(req.headers['x-sdk-date'] ?? '', /^\d{8}T\d{6}Z$/);
  });

  it('always sends both paging parameters, defaulting to 500 and 0', async () => {
    await h.client().getTask(ID);
    assert.equal(h.gw.requests[0]!.rawQuery, 'error_item_limit=500&error_item_offset=0');
  });

  it('accepts the {"tasks":[…]} wrapper with updated_at and total_count, dates as given', async () => {
    const task = await h.client().getTask('wrapped0000000000000000000000001');
    assert.equal(task.createdAt, '2025-06-17T13:09:15.214');
    assert.equal(task.updatedAt, '2025-06-17T13:11:26.968');
    assert.equal(task.totalCount, 8);
    assert.equal(task.errorItems.length, 3);
  });

  it('lists one page, and pages through all tasks', async () => {
    const page = await h.client().listTasks({ limit: 2, offset: 1 });
    assert.equal(page.tasks.length, 2);
    assert.equal(page.total, 7);
    h.gw.reset();
    const all = await h.client().listAllTasks({ pageSize: 3 });
    assert.equal(all.length, 7);
    assert.equal(new Set(all.map((t) => t.id)).size, 7);
    assert.deepEqual(h.gw.requests.map((r) => r.query['offset']), ['0', '3', '6']);
  });

  it('fetches every failed item with bounded concurrency, in order, progress in order', async () => {
    const progress: { offset: number; loaded: number }[] = [];
    const { items, task } = await h.client().getAllErrorItems(ID, {
      pageSize: 100,
      concurrency: 4,
      onProgress: (p) => progress.push({ offset: p.offset, loaded: p.loaded }),
    });
    assert.deepEqual(items, failed);
    assert.equal(task.errorItems.length, 1234);
    assert.deepEqual(progress.map((p) => p.offset), Array.from({ length: 13 }, (_, i) => i * 100));
    assert.deepEqual(progress.map((p) => p.loaded), Array.from({ length: 13 }, (_, i) => Math.min(1234, (i + 1) * 100)));
    assert.equal(h.gw.requests.length, 13);
  });

  it('stops fetching all items when cancelled, with CancelledError', async () => {
    const controller = new AbortController();
    const pages: number[] = [];
    await assert.rejects(
      h.client().getAllErrorItems(ID, {
        pageSize: 10,
        concurrency: 2,
        signal: controller.signal,
        onProgress: (p) => {
          pages.push(p.offset);
          if (pages.length === 3) controller.abort();
        },
      }),
      { name: 'CancelledError' },
    );
    // Requests already on the wire when abort() ran may still be recorded; nothing new may start after that.
    await new Promise((r) => setTimeout(r, 50));
    const seen = h.gw.requests.length;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(h.gw.requests.length, seen, 'no request after the cancellation');
    assert.ok(seen < 20, `only a few of the 124 pages were asked for (${seen})`);
  });

  it('reports each attempt to onRequest without headers or secrets', async () => {
    h.gw.enqueue(/batch-operation-tasks\//, { status: 503, body: { code: 'DNS.0000', message: 'busy' } });
    await h.client().getTask(ID, { limit: 1 });
    assert.equal(h.log.length, 2);
    assert.deepEqual(
      h.log.map((e) => [e.method, e.path, e.status, e.attempt, e.requestId]),
      h.gw.requests.map((r, i) => ['GET', r.url, i === 0 ? 503 : 200, i + 1, r.requestId]),
    );
    assert.equal(h.log[0]!.retryInMs, 250);
    const text = JSON.stringify(h.log);
    assert.ok(!/authorization|signature|x-security-token/i.test(text));
    assert.ok(!text.includes(CREDS.secretKey));
  });

  it('signs every attempt afresh with a new X-Sdk-Date', async () => {
    let t = Date.now();
    h.gw.enqueue(/batch-operation-tasks\//, { status: 502, body: '' });
    await h.client({ now: () => (t += 1500) }).getTask(ID, { limit: 1 });
    const [first, second] = h.gw.requests;
    assert.notEqual(first!.headers['x-sdk-date'], second!.headers['x-sdk-date']);
    assert.equal(second!.verified, true);
  });
});

describe('client: credentials and project ids', () => {
  const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
  const TOKEN = 'temporary-security-token-value-0123456789';
  const temp = { accessKey: 'HPUATEMPORARY0000001', secretKey: 'temporary-secret-0123456789abcdefghijkl', securityToken: TOKEN };
  const h = useGateway({ projectId: PROJECT, credentials: [CREDS, temp], tasks: [aTask({ id: ID })] });

  it('sends and signs a configured X-Project-Id', async () => {
    await h.client({ projectId: PROJECT }).getTask(ID);
    assert.equal(h.gw.requests[0]!.headers['x-project-id'], PROJECT);
    assert.equal(h.gw.requests[0]!.verified, true);
  });

  it('sends and signs X-Security-Token for temporary credentials', async () => {
    await h.client({ projectId: PROJECT, credentials: temp }).getTask(ID);
    assert.equal(h.gw.requests[0]!.accessKey, temp.accessKey);
    assert.equal(h.gw.requests[0]!.verified, true);
  });

  it('looks the project id up in IAM when the region is known, once per access key and region', async () => {
    const options = { region: 'ap-southeast-3', iamEndpoint: h.gw.url };
    await h.client(options).getTask(ID);
    await h.client(options).getTask(ID);
    assert.deepEqual(h.gw.requests.map((r) => r.path), ['/v3/projects', `/v2.1/batch-operation-tasks/${ID}`, `/v2.1/batch-operation-tasks/${ID}`]);
    assert.equal(h.gw.requests[0]!.rawQuery, 'name=ap-southeast-3');
    assert.equal(h.gw.requests[0]!.headers['x-project-id'], undefined);
    assert.equal(h.gw.requests[1]!.headers['x-project-id'], PROJECT);
  });

  it('shares one lookup between concurrent calls and retries it after a failure', async () => {
    h.gw.enqueue(/^\/v3\/projects/, { status: 403, body: { error_code: 'IAM.0002', error_msg: 'forbidden' } });
    const c = h.client({ region: 'ap-southeast-3', iamEndpoint: h.gw.url });
    await assert.rejects(c.getTask(ID), (e: Error & { action?: string }) => e.name === 'AuthError' && e.action === 'iam:projects:listProjects');
    await Promise.all([c.getTask(ID), c.getTask(ID), c.listTasks()]);
    assert.equal(h.gw.requests.filter((r) => r.path === '/v3/projects').length, 2);
  });

  it('refuses a looked-up project id with anything around the allowed characters, before it is sent to DNS', async () => {
    for (const id of ['../x', 'x/..', 'a/b']) {
      h.gw.reset();
      clearProjectIdCache();
      h.gw.enqueue(/^\/v3\/projects/, { status: 200, body: { projects: [{ id, name: 'ap-southeast-3' }] } });
      await assert.rejects(
        h.client({ region: 'ap-southeast-3', iamEndpoint: h.gw.url }).getTask(ID),
        (e: Error & { field?: string }) => e.name === 'ResponseShapeError' && e.field === 'projects[0].id',
        id,
      );
      assert.deepEqual(h.gw.requests.map((r) => r.path), ['/v3/projects'], id);
    }
  });

  it('makes no lookup for a custom endpoint', async () => {
    await assert.rejects(h.client().getTask(ID), { name: 'AuthError', status: 401, code: 'APIGW.0301' });
    assert.deepEqual(h.gw.requests.map((r) => r.path), [`/v2.1/batch-operation-tasks/${ID}`]);
  });

  it('refuses a plain-http IAM endpoint before sending anything', () => {
    assert.throws(() => createDnsClient({ endpoint: h.gw.url, credentials: CREDS, region: 'ap-southeast-3', iamEndpoint: 'http://iam.example.com' }), { name: 'InsecureEndpointError' });
  });
});

describe('client: list without metadata, cancellation during the project lookup', () => {
  const h = useGateway({ tasks: [aTask({ id: ID })] });
  const summary = (i: number) => ({ id: `t${i}`, type: 'create', status: 'DONE', created_at: '2025-06-17 13:09:15', success_count: 1, error_count: 0 });

  it('pages through all tasks while pages are full when the answer has no total_count', async () => {
    h.gw.enqueue(/batch-operation-tasks\?/, { status: 200, body: { tasks: [summary(1), summary(2)] } }, { status: 200, body: { tasks: [summary(3), summary(4)] } }, { status: 200, body: { tasks: [summary(5)] } });
    const all = await h.client().listAllTasks({ pageSize: 2 });
    assert.deepEqual(all.map((t) => t.id), ['t1', 't2', 't3', 't4', 't5']);
  });

  it('a cancelled call stops waiting for a hung project lookup at once', async () => {
    h.gw.enqueue(/^\/v3\/projects/, { kind: 'hang' });
    const controller = new AbortController();
    const p = h.client({ region: 'ap-southeast-3', iamEndpoint: h.gw.url }).getTask(ID, { signal: controller.signal });
    while (h.gw.requests.length < 1) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await assert.rejects(p, { name: 'CancelledError' });
  });
});
