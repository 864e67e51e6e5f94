import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainFailure, lintZone, type LintRule } from '../../../src/core';
import { indexZoneFile, type ZoneIndex } from '../../../src/core/zone/index';
import { guessOrigin } from '../../../src/zone/origin';
import { aTask, errorItems, VENDOR_ERROR_MESSAGES } from '../../support/builders';
import { EXAMPLE_COM_ITEMS, sandboxTasks, SANDBOX_NOT_IN_ZONE_FILES, SANDBOX_PENDING_MS, SANDBOX_TASK_IDS, startFakeGateway } from '../../support/fakeGateway';
import { fakeClock, signedSend } from './http';

/** The sample workspace's zone files, indexed the way the extension does (origin guessed from the head). */
async function sampleWorkspaceIndexes(): Promise<ZoneIndex[]> {
  const root = path.resolve(__dirname, '../../../../test/fixtures/workspace');
  const zones = path.join(root, 'zones');
  const files = fs.readdirSync(zones).filter((f) => /\.zone$|\.db$|^db\./.test(f)).map((f) => path.join(zones, f));
  return Promise.all(
    files.map((file) => indexZoneFile(file, { origin: guessOrigin(fs.readFileSync(file, 'utf8').slice(0, 16384), file), root })),
  );
}

const NOW = Date.UTC(2025, 5, 17, 13, 9, 15);
const TABLE_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const EXAMPLE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

describe('fake gateway: the sandbox scenario', () => {
  const tasks = sandboxTasks(NOW);
  const byId = (id: string) => tasks.find((t) => t.id === id)!;

  it('is deterministic for a given now, with fixed unique 32-hex ids matching SANDBOX_TASK_IDS', () => {
    assert.deepEqual(sandboxTasks(NOW), tasks);
    const ids = tasks.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
    assert.deepEqual([...ids].sort(), Object.values(SANDBOX_TASK_IDS).sort());
  });

  it('covers every documented type, an unknown one, both shapes and both date formats', () => {
    const documented = ['batch_create_zone', 'create', 'import_recordset', 'delete', 'batch_update_rs', 'transfer'];
    const types = new Set(tasks.map((t) => t.type));
    for (const t of documented) assert.ok(types.has(t), t);
    assert.ok(!documented.includes(byId(SANDBOX_TASK_IDS.unknownType).type));
    assert.ok(tasks.some((t) => t.shape === 'wrapped') && tasks.some((t) => (t.shape ?? 'flat') === 'flat'));
    assert.ok(tasks.some((t) => TABLE_DATE.test(t.createdAt)) && tasks.some((t) => EXAMPLE_DATE.test(t.createdAt)));
    for (const t of tasks) assert.ok(TABLE_DATE.test(t.createdAt) || EXAMPLE_DATE.test(t.createdAt), t.createdAt);
    for (const t of tasks) assert.equal(t.errorCount, t.errorItems.length, t.id);
  });

  it('has DONE tasks with and without failures and two tasks pending ~40 s and ~90 s', () => {
    assert.ok(tasks.some((t) => !t.pending && t.status === 'DONE' && t.errorCount === 0));
    assert.ok(tasks.some((t) => !t.pending && t.status === 'DONE' && t.errorCount > 0));
    assert.deepEqual(tasks.filter((t) => t.pending).map((t) => [t.id, t.pending!.ms]), [
      [SANDBOX_TASK_IDS.pendingShort, SANDBOX_PENDING_MS.short],
      [SANDBOX_TASK_IDS.pendingLong, SANDBOX_PENDING_MS.long],
    ]);
    assert.deepEqual([SANDBOX_PENDING_MS.short, SANDBOX_PENDING_MS.long], [40_000, 90_000]);
  });

  it('has an import with 12,345 hostN.nw. failures plus test250611.nw., 3-4 distinct messages', () => {
    const big = byId(SANDBOX_TASK_IDS.bigImport);
    assert.equal(big.type, 'import_recordset');
    const names = big.errorItems.map((i) => i.item);
    assert.equal(names.length, 12_346);
    assert.ok(names.includes('test250611.nw.'));
    for (const n of [1, 2, 500, 12_345]) assert.ok(names.includes(`host${n}.nw.`), `host${n}.nw.`);
    assert.ok(!names.includes('host12346.nw.') && !names.includes('host0.nw.'));
    const messages = new Set(big.errorItems.map((i) => i.errorMessage));
    assert.ok(messages.size >= 3 && messages.size <= 4, `${messages.size} messages`);
    assert.ok(messages.has("Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'."));
  });

  it('has the example.com. create task with the names the zone fixtures hold (and one they do not)', () => {
    const t = byId(SANDBOX_TASK_IDS.exampleCom);
    assert.equal(t.type, 'create');
    assert.deepEqual(t.errorItems.map((i) => i.item), [...EXAMPLE_COM_ITEMS]);
    assert.ok(EXAMPLE_COM_ITEMS.includes('missing.example.com.'));
  });

  it('has hostile strings in items and messages', () => {
    const t = byId(SANDBOX_TASK_IDS.hostile);
    const all = t.errorItems.flatMap((i) => [i.item, i.errorMessage]).join('\u0000');
    for (const s of ['<img src=x onerror="window.__xss=1">', '</script><script>window.__xss=1</script>', '{{constructor}}', '\u202E', '\n', '\t', '🦄', '=HYPERLINK(']) {
      assert.ok(all.includes(s), JSON.stringify(s));
    }
    assert.ok(t.errorItems.some((i) => i.errorMessage.length === 5000));
  });

  it('every failed item of every task names a record in the sample workspace, but the few that say why not', async () => {
    const indexes = await sampleWorkspaceIndexes();
    assert.ok(indexes.length >= 5, 'the sample zone files');
    const missing = new Set(SANDBOX_NOT_IN_ZONE_FILES.map((m) => m.item));
    const unexplained: string[] = [];
    const found: string[] = [];
    for (const task of tasks) {
      for (const { item } of task.errorItems) {
        const hit = indexes.some((index) => index.lookup(item).length > 0);
        if (hit) found.push(item);
        else if (!missing.has(item)) unexplained.push(`${task.id}: ${item}`);
      }
    }
    assert.deepEqual(unexplained.slice(0, 10), [], `${unexplained.length} failed items match no record`);
    for (const m of SANDBOX_NOT_IN_ZONE_FILES) assert.ok(!found.includes(m.item), `${m.item} is said to be missing but is found`);
    assert.ok(found.length > 12_000, 'the big import resolves too');
  });

  it('predicts every failure a pre-flight rule can: that rule\'s finding is on the failed record\'s line', async () => {
    const indexes = await sampleWorkspaceIndexes();
    const flagged = new Set<string>();
    for (const index of indexes) for (const f of lintZone(index).findings) flagged.add(`${f.file}\n${f.line}\n${f.rule}`);
    const missing = new Set(SANDBOX_NOT_IN_ZONE_FILES.map((m) => m.item));
    const unpredicted: string[] = [];
    const predicted = new Map<LintRule, number>();
    for (const task of tasks) {
      for (const { item, errorMessage } of task.errorItems) {
        const rule = explainFailure(errorMessage).lintRule;
        if (!rule || missing.has(item)) continue;
        const records = indexes.flatMap((index) => index.lookup(item));
        if (records.some((r) => flagged.has(`${r.file}\n${r.line}\n${rule}`))) predicted.set(rule, (predicted.get(rule) ?? 0) + 1);
        else unpredicted.push(`${task.id.slice(-4)} ${item}: ${rule} (${errorMessage.slice(0, 60)})`);
      }
    }
    assert.deepEqual(unpredicted.slice(0, 10), [], `${unpredicted.length} failures a rule predicts have no finding on their record`);
    // The kinds of cause a newcomer should see predicted, each at least once.
    for (const rule of ['unsupported-type', 'cname-conflict', 'ttl-range', 'txt-format', 'name-too-long', 'out-of-zone', 'rdata-format'] as const) {
      assert.ok((predicted.get(rule) ?? 0) > 0, `a sandbox failure predicted by ${rule}`);
    }
  });

  it('has the example.com. task fail where example.com.zone says it will (api TTL 0, _sip._tcp without a port)', () => {
    const failed = byId(SANDBOX_TASK_IDS.exampleCom).errorItems;
    const ruleOf = (item: string): LintRule | undefined => explainFailure(failed.find((i) => i.item === item)!.errorMessage).lintRule;
    assert.deepEqual(['api.example.com.', '_sip._tcp.example.com.'].map(ruleOf), ['ttl-range', 'rdata-format']);
    // The others are not the file's fault: they exist already (the live zone has them).
    assert.deepEqual(['www.example.com.', 'mail.example.com.', '*.example.com.'].map((i) => explainFailure(failed.find((x) => x.item === i)!.errorMessage).kind), ['already-exists', 'already-exists', 'already-exists']);
  });

  it('serves the pending tasks as PENDING, then DONE once their time is up on the gateway clock', async () => {
    const clock = fakeClock(NOW);
    const gw = await startFakeGateway({ tasks: sandboxTasks(NOW), now: clock.now });
    try {
      const status = async (id: string): Promise<unknown> =>
        (await signedSend(gw.url, `/v2.1/batch-operation-tasks/${id}`, { date: clock.date() })).json<{ status?: string; tasks?: { status: string }[] }>();
      const statusOf = (b: unknown): string => {
        const body = b as { status?: string; tasks?: { status: string }[] };
        return body.status ?? body.tasks![0]!.status;
      };
      assert.deepEqual([statusOf(await status(SANDBOX_TASK_IDS.pendingShort)), statusOf(await status(SANDBOX_TASK_IDS.pendingLong))], ['PENDING', 'PENDING']);
      clock.advance(40_000);
      assert.deepEqual([statusOf(await status(SANDBOX_TASK_IDS.pendingShort)), statusOf(await status(SANDBOX_TASK_IDS.pendingLong))], ['DONE', 'PENDING']);
      clock.advance(50_000);
      assert.equal(statusOf(await status(SANDBOX_TASK_IDS.pendingLong)), 'DONE');
      const list = (await signedSend(gw.url, '/v2.1/batch-operation-tasks', { date: clock.date() })).json<{ metadata: { total_count: number } }>();
      assert.equal(list.metadata.total_count, sandboxTasks(NOW).length);
    } finally {
      await gw.close();
    }
  });
});

describe('test builders', () => {
  it('aTask: a DONE create task with a fresh 32-hex id, overridable, errorCount following errorItems', () => {
    const a = aTask();
    const b = aTask();
    assert.match(a.id, /^[0-9a-f]{32}$/);
    assert.notEqual(a.id, b.id);
    assert.deepEqual([a.type, a.status, a.errorCount, a.errorItems], ['create', 'DONE', 0, []]);
    const c = aTask({ errorItems: errorItems(3), status: 'PENDING' });
    assert.deepEqual([c.errorCount, c.status], [3, 'PENDING']);
    assert.equal(aTask({ errorItems: errorItems(3), errorCount: 7 }).errorCount, 7);
  });

  it('errorItems: deterministic names and cycled messages', () => {
    assert.deepEqual(errorItems(3), errorItems(3));
    assert.deepEqual(errorItems(2).map((i) => i.item), ['host1.nw.', 'host2.nw.']);
    assert.deepEqual(errorItems(5).map((i) => i.errorMessage), [...VENDOR_ERROR_MESSAGES, VENDOR_ERROR_MESSAGES[0]]);
    assert.deepEqual(errorItems(2, { prefix: 'www', zone: 'example.com', messages: ['m'] }), [
      { item: 'www1.example.com.', errorMessage: 'm' },
      { item: 'www2.example.com.', errorMessage: 'm' },
    ]);
    assert.deepEqual(errorItems(0), []);
  });
});
