// The fake gateway's batch-create: the SDK model checks (400), the service rules (failed items of the new task),
// the method, IAM denial and the request log.
import * as assert from 'node:assert/strict';
import { formatSdkDate, signRequest } from '../../../src/core/signing';
import { BATCH_CREATE_ROUTE, CREATE_MESSAGES, SANDBOX_CREDENTIALS, startFakeGateway, type FakeGateway, type FakeGatewayOptions } from '../../support/fakeGateway';
import { send, type Answer } from './http';

async function post(gw: FakeGateway, body: string): Promise<Answer> {
  const url = gw.url + BATCH_CREATE_ROUTE;
  const signed = signRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body }, SANDBOX_CREDENTIALS, formatSdkDate(new Date()));
  return send(gw.url, { method: 'POST', path: BATCH_CREATE_ROUTE, headers: { ...signed.headers, Host: new URL(url).host, Authorization: signed.authorization }, body });
}

const set = (over: Record<string, unknown> = {}) => ({ zone_name: 'example.com.', name: 'www.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1'], ...over });

describe('fake gateway: batch-create-recordset', () => {
  let gw: FakeGateway;
  const start = async (options: FakeGatewayOptions = {}) => {
    gw = await startFakeGateway({ zones: [{ name: 'example.com.', recordsets: [{ id: 'x1', name: 'alias.example.com.', type: 'CNAME', ttl: 300, records: ['www.example.com.'], status: 'ACTIVE' }] }], ...options });
  };
  afterEach(async () => gw?.close());

  /** The task the answer names, after it finished. */
  const taskOf = (a: Answer) => {
    const id = a.json<{ task_id: string }>().task_id;
    gw.finishTask(id);
    return gw.getTask(id)!;
  };

  it('answers { task_id } with 202 and records the write with its body', async () => {
    await start();
    const body = JSON.stringify({ recordsets: [set()] });
    const a = await post(gw, body);
    assert.equal(a.status, 202);
    assert.match(a.json<{ task_id: string }>().task_id, /^[0-9a-f]{32}$/);
    assert.deepEqual(gw.writes().map((w) => [w.method, w.body, w.bodyBytes, w.verified]), [['POST', body, Buffer.byteLength(body), true]]);
    const t = taskOf(a);
    assert.deepEqual([t.type, t.successCount, t.errorCount], ['create', 1, 0]);
    assert.deepEqual(gw.recordSets('example.com.').filter((s) => !s.default).map((s) => `${s.name} ${s.type}`), ['alias.example.com. CNAME', 'www.example.com. A']);
  });

  it('refuses bodies the SDK models reject with 400 and creates nothing', async () => {
    await start();
    const cases: [string, RegExp][] = [
      ['not json', /not valid JSON/],
      ['[]', /JSON object/],
      ['{}', /recordsets/],
      [JSON.stringify({ recordsets: [] }), /must not be empty/],
      [JSON.stringify({ recordsets: [set({ zone_name: 'example.com' })] }), /zone_name.*dot/],
      [JSON.stringify({ recordsets: [set({ name: undefined })] }), /recordsets\[0\]\.name/],
      [JSON.stringify({ recordsets: [set({ type: 5 })] }), /type/],
      [JSON.stringify({ recordsets: [set({ records: [] })] }), /records/],
      [JSON.stringify({ recordsets: [set({ records: [1] })] }), /records/],
      [JSON.stringify({ recordsets: [set({ ttl: 0 })] }), /ttl/],
      [JSON.stringify({ recordsets: [set({ ttl: '300' })] }), /ttl/],
    ];
    for (const [body, message] of cases) {
      const a = await post(gw, body);
      assert.equal(a.status, 400, body);
      assert.match(a.json<{ message: string }>().message, message, body);
    }
    const tooMany = await post(gw, JSON.stringify({ recordsets: Array.from({ length: 10_001 }, (_, i) => set({ name: `h${i}.example.com.` })) }));
    assert.equal(tooMany.json<{ code: string }>().code, 'DNS.0326');
    assert.equal(gw.recordSets('example.com.').filter((s) => !s.default).length, 1);
  });

  it('fails items by the service rules: type, TXT quotes, CNAME conflicts, duplicates, unknown zone, outside the zone', async () => {
    await start();
    const a = await post(gw, JSON.stringify({
      recordsets: [
        set({ type: 'SPF', records: ['"v=spf1"'] }),
        set({ name: 'txt.example.com.', type: 'TXT', records: ['v=spf1 -all'] }),
        set({ name: 'alias.example.com.', type: 'A' }),
        set(),
        set({ name: 'www.example.com.', type: 'CNAME', records: ['x.example.com.'] }),
        set(),
        set({ zone_name: 'example.org.', name: 'a.example.org.' }),
        set({ name: 'www.other.net.' }),
        set({ name: 'rel', type: 'A' }),
      ],
    }));
    const t = taskOf(a);
    assert.deepEqual(t.errorItems.map((i) => [i.item, i.errorMessage]), [
      ['www.example.com.', CREATE_MESSAGES.unsupportedType],
      ['txt.example.com.', CREATE_MESSAGES.txtQuote],
      ['alias.example.com.', CREATE_MESSAGES.cnameConflict('alias.example.com.', 'CNAME')],
      ['www.example.com.', CREATE_MESSAGES.cnameConflict('www.example.com.', 'A')],
      ['www.example.com.', CREATE_MESSAGES.duplicate({ name: 'www.example.com.', type: 'A', records: ['192.0.2.1'] })],
      ['a.example.org.', CREATE_MESSAGES.zoneMissing('example.org.')],
      ['www.other.net.', CREATE_MESSAGES.nameOutside('www.other.net.', 'example.com.')],
    ]);
    // The fourth set (A at www) was created; a name without a trailing dot is a prefix of the zone.
    assert.deepEqual([t.successCount, t.errorCount], [2, 7]);
    assert.ok(gw.recordSets('example.com.').some((s) => s.name === 'rel.example.com.'));
  });

  it('quota: sets beyond the account quota fail with "Insufficient record set quota"', async () => {
    await start({ recordSetQuota: 3 });
    const t = taskOf(await post(gw, JSON.stringify({ recordsets: [set({ name: 'a.example.com.' }), set({ name: 'b.example.com.' }), set({ name: 'c.example.com.' })] })));
    assert.deepEqual([t.successCount, t.errorCount], [2, 1]);
    assert.deepEqual(t.errorItems, [{ item: 'c.example.com.', errorMessage: CREATE_MESSAGES.quota }]);
  });

  it('GET on the write path is 405 (Allow: POST); a denied IAM action is 403 naming it', async () => {
    await start({ denyActions: ['dns:recordset:batchCreatePublicZoneRecordsets'] });
    const get = await send(gw.url, { path: BATCH_CREATE_ROUTE });
    assert.equal(get.status, 405);
    assert.equal(get.headers['allow'], 'POST');
    const denied = await post(gw, JSON.stringify({ recordsets: [set()] }));
    assert.equal(denied.status, 403);
    assert.match(denied.json<{ message: string }>().message, /Policy doesn't allow dns:recordset:batchCreatePublicZoneRecordsets/);
    assert.equal(gw.recordSets('example.com.').filter((s) => !s.default).length, 1);
  });

  it('dropAnswer: the task is created, the connection is reset instead of the answer', async () => {
    await start();
    gw.enqueue(/batch-create/, { kind: 'dropAnswer' });
    await assert.rejects(post(gw, JSON.stringify({ recordsets: [set()] })));
    assert.equal(gw.recordSets('example.com.').filter((s) => !s.default).length, 2);
    assert.equal(gw.writes()[0]!.status, 202);
  });

  it('reset() restores the configured zones', async () => {
    await start();
    await post(gw, JSON.stringify({ recordsets: [set()] }));
    gw.reset();
    assert.equal(gw.recordSets('example.com.').filter((s) => !s.default).length, 1);
    assert.equal(gw.writes().length, 0);
  });
});
