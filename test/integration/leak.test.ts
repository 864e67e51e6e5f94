// Runs last (.vscode-test.mjs names it after every other suite): after a full session with a recognisable secret key and security token, search everything
// the extension wrote and fail if either appears. A planted marker proves each place is really searched.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuthSession } from '../../src/auth/session';
import { Commands, SETTINGS_SECTION } from '../../src/constants';
import { showError } from '../../src/platform/notify';
import { aTask, errorItems } from '../support/builders';
import { gatewayForSuite, getApi } from '../support/extensionApi';
import type { FakeGateway } from '../support/fakeGateway';

const tag = randomBytes(4).toString('hex');
const LEAKY = {
  accessKey: 'HPUALEAKSUITE0000009',
  secretKey: `LEAKCANARY-secret-${tag}-7f3a9c1e5b`,
  securityToken: `LEAKCANARY-token-${tag}-2d8e6f4a0c`,
};
const NEEDLES = [LEAKY.secretKey, LEAKY.securityToken];
const MARKER = `LEAKTEST-MARKER-${tag}`;
const PROFILE = 'leak-suite';

/** Every readable file under a folder (missing folders are empty); [path, text]. */
async function readTree(root: string | undefined): Promise<[string, string][]> {
  if (!root) return [];
  const out: [string, string][] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push([p, await fs.readFile(p, 'latin1').catch(() => '')]);
    }
  };
  await walk(root);
  return out;
}

function stateDump(memento: vscode.Memento): [string, string][] {
  return memento.keys().map((k) => [`state:${k}`, JSON.stringify(memento.get(k))]);
}

function hits(sources: [string, string][], needle: string): string[] {
  return sources.filter(([, text]) => text.includes(needle) || text.includes(encodeURIComponent(needle))).map(([where]) => where);
}

describe('Leak check (integration, runs last)', function () {
  this.timeout(120_000);
  const task = aTask({ type: 'import_recordset', errorItems: errorItems(40, { zone: 'example.com.' }) });
  // Registered before the builder's after (mocha runs them in order): the task is untracked while the
  // profile is still signed in.
  after(async () => {
    await vscode.commands.executeCommand(Commands.untrackTask, task.id).then(undefined, () => undefined);
    const api = await getApi();
    await api.services.context.globalState.update('huaweiDns.leakTest.marker', undefined);
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('projectId', undefined, vscode.ConfigurationTarget.Global);
  });

  // The sign-in with the recognisable keys is part of the session under test, so the test signs in itself;
  // the builder signs the profile out and closes the gateway after the suite.
  const suite = gatewayForSuite({ gatewayOptions: { credentials: [LEAKY], tasks: [task] }, signsIn: [PROFILE] });
  let gw: FakeGateway;
  let session: AuthSession;

  before(async () => {
    gw = suite.gateway;
    session = suite.api.services.session as AuthSession;
    await session.ready;
  });

  it('finds neither the secret key nor the security token anywhere the extension wrote', async () => {
    const api = await getApi();
    const { context, log } = api.services;

    // A full session: sign in (with a token), track and open the task, errors, logs.
    await vscode.commands.executeCommand(Commands.signIn, { name: PROFILE, endpoint: gw.url, ...LEAKY });
    await vscode.commands.executeCommand(Commands.showBatchTask, task.id);
    const probe = api.panels.panels.get(task.id);
    if (probe) await probe.waitForRendered(() => true, 30_000);

    const client = session.getClient()!;
    gw.enqueue(/batch-operation-tasks/, {
      status: 401,
      body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail', request_id: 'leak-401' },
    });
    await client.getTask(task.id).then(
      () => assert.fail('expected a 401'),
      (err: unknown) => {
        log.error('leak test: 401', err);
        void showError(log, err, { taskId: task.id, site: session.siteLabel() });
      },
    );
    for (let i = 0; i < 6; i++) gw.enqueue(/batch-operation-tasks/, { status: 503, body: { code: 'DNS.0000', message: 'busy' } });
    await client.getTask(task.id).catch((err: unknown) => log.error('leak test: 503', err));
    await vscode.commands.executeCommand(Commands.refreshTask, task.id);
    // A careless caller: the logger must redact what it knows is secret.
    log.info(`leak test dump secretKey=${LEAKY.secretKey} token ${LEAKY.securityToken} ${MARKER}`);
    log.debug(`leak test debug ${LEAKY.secretKey}`);
    // A failing sign-in that quotes nothing it should not.
    await Promise.resolve(vscode.commands.executeCommand(Commands.signIn, { name: `${PROFILE}-x`, endpoint: 'http://127.0.0.1:9', ...LEAKY })).catch(
      (err: Error) => assert.ok(!NEEDLES.some((n) => err.message.includes(n)), 'error message is clean'),
    );

    // Controls: the marker goes into each kind of place, so a search that reads nothing fails.
    await context.globalState.update('huaweiDns.leakTest.marker', MARKER);
    const storage = context.globalStorageUri.fsPath;
    await fs.mkdir(storage, { recursive: true });
    await fs.writeFile(path.join(storage, 'leak-test-marker.txt'), MARKER);
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('projectId', MARKER, vscode.ConfigurationTarget.Global);

    const collect = async (): Promise<[string, string][]> => {
      const userDir = path.resolve(storage, '..', '..'); // <user data>/User/globalStorage/<id> -> <user data>/User
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const config = ['huaweiDns', 'http'].map((s): [string, string] => [`config:${s}`, JSON.stringify(vscode.workspace.getConfiguration(s))]);
      return [
        ...stateDump(context.globalState),
        ...stateDump(context.workspaceState),
        ...config,
        [`config:${SETTINGS_SECTION}.inspect`, JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect('endpoint'))],
        ...(await fs.readFile(path.join(userDir, 'settings.json'), 'utf8').then((t): [string, string][] => [['user settings', t]], () => [])),
        ...(folder ? await readTree(path.join(folder, '.vscode')) : []),
        ...(await readTree(storage)),
        ...(await readTree(context.storageUri?.fsPath)),
        // The log channel's files sit in logUri (and, depending on the version, beside it).
        ...(await readTree(path.dirname(context.logUri.fsPath))),
        ...[...api.panels.panels.values()].flatMap((p): [string, string][] => [
          [`webview html ${p.taskId}`, p.html],
          [`webview posted ${p.taskId}`, JSON.stringify(p.posted)],
          [`webview received ${p.taskId}`, JSON.stringify(p.received)],
        ]),
      ];
    };

    // Log files are flushed asynchronously: wait until the marker line shows up in one of them.
    let sources = await collect();
    for (let i = 0; i < 50 && !hits(sources, MARKER).some((w) => w.endsWith('.log')); i++) {
      await new Promise((r) => setTimeout(r, 200));
      sources = await collect();
    }
    const markerHits = hits(sources, MARKER);
    assert.ok(markerHits.some((w) => w.startsWith('state:')), `control: marker found in globalState (${markerHits.join(', ')})`);
    assert.ok(markerHits.some((w) => w.endsWith('leak-test-marker.txt')), 'control: marker found in globalStorage');
    assert.ok(markerHits.some((w) => w.endsWith('.log')), `control: marker found in the log files under ${path.dirname(context.logUri.fsPath)}`);
    assert.ok(markerHits.includes('user settings'), 'control: marker found in the user settings file');
    if (probe) assert.ok(sources.some(([w, t]) => w.startsWith('webview html') && t.length > 100), 'control: webview HTML was searched');

    for (const needle of NEEDLES) {
      assert.deepEqual(hits(sources, needle), [], `a secret leaked into: ${hits(sources, needle).join(', ')}`);
    }
    await fs.rm(path.join(storage, 'leak-test-marker.txt'), { force: true });
  });
});
