// Retry Failed Items inside a real VS Code, on the sandbox's retry scenario (task retryDemo, zone file
// test/fixtures/workspace/zones/shop.example.zone, zone shop.example. on the fake gateway): the dry run's plan,
// read-only refusal, Cancel / not confirmed / Save sending nothing (the gateway's write log), the end-to-end
// send tracked as "retry of …" until DONE, and a lost answer resolved from the task list, never resent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuthSession } from '../../src/auth/session';
import { Commands } from '../../src/constants';
import type { RetryFinished, RetryResult } from '../../src/retry';
import { aTask, errorItems } from '../support/builders';
import { gatewayForSuite, waitFor, type ExtensionApi } from '../support/extensionApi';
import { SANDBOX_CREDENTIALS, SANDBOX_TASK_IDS, sandboxTasks, sandboxZones, type FakeGateway } from '../support/fakeGateway';

const PROFILE = 'retry-suite';
const TASK = SANDBOX_TASK_IDS.retryDemo;

const retry = (arg: unknown): Promise<RetryResult | undefined> => Promise.resolve(vscode.commands.executeCommand<RetryResult | undefined>(Commands.retryFailedItems, arg));

describe('Retry failed items (integration)', function () {
  this.timeout(120_000);
  // Signed in per test (beforeEach): some tests sign in read-only.
  const suite = gatewayForSuite({ gatewayOptions: { tasks: sandboxTasks(), zones: sandboxZones(), createdTaskPending: { polls: 1 } } });
  let gw: FakeGateway;
  let api: ExtensionApi;

  const signIn = (extra: Record<string, unknown> = {}) =>
    vscode.commands.executeCommand(Commands.signIn, { name: PROFILE, endpoint: gw.url, ...SANDBOX_CREDENTIALS, ...extra });

  before(() => {
    gw = suite.gateway;
    api = suite.api;
  });
  beforeEach(async () => {
    gw.reset();
    await signIn();
  });
  afterEach(async () => {
    for (const key of Object.keys(api.retry.hooks)) delete (api.retry.hooks as Record<string, unknown>)[key];
    await Promise.resolve(vscode.commands.executeCommand(Commands.signOut, PROFILE)).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a dry run resolves with the plan over the workspace zone files and the live zone, and sends nothing', async () => {
    const plan = await retry({ taskId: TASK, dryRun: true });
    assert.ok(plan);
    assert.deepEqual(plan.recordsets, [
      { zone_name: 'shop.example.', name: 'www.shop.example.', type: 'A', ttl: 300, records: ['198.51.100.10'] },
      { zone_name: 'shop.example.', name: 'mail.shop.example.', type: 'MX', ttl: 3600, records: ['10 mx1.shop.example.'] },
    ]);
    assert.deepEqual(plan.skipped.map((s) => [s.item, s.reason]), [
      ['spf.shop.example.', 'lint-error'],
      ['promo.shop.example.', 'lint-error'],
      ['shop.shop.example.', 'already-exists'],
      ['api.shop.example.', 'live-identical'],
      ['old.shop.example.', 'not-found'],
    ]);
    assert.equal(path.basename(plan.skipped[0]!.file ?? ''), 'shop.example.zone');
    assert.equal(plan.skipped[0]!.line, 13);
    assert.deepEqual(gw.writes(), [], 'a dry run sends nothing');
  });

  it('a read-only profile refuses at once (no preview, no write); its dry run still works; the toggle allows writes again', async () => {
    await signIn({ readOnly: true });
    // The status bar says so before any write is tried: a lock, and "read-only" in the tooltip.
    const bar = (api.services.session as AuthSession).statusBar.item;
    assert.match(bar.text, new RegExp(`^\\$\\(lock\\) .+ · ${PROFILE}$`));
    assert.match(bar.tooltip as string, /Read-only: writes to DNS are refused/);
    let previewed = false;
    api.retry.hooks.previewAction = () => ((previewed = true), 'cancel');
    await assert.rejects(retry({ taskId: TASK }), /read-only/);
    assert.equal(previewed, false, 'refused before any preview');
    assert.ok((await retry({ taskId: TASK, dryRun: true }))?.recordsets.length);
    assert.equal(await vscode.commands.executeCommand(Commands.toggleReadOnly, false), false);
    assert.match(bar.text, /^\$\(cloud\) /, 'the lock goes with the flag');
    assert.doesNotMatch(bar.tooltip as string, /Read-only/);
    await retry({ taskId: TASK });
    assert.equal(previewed, true, 'no longer read-only: the preview opens');
    assert.deepEqual(gw.writes(), []);
  });

  it('passes huaweiDns.lint.minTtl to the plan: a set below the account\'s lowest TTL is kept back as lint-error', async () => {
    const config = vscode.workspace.getConfiguration('huaweiDns');
    try {
      await config.update('lint.minTtl', 600, vscode.ConfigurationTarget.Global);
      await waitFor(() => api.services.settings.get().lintMinTtl === 600, { message: 'the setting to be read' });
      const plan = await retry({ taskId: TASK, dryRun: true });
      // www A has TTL 300 (shop.example.zone line 7): below 600, so ttl-range keeps it back; mail MX (3600) is sent.
      assert.deepEqual(plan?.recordsets.map((s) => `${s.name} ${s.type}`), ['mail.shop.example. MX']);
      const www = plan?.skipped.find((s) => s.item === 'www.shop.example.');
      assert.equal(www?.reason, 'lint-error');
      assert.equal(www?.line, 7);
      assert.match(www?.detail ?? '', /600/);
    } finally {
      await config.update('lint.minTtl', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => api.services.settings.get().lintMinTtl === 1, { message: 'the setting to be back' });
    assert.equal((await retry({ taskId: TASK, dryRun: true }))?.recordsets.length, 2, 'the default lets it through again');
    assert.deepEqual(gw.writes(), []);
  });

  it('Cancel in the preview, No in the confirmation and Save Request… send nothing; Save writes the exact body', async () => {
    const target = vscode.Uri.file(path.join(os.tmpdir(), `retry-${process.pid}-${Date.now()}.json`));
    const actions = ['save', 'cancel'] as const;
    let asked = 0;
    api.retry.hooks.saveTarget = target;
    api.retry.hooks.previewAction = () => actions[asked++]!;
    await retry({ taskId: TASK });
    const saved = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as { recordsets: unknown[] };
    fs.rmSync(target.fsPath, { force: true });
    assert.equal(saved.recordsets.length, 2);
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'huawei-dns-retry');
    assert.ok(preview, 'the request body is shown as a document');
    assert.deepEqual(JSON.parse(preview.getText()), saved);

    let confirmText = '';
    api.retry.hooks.previewAction = () => 'send';
    api.retry.hooks.confirm = (message) => ((confirmText = message), false);
    await retry({ taskId: TASK });
    assert.match(confirmText, new RegExp(`^Create 2 record sets in 1 zone on .+ · ${PROFILE}\\?$`));
    assert.deepEqual(gw.writes(), [], 'nothing is sent without the answer');
  });

  it('above 1,000 record sets the count is typed: a wrong count or Cancel sends nothing, the right count sends', async () => {
    const BULK = 1_001;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the fixture workspace is open');
    // A zone file of 1,001 hosts, only for this test (removed after), and a task whose 1,001 items all failed on quota.
    const file = vscode.Uri.joinPath(folder, 'zones', `bulk-retry-${process.pid}.zone`);
    const lines = ['$ORIGIN bulk.example.', '$TTL 3600', '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300', '  IN NS ns1.huaweicloud-dns.com.'];
    for (let n = 1; n <= BULK; n++) lines.push(`host${n} IN A 203.0.${n >> 8}.${n & 255}`);
    const task = aTask({ successCount: 0, errorItems: errorItems(BULK, { zone: 'bulk.example.', messages: ['Insufficient record set quota.'] }) });
    gw.addTask(task);
    gw.addZone({ name: 'bulk.example.' });
    await vscode.workspace.fs.writeFile(file, Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
    const sentIds: string[] = [];
    try {
      await waitFor(async () => (await retry({ taskId: task.id, dryRun: true }))?.recordsets.length === BULK, { timeoutMs: 30_000, message: 'the new zone file in the plan' });
      api.retry.hooks.previewAction = () => 'send';
      let confirmText = '';
      api.retry.hooks.confirm = (message) => ((confirmText = message), true);
      const asked: number[] = [];
      // A count one off, Escape (undefined), the count as the prompt does not ask for it, nothing typed.
      for (const answer of [String(BULK - 1), undefined, '1,001', '']) {
        api.retry.hooks.typedCount = (count) => (asked.push(count), answer);
        await retry({ taskId: task.id });
        assert.deepEqual(gw.writes(), [], `typing ${JSON.stringify(answer)} sends nothing`);
      }
      assert.match(confirmText, new RegExp(`^Create 1,001 record sets in 1 zone on .+ · ${PROFILE}\\?$`));
      assert.deepEqual(asked, [BULK, BULK, BULK, BULK], 'the count is asked after every Yes');
      // No in the confirmation: the count is not even asked.
      api.retry.hooks.confirm = () => false;
      api.retry.hooks.typedCount = () => assert.fail('no count is asked after No');
      await retry({ taskId: task.id });
      assert.deepEqual(gw.writes(), []);
      // The right count (blanks around it are forgiven) sends, once.
      api.retry.hooks.confirm = () => true;
      api.retry.hooks.typedCount = () => ` ${BULK} `;
      const result = await retry({ taskId: task.id });
      sentIds.push(...(result?.sent ?? []).map((s) => s.taskId));
      assert.equal(gw.writes().length, 1);
      assert.equal((JSON.parse(gw.writes()[0]!.body!) as { recordsets: unknown[] }).recordsets.length, BULK);
      assert.equal(sentIds.length, 1);
    } finally {
      await vscode.workspace.fs.delete(file);
      for (const id of [...sentIds, task.id]) if (api.tasks.model.isTracked(id)) api.tasks.model.untrackTask(id);
    }
  });

  it('sends the plan once confirmed, tracks the new task as a retry of its parent until DONE, and compares the two', async () => {
    api.retry.hooks.previewAction = () => 'send';
    api.retry.hooks.confirm = () => true;
    const finished = new Promise<RetryFinished>((resolve) => {
      const sub = api.retry.onDidFinish((f) => (sub.dispose(), resolve(f)));
    });
    const result = await retry({ taskId: TASK });
    assert.equal(result?.sent?.length, 1);
    const child = result.sent[0]!.taskId;
    const writes = gw.writes();
    assert.equal(writes.length, 1);
    assert.deepEqual(JSON.parse(writes[0]!.body!), { recordsets: result.recordsets });
    assert.equal(api.retry.relations.parentOf(child), TASK);
    assert.ok(api.tasks.model.isTracked(child), 'tracked at once');
    const done = await waitFor(async () => {
      const s = await api.tasks.model.refreshTask(child);
      return s.status === 'DONE' ? s : undefined;
    }, { timeoutMs: 30_000, message: 'the retry task to be DONE' });
    assert.deepEqual([done.type, done.successCount, done.errorCount], ['create', 2, 0]);
    const outcome = await finished;
    assert.equal(outcome.taskId, child);
    assert.deepEqual(outcome.outcome.fixed.sort(), ['mail.shop.example.', 'www.shop.example.']);
    assert.deepEqual([outcome.outcome.stillFailing, outcome.outcome.newlyFailing], [[], []]);
    const node = (await api.tasks.tree.getChildren()).find((n) => n.kind === 'task' && n.taskId === child);
    assert.ok(node);
    assert.match(String(api.tasks.tree.getTreeItem(node).description), /^retry of 2d3e000b · /);
    api.tasks.model.untrackTask(child);
  });

  it('after a lost answer it lists the create tasks since then and never sends again on its own', async () => {
    gw.enqueue(/batch-create-recordset/, { kind: 'dropAnswer' });
    api.retry.hooks.previewAction = () => 'send';
    api.retry.hooks.confirm = () => true;
    let offered: string[] = [];
    api.retry.hooks.afterUnknown = (candidates) => {
      offered = candidates.map((c) => c.task.id);
      return { track: offered[0]! };
    };
    const result = await retry({ taskId: TASK });
    assert.equal(gw.writes().length, 1, 'one write, never repeated');
    assert.equal(gw.writes()[0]!.status, 202, 'the service did create the task');
    const known = new Set<string>(Object.values(SANDBOX_TASK_IDS));
    const created = (await api.services.session.getClient()!.listAllTasks()).filter((t) => !known.has(t.id));
    assert.equal(created.length, 1);
    assert.equal(offered[0], created[0]!.id, 'the task created meanwhile is offered first (the newest create task)');
    assert.ok(!offered.includes(SANDBOX_TASK_IDS.vendorExample), 'a create task from long before the request is not offered');
    assert.deepEqual(result?.sent?.map((s) => s.taskId), [created[0]!.id]);
    assert.equal(api.retry.relations.parentOf(created[0]!.id), TASK);
    api.tasks.model.untrackTask(created[0]!.id);
  });
});
