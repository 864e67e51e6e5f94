// In an untrusted workspace (run by `node scripts/run-vscode-tests.js --untrusted`: workspace trust on, the
// fixture folder never trusted, so VS Code runs it in restricted mode): Retry Failed Items refuses to send,
// before any preview or prompt, and the gateway's log shows no write; what only reads still works (the dry
// run's plan, Compare with Live Zone).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/constants';
import type { CompareResult } from '../../../src/compare';
import type { RetryResult } from '../../../src/retry';
import { getApi, type ExtensionApi } from '../../support/extensionApi';
import { SANDBOX_COMPARE_SUMMARY, SANDBOX_CREDENTIALS, SANDBOX_TASK_IDS, sandboxTasks, sandboxZones, startFakeGateway, type FakeGateway } from '../../support/fakeGateway';

const PROFILE = 'untrusted-suite';
const TASK = SANDBOX_TASK_IDS.retryDemo;
const retry = (arg: unknown): Promise<RetryResult | undefined> => Promise.resolve(vscode.commands.executeCommand<RetryResult | undefined>(Commands.retryFailedItems, arg));

describe('Retry failed items in an untrusted workspace (integration)', function () {
  this.timeout(120_000);
  let gw: FakeGateway;
  let api: ExtensionApi;

  before(async () => {
    gw = await startFakeGateway({ tasks: sandboxTasks(), zones: sandboxZones() });
    api = await getApi();
    await vscode.commands.executeCommand(Commands.signIn, { name: PROFILE, endpoint: gw.url, ...SANDBOX_CREDENTIALS });
  });
  afterEach(() => {
    for (const key of Object.keys(api.retry.hooks)) delete (api.retry.hooks as Record<string, unknown>)[key];
  });
  after(async () => {
    await Promise.resolve(vscode.commands.executeCommand(Commands.signOut, PROFILE)).catch(() => undefined);
    await gw.close();
  });

  it('runs in an untrusted workspace (restricted mode)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'the fixture folder is open');
  });

  it('refuses to send at once: no preview, no confirmation, no write in the gateway log', async () => {
    let asked = 0;
    api.retry.hooks.previewAction = () => (asked++, 'send');
    api.retry.hooks.confirm = () => (asked++, true);
    api.retry.hooks.typedCount = (count) => (asked++, String(count));
    const before = gw.requests.length;
    await assert.rejects(retry({ taskId: TASK }), /untrusted workspace/);
    assert.equal(asked, 0, 'refused before any preview or prompt');
    assert.deepEqual(gw.writes(), [], 'nothing is sent');
    assert.equal(gw.requests.length, before, 'not even the task is read: the refusal comes first');
  });

  it('still plans a dry run (reads only) and still compares with the live zone, sending nothing', async () => {
    const plan = await retry({ taskId: TASK, dryRun: true });
    assert.deepEqual(plan?.recordsets.map((s) => `${s.name} ${s.type}`), ['www.shop.example. A', 'mail.shop.example. MX']);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const result = await vscode.commands.executeCommand<CompareResult>(Commands.compareWithLiveZone, { uri: vscode.Uri.joinPath(folder, 'zones', 'example.com.zone'), show: false });
    assert.equal(result?.summary, SANDBOX_COMPARE_SUMMARY);
    assert.deepEqual(gw.writes(), []);
    assert.deepEqual([...new Set(gw.requests.map((r) => r.method))], ['GET']);
  });
});
