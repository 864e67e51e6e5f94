import { strict as assert } from 'node:assert';
import { aTask, errorItems } from '../../support/builders';
import { projectIdFor, startFakeGateway, type FakeGateway } from '../../support/fakeGateway';
import { fakeClock, REQUEST_ID_RE, send, signedHeaders, signedSend } from './http';

interface TaskBody {
  id: string;
  type: string;
  status: string;
  created_at: string;
  updated_at?: string;
  total_count?: number;
  success_count: number;
  error_count: number;
  error_items: { item: string; error_message: string }[];
}

const BIG = aTask({ id: 'ff8080829a0b1c2d019a0b1c2d3e1234', successCount: 766, errorItems: errorItems(1234) });

describe('fake gateway: show a task', () => {
  const clock = fakeClock();
  let gw: FakeGateway;
  beforeEach(async () => {
    gw = await startFakeGateway({ tasks: [BIG], now: clock.now });
  });
  afterEach(() => gw.close());

  const get = (path: string): ReturnType<typeof signedSend> => signedSend(gw.url, path, { date: clock.date() });
  const page = async (query: string): Promise<TaskBody> => {
    const a = await get(`/v2.1/batch-operation-tasks/${BIG.id}${query}`);
    assert.equal(a.status, 200, a.text);
    return a.json<TaskBody>();
  };

  it('answers the flat SDK object with vendor field names and 500 items by default', async () => {
    const body = await page('');
    assert.deepEqual(Object.keys(body), ['id', 'type', 'status', 'created_at', 'success_count', 'error_count', 'error_items']);
    assert.equal(body.error_count, 1234);
    assert.equal(body.success_count, 766);
    assert.equal(body.error_items.length, 500);
    assert.deepEqual(body.error_items[0], { item: 'host1.nw.', error_message: BIG.errorItems[0]!.errorMessage });
  });

  it('pages failed items with error_item_limit and error_item_offset', async () => {
    const p = await page('?error_item_limit=500&error_item_offset=1000');
    assert.equal(p.error_items.length, 234);
    assert.equal(p.error_items[0]!.item, 'host1001.nw.');
    assert.equal(p.error_items[233]!.item, 'host1234.nw.');
    assert.deepEqual((await page('?error_item_offset=3&error_item_limit=2')).error_items.map((i) => i.item), ['host4.nw.', 'host5.nw.']);
    assert.equal((await page('?error_item_offset=1234')).error_items.length, 0);
    assert.equal((await page('?error_item_offset=2147483647')).error_items.length, 0);
    const none = await page('?error_item_limit=0');
    assert.equal(none.error_items.length, 0);
    assert.equal(none.error_count, 1234, 'counts come with an empty page');
  });

  for (const query of [
    '?error_item_limit=501',
    '?error_item_limit=-1',
    '?error_item_limit=abc',
    '?error_item_limit=',
    '?error_item_limit=1.5',
    '?error_item_offset=2147483648',
    '?error_item_offset=-5',
  ]) {
    it(`answers 400 DNS.0002 for ${query}`, async () => {
      const a = await get(`/v2.1/batch-operation-tasks/${BIG.id}${query}`);
      assert.equal(a.status, 400, a.text);
      const body = a.json<{ code: string; message: string }>();
      assert.equal(body.code, 'DNS.0002');
      assert.match(body.message, /error_item_(limit|offset)/);
      assert.match(String(a.headers['x-request-id']), REQUEST_ID_RE);
    });
  }

  it('answers 404 DNS.0004 for an unknown id and decodes the id segment', async () => {
    const a = await get('/v2.1/batch-operation-tasks/ff8080829a0b1c2d019a0b1c2d3e9999');
    assert.equal(a.status, 404);
    assert.equal(a.json()['code'], 'DNS.0004');
    gw.addTask(aTask({ id: 'task_with-odd.id' }));
    assert.equal((await get('/v2.1/batch-operation-tasks/task%5Fwith%2Dodd.id')).json()['id'], 'task_with-odd.id');
    const bad = await get('/v2.1/batch-operation-tasks/%zz');
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.json()['code'], 'DNS.0002');
  });

  it('answers the vendor page shape for wrapped tasks, with updated_at and total_count defaults', async () => {
    gw.addTask(aTask({ id: 'a1', shape: 'wrapped', createdAt: '2025-06-17T13:09:15.214', successCount: 3, errorItems: errorItems(2) }));
    const body = (await get('/v2.1/batch-operation-tasks/a1')).json<{ tasks: TaskBody[] }>();
    assert.equal(body.tasks.length, 1);
    const t = body.tasks[0]!;
    assert.equal(t.updated_at, '2025-06-17T13:09:15.214');
    assert.equal(t.total_count, 5);
    assert.equal(t.error_items.length, 2);
  });

  it('adds updated_at and total_count to the flat shape only when the task has them', async () => {
    gw.addTask(aTask({ id: 'a2', updatedAt: '2025-06-17 13:11:26', totalCount: 99 }));
    const body = (await get('/v2.1/batch-operation-tasks/a2')).json<TaskBody>();
    assert.equal(body.updated_at, '2025-06-17 13:11:26');
    assert.equal(body.total_count, 99);
  });

  it('turns a task DONE after the given number of polls, counts growing meanwhile', async () => {
    gw.addTask(aTask({ id: 'p1', successCount: 90, errorItems: errorItems(30), pending: { polls: 2 } }));
    const seen: TaskBody[] = [];
    for (let i = 0; i < 4; i++) seen.push((await get('/v2.1/batch-operation-tasks/p1')).json<TaskBody>());
    assert.deepEqual(seen.map((t) => t.status), ['PENDING', 'PENDING', 'DONE', 'DONE']);
    assert.deepEqual(seen.map((t) => t.success_count), [30, 60, 90, 90]);
    assert.deepEqual(seen.map((t) => t.error_count), [10, 20, 30, 30]);
    assert.deepEqual(seen.map((t) => t.error_items.length), [10, 20, 30, 30], 'only failures so far are listed');
    assert.equal(gw.pollCount('p1'), 4);
  });

  it('turns a task DONE after the given time on the gateway clock; getTask does not count as a poll', async () => {
    gw.addTask(aTask({ id: 'p2', status: 'DONE', successCount: 100, errorCount: 0, pending: { ms: 40_000 } }));
    assert.equal(gw.getTask('p2')!.status, 'PENDING');
    clock.advance(10_000);
    const early = (await get('/v2.1/batch-operation-tasks/p2')).json<TaskBody>();
    assert.deepEqual([early.status, early.success_count], ['PENDING', 25]);
    clock.advance(30_000);
    const done = (await get('/v2.1/batch-operation-tasks/p2')).json<TaskBody>();
    assert.deepEqual([done.status, done.success_count], ['DONE', 100]);
    assert.equal(gw.getTask('p2')!.status, 'DONE');
    assert.equal(gw.pollCount('p2'), 2);
  });

  it('finishTask ends a pending phase; removeTask makes it 404; addTask with the same id replaces it', async () => {
    gw.addTask(aTask({ id: 'p3', pending: { polls: 100 } }));
    gw.finishTask('p3');
    assert.equal((await get('/v2.1/batch-operation-tasks/p3')).json()['status'], 'DONE');
    gw.addTask(aTask({ id: 'p3', type: 'delete' }));
    assert.equal((await get('/v2.1/batch-operation-tasks/p3')).json()['type'], 'delete');
    gw.removeTask('p3');
    assert.equal((await get('/v2.1/batch-operation-tasks/p3')).status, 404);
    assert.equal(gw.getTask('p3'), undefined);
  });
});

describe('fake gateway: list tasks, projects, unknown APIs', () => {
  const clock = fakeClock();
  let gw: FakeGateway;
  const tasks = [
    aTask({ id: 'old', createdAt: '2025-06-01 08:00:00' }),
    aTask({ id: 'newest', createdAt: '2025-06-17T13:09:15.214', status: 'DONE', errorItems: errorItems(2) }),
    aTask({ id: 'middle', createdAt: '2025-06-10 00:00:00', type: 'transfer' }),
    aTask({ id: 'running', createdAt: '2025-06-12 00:00:00', pending: { polls: 1 } }),
  ];
  beforeEach(async () => {
    gw = await startFakeGateway({ tasks, now: clock.now });
  });
  afterEach(() => gw.close());

  const get = (path: string): ReturnType<typeof signedSend> => signedSend(gw.url, path, { date: clock.date() });
  type ListBody = { tasks: { id: string; status: string; created_at: string }[]; metadata: { total_count: number } };

  it('lists summaries newest first across both date formats, with metadata.total_count', async () => {
    const body = (await get('/v2.1/batch-operation-tasks')).json<ListBody>();
    assert.deepEqual(body.tasks.map((t) => t.id), ['newest', 'running', 'middle', 'old']);
    assert.equal(body.metadata.total_count, 4);
    assert.deepEqual(Object.keys(body.tasks[0]!), ['id', 'type', 'status', 'created_at', 'success_count', 'error_count']);
    assert.equal(body.tasks[1]!.status, 'PENDING', 'listing shows the current state and is not a poll');
    assert.equal(gw.pollCount('running'), 0);
  });

  it('pages the list with limit and offset and validates them', async () => {
    const p = (await get('/v2.1/batch-operation-tasks?limit=2&offset=1')).json<ListBody>();
    assert.deepEqual(p.tasks.map((t) => t.id), ['running', 'middle']);
    assert.equal(p.metadata.total_count, 4);
    assert.deepEqual((await get('/v2.1/batch-operation-tasks?offset=4')).json<ListBody>().tasks, []);
    for (const q of ['limit=501', 'offset=-1', 'limit=x']) {
      const a = await get(`/v2.1/batch-operation-tasks?${q}`);
      assert.equal(a.status, 400, q);
      assert.equal(a.json()['code'], 'DNS.0002');
    }
  });

  it('answers the IAM project lookup with a stable id per region, and none for a non-region name', async () => {
    type Projects = { projects: { id: string; name: string }[] };
    const cn = (await get('/v3/projects?name=cn-north-4')).json<Projects>();
    assert.deepEqual(cn.projects.map((p) => [p.id, p.name]), [[projectIdFor('cn-north-4'), 'cn-north-4']]);
    assert.match(cn.projects[0]!.id, /^[0-9a-f]{32}$/);
    assert.notEqual(projectIdFor('cn-north-4'), projectIdFor('ap-southeast-3'));
    assert.deepEqual((await get('/v3/projects?name=nowhere')).json<Projects>().projects, []);
  });

  it('answers 404 APIGW.0101 for unpublished paths, before authentication', async () => {
    for (const path of ['/v2/zone', '/v2.1/zones/x/recordset', '/v2.1/batch-Operation-tasks/x', '/v2.1/batch-operation-tasks/x/', '/']) {
      const a = await send(gw.url, { path });
      assert.equal(a.status, 404, path);
      const body = a.json<{ error_code: string; error_msg: string; request_id: string }>();
      assert.equal(body.error_code, 'APIGW.0101');
      assert.equal(body.error_msg, 'The API does not exist or has not been published in the environment');
      assert.equal(body.request_id, a.headers['x-request-id']);
    }
  });

  it('answers 405 with a gateway body for other methods on published paths', async () => {
    const path = '/v2.1/batch-operation-tasks';
    const a = await send(gw.url, { method: 'POST', path, headers: signedHeaders(gw.url, path, { method: 'POST', body: '{}', date: clock.date() }), body: '{}' });
    assert.equal(a.status, 405);
    assert.equal(a.headers['allow'], 'GET');
    assert.equal(a.json()['error_code'], 'APIGW.0101');
    assert.match(String(a.json()['error_msg']), /POST/);
  });

  it('records method, raw path, decoded query, status and verification of each request', async () => {
    await get('/v2.1/batch-operation-tasks?limit=2&offset=%31');
    await send(gw.url, { path: '/v2.1/batch-operation-tasks?limit=1' });
    const [a, b] = gw.requests;
    assert.deepEqual(
      [a!.method, a!.path, a!.rawQuery, a!.query, a!.status, a!.verified, a!.scripted],
      ['GET', '/v2.1/batch-operation-tasks', 'limit=2&offset=%31', { limit: '2', offset: '1' }, 200, true, false],
    );
    assert.deepEqual([b!.status, b!.verified, b!.accessKey], [401, false, undefined]);
    assert.notEqual(a!.requestId, b!.requestId);
  });
});

describe('fake gateway: X-Request-Id', () => {
  it('puts a fresh 32-hex X-Request-Id on every kind of answer, matching request_id in gateway bodies', async () => {
    const clock = fakeClock();
    const gw = await startFakeGateway({ tasks: [aTask({ id: 't1' })], now: clock.now, rateLimit: { requestsPerSecond: 6 }, recordLimit: 3 });
    try {
      const signed = (path: string): ReturnType<typeof signedSend> => signedSend(gw.url, path, { date: clock.date() });
      const answers = [
        await signed('/v2.1/batch-operation-tasks/t1'),
        await signed('/v2.1/batch-operation-tasks'),
        await signed('/v3/projects?name=ap-southeast-3'),
        await signed('/v2.1/batch-operation-tasks/t1?error_item_limit=900'),
        await signed('/v2.1/batch-operation-tasks/none'),
        await send(gw.url, { path: '/v2.1/batch-operation-tasks/t1' }),
        await send(gw.url, { path: '/nowhere' }),
        await send(gw.url, { method: 'DELETE', path: '/v2.1/batch-operation-tasks/t1' }),
        await send(gw.url, { path: '/v2.1/batch-operation-tasks/t1', body: 'x'.repeat(1024 * 1024 + 1) }),
        await signed('/v2.1/batch-operation-tasks/t1'),
      ];
      assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 400, 404, 401, 404, 405, 413, 429]);
      const ids = answers.map((a) => String(a.headers['x-request-id']));
      for (const id of ids) assert.match(id, REQUEST_ID_RE);
      assert.equal(new Set(ids).size, ids.length);
      for (const a of answers.slice(5)) assert.equal(a.json()['request_id'], a.headers['x-request-id']);
      assert.deepEqual(gw.requests.map((r) => r.requestId), ids.slice(-3), 'only the most recent recordLimit requests are kept');
    } finally {
      await gw.close();
    }
  });
});

describe('fake gateway: throttling and latency', () => {
  it('answers 429 APIGW.0308 with Retry-After beyond the rate, and recovers the next second', async () => {
    const clock = fakeClock();
    const gw = await startFakeGateway({ tasks: [aTask({ id: 't1' })], now: clock.now, rateLimit: { requestsPerSecond: 2 } });
    try {
      const get = (): ReturnType<typeof signedSend> => signedSend(gw.url, '/v2.1/batch-operation-tasks/t1', { date: clock.date() });
      assert.equal((await get()).status, 200);
      clock.advance(400);
      assert.equal((await get()).status, 200);
      const limited = await get();
      assert.equal(limited.status, 429);
      assert.equal(limited.headers['retry-after'], '1');
      assert.equal(limited.json()['error_code'], 'APIGW.0308');
      assert.match(String(limited.json()['error_msg']), /throttling threshold has been reached/);
      assert.match(String(limited.headers['x-request-id']), REQUEST_ID_RE);
      clock.advance(601);
      assert.equal((await get()).status, 200, 'the first request left the window');
    } finally {
      await gw.close();
    }
  });

  it('still answers correctly with latency added', async () => {
    const gw = await startFakeGateway({ tasks: [aTask({ id: 't1' })], latencyMs: 20 });
    try {
      const a = await signedSend(gw.url, '/v2.1/batch-operation-tasks/t1');
      assert.equal(a.status, 200);
    } finally {
      await gw.close();
    }
  });
});
