// The tracked-tasks tree inside a real VS Code, against the fake gateway: items, paging, errors, watching,
// Track Recent Tasks, persistence and account switches. Reads the tree through the provider the extension uses.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, SETTINGS_SECTION } from '../../src/constants';
import { autoTrackAccountTasks } from '../../src/dev/sandbox';
import { TasksTreeProvider, type FinishNotice, type TasksNode } from '../../src/views';
import { aTask, errorItems } from '../support/builders';
import { gatewayForSuite, getApi, type ExtensionApi } from '../support/extensionApi';
import { SANDBOX_CREDENTIALS, type FakeGateway, type FakeTask } from '../support/fakeGateway';

const PROFILE = 'tasks-suite';
const OTHER_PROFILE = 'tasks-suite-other';
const SANDBOX_PROFILE = 'tasks-suite-sandbox';
const PAGE = 50;

/** Waits for `predicate` by polling model state; fails with `what` instead of hanging. */
async function until(what: string, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Tracked tasks tree (integration)', function () {
  this.timeout(120_000);
  const suite = gatewayForSuite({ profile: PROFILE });
  let gw: FakeGateway;
  let feature: ExtensionApi['tasks'];
  const added: string[] = [];
  const config = () => vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const settingsChanged: [string, unknown][] = [
    ['pageSize', PAGE],
    ['maxRetries', 0],
    ['pollIntervalSeconds', 1],
  ];

  function add(overrides: Partial<FakeTask>): FakeTask {
    const t = aTask(overrides);
    gw.addTask(t);
    added.push(t.id);
    return t;
  }

  async function roots(): Promise<TasksNode[]> {
    return feature.tree.getChildren(undefined);
  }

  async function children(node: TasksNode): Promise<TasksNode[]> {
    return feature.tree.getChildren(node);
  }

  function taskNode(id: string): TasksNode {
    return { kind: 'task', taskId: id };
  }

  function item(node: TasksNode): vscode.TreeItem {
    return feature.tree.getTreeItem(node);
  }

  async function signIn(name: string): Promise<void> {
    await vscode.commands.executeCommand(Commands.signIn, { name, endpoint: gw.url, ...SANDBOX_CREDENTIALS });
  }

  before(async () => {
    gw = suite.gateway;
    const api = suite.api;
    feature = api.tasks;
    for (const [key, value] of settingsChanged) await config().update(key, value, vscode.ConfigurationTarget.Global);
    assert.ok(api.services.session.getClient(), 'signed in to the fake gateway');
    // Headless browsers may report the window as unfocused; polling must not depend on it here.
    await vscode.commands.executeCommand(Commands.watchInBackground, true);
  });

  afterEach(async () => {
    feature.model.untrackAll();
    await vscode.commands.executeCommand(Commands.toggleGroupByMessage, false);
    for (const id of added.splice(0)) gw.removeTask(id);
  });

  after(async () => {
    await vscode.commands.executeCommand(Commands.watchInBackground, false);
    for (const name of [SANDBOX_PROFILE, OTHER_PROFILE]) {
      await Promise.resolve(vscode.commands.executeCommand(Commands.signOut, name)).catch(() => undefined);
    }
    for (const [key] of settingsChanged) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows tasks of every type and state with words, counts, icons and a tooltip', async () => {
    const cases: { task: FakeTask; label: string; description: string; icon: string }[] = [
      { task: add({ type: 'create', successCount: 3 }), label: 'Create', description: '✗0 ✓3 · DONE', icon: 'pass' },
      { task: add({ type: 'import_recordset', successCount: 1880, errorItems: errorItems(120) }), label: 'Import', description: '✗120 ✓1,880 · DONE', icon: 'warning' },
      { task: add({ type: 'delete', successCount: 0, errorItems: errorItems(4) }), label: 'Delete', description: '✗4 ✓0 · DONE', icon: 'error' },
      { task: add({ type: 'batch_update_rs', successCount: 7 }), label: 'Update', description: '✗0 ✓7 · DONE', icon: 'pass' },
      { task: add({ type: 'batch_create_zone', successCount: 2 }), label: 'Zone creation', description: '✗0 ✓2 · DONE', icon: 'pass' },
      { task: add({ type: 'transfer', successCount: 1 }), label: 'Transfer', description: '✗0 ✓1 · DONE', icon: 'pass' },
      { task: add({ type: 'something_new', successCount: 1 }), label: 'something_new', description: '✗0 ✓1 · DONE', icon: 'pass' },
      { task: add({ type: 'create', successCount: 0, pending: { polls: 1_000_000 } }), label: 'Create', description: '✗0 ✓0 · PENDING', icon: 'sync~spin' },
    ];
    for (const c of cases) await vscode.commands.executeCommand(Commands.trackTask, c.task.id);

    const nodes = await roots();
    assert.equal(nodes.length, cases.length);
    const site = feature.model.scopeKey;
    assert.ok(site);
    for (const c of cases) {
      const ti = item(taskNode(c.task.id));
      assert.equal(ti.label, `${c.label} · ${c.task.id.slice(-8)}`);
      assert.equal(ti.description, c.description, c.label);
      assert.equal((ti.iconPath as vscode.ThemeIcon).id, c.icon, c.label);
      assert.match(String(ti.contextValue), /^task/);
      const tooltip = (ti.tooltip as vscode.MarkdownString).value;
      for (const part of [c.task.id, c.task.type, '2025-06-17 13:09:15', 'Site']) assert.ok(tooltip.includes(part), `tooltip has ${part}`);
    }
    assert.equal(item(taskNode(cases[0]!.task.id)).collapsibleState, vscode.TreeItemCollapsibleState.None, 'nothing to expand without failures');
    assert.equal(item(taskNode(cases[1]!.task.id)).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('loads failed items a page at a time and Load More fetches the next page', async () => {
    const t = add({ type: 'import_recordset', successCount: 1000, errorItems: errorItems(120) });
    const id = await vscode.commands.executeCommand<string>(Commands.trackTask, t.id);
    assert.equal(id, t.id);

    let kids = await children(taskNode(t.id));
    assert.equal(kids.filter((k) => k.kind === 'failedItem').length, PAGE);
    const first = item(kids[0]!);
    assert.equal(first.label, 'host1.nw.');
    assert.equal(first.description, t.errorItems[0]!.errorMessage);
    assert.equal(first.contextValue, 'failedItem');
    assert.equal(first.command?.command, Commands.revealInZoneFile);
    assert.deepEqual(first.command?.arguments, [{ name: 'host1.nw.', message: t.errorItems[0]!.errorMessage, taskId: t.id }]);
    const more = kids.at(-1)!;
    assert.equal(more.kind, 'loadMore');
    assert.equal(item(more).label, 'Load More…');

    await vscode.commands.executeCommand(Commands.loadMore, more);
    kids = await children(taskNode(t.id));
    assert.equal(kids.filter((k) => k.kind === 'failedItem').length, 100);
    await vscode.commands.executeCommand(Commands.loadMore, kids.at(-1));
    kids = await children(taskNode(t.id));
    const items = kids.filter((k) => k.kind === 'failedItem');
    assert.equal(items.length, 120);
    assert.equal(kids.at(-1)!.kind, 'failedItem', 'no Load More once everything is here');
    assert.deepEqual(items.map((k) => (k.kind === 'failedItem' ? k.item : '')), t.errorItems.map((e) => e.item), 'server order, no gaps');

    const pages = gw.requests
      .filter((r) => r.path.endsWith(t.id) && r.query.error_item_limit === String(PAGE))
      .map((r) => r.query.error_item_offset);
    assert.deepEqual(pages, ['0', '50', '100']);
  });

  it('groups failed items by message with counts when toggled', async () => {
    const t = add({ successCount: 1, errorItems: errorItems(10, { messages: ['A', 'B'] }).concat(errorItems(2, { prefix: 'x', messages: ['A'] })) });
    await vscode.commands.executeCommand(Commands.trackTask, t.id);
    await vscode.commands.executeCommand(Commands.toggleGroupByMessage, true);
    const groups = await children(taskNode(t.id));
    assert.deepEqual(groups.map((g) => [item(g).label, item(g).description]), [['A', '7'], ['B', '5']]);
    const inA = await children(groups[0]!);
    assert.equal(inA.length, 7);
    assert.ok(inA.every((n) => n.kind === 'failedItem' && n.errorMessage === 'A'));
  });

  it('shows an error node instead of an empty tree and retries on click', async () => {
    const t = add({ successCount: 1, errorItems: errorItems(80) });
    await vscode.commands.executeCommand(Commands.trackTask, t.id);
    gw.enqueue((r) => r.path.endsWith(t.id) && r.query.error_item_offset === '50', { status: 503, body: { code: 'DNS.0000', message: 'Service busy.' } });

    let kids = await children(taskNode(t.id));
    await vscode.commands.executeCommand(Commands.loadMore, kids.at(-1));
    kids = await children(taskNode(t.id));
    const err = kids.at(-1)!;
    assert.equal(err.kind, 'error');
    assert.equal(kids.filter((k) => k.kind === 'failedItem').length, PAGE, 'what was loaded stays');
    const errItem = item(err);
    assert.match(errItem.label as string, /busy|503/i);
    assert.equal(errItem.command?.command, Commands.retry);

    await vscode.commands.executeCommand(Commands.retry, ...((errItem.command?.arguments ?? []) as unknown[]));
    kids = await children(taskNode(t.id));
    assert.equal(kids.filter((k) => k.kind === 'failedItem').length, 80);
    assert.ok(kids.every((k) => k.kind !== 'error'));
  });

  it('keeps the snapshot and shows the reason when a refresh fails; retry clears it', async () => {
    const t = add({ successCount: 5 });
    await vscode.commands.executeCommand(Commands.trackTask, t.id);
    gw.enqueue((r) => r.path.endsWith(t.id), { status: 503, body: { code: 'DNS.0000', message: 'Service busy.' } });
    await feature.model.refreshTask(t.id).then(
      () => assert.fail('the refresh should fail'),
      () => undefined,
    );
    assert.equal(item(taskNode(t.id)).description, '⚠ ✗0 ✓5 · DONE');
    const kids = await children(taskNode(t.id));
    assert.equal(kids.length, 1);
    assert.equal(kids[0]!.kind, 'error');
    await vscode.commands.executeCommand(Commands.retry, ...((item(kids[0]!).command?.arguments ?? []) as unknown[]));
    assert.equal(item(taskNode(t.id)).description, '✗0 ✓5 · DONE');
    assert.deepEqual(await children(taskNode(t.id)), []);
  });

  it('after a failed first page, redraws show the error node and do not ask again until retried', async () => {
    const t = add({ successCount: 1, errorItems: errorItems(5) });
    await vscode.commands.executeCommand(Commands.trackTask, t.id);
    const busy = { status: 503, body: { code: 'DNS.0000', message: 'Service busy.' } };
    gw.enqueue((r) => r.path.endsWith(t.id), busy, busy);
    // A reloaded window: the snapshot is there, its background refresh fails, the items were never loaded.
    const reloaded = feature.createModel();
    const tree = new TasksTreeProvider(reloaded, () => 'test');
    try {
      await until('the failed background refresh', () => reloaded.entry(t.id)?.error !== undefined);
      const first = await tree.getChildren({ kind: 'task', taskId: t.id });
      assert.deepEqual(first.map((n) => n.kind), ['error', 'error']);
      const asked = gw.requests.filter((r) => r.path.endsWith(t.id)).length;
      await tree.getChildren({ kind: 'task', taskId: t.id });
      assert.equal(gw.requests.filter((r) => r.path.endsWith(t.id)).length, asked, 'a redraw is not a retry');
      await reloaded.retry('items', t.id);
      const after = await tree.getChildren({ kind: 'task', taskId: t.id });
      assert.equal(after.filter((n) => n.kind === 'failedItem').length, 5);
    } finally {
      tree.dispose();
      reloaded.dispose();
    }
  });

  it('a running task that finishes gives exactly one notice and the final counts', async () => {
    const t = add({ type: 'import_recordset', successCount: 1880, errorItems: errorItems(120), pending: { polls: 3 } });
    const notices: FinishNotice[] = [];
    const sub = feature.onDidNotify((n) => notices.push(n));
    try {
      await vscode.commands.executeCommand(Commands.trackTask, t.id);
      assert.equal(feature.model.get(t.id)?.status, 'PENDING');
      assert.equal(feature.runningStatus.item.text, '$(sync~spin) 1 task running');
      assert.ok(feature.model.poller.isWatching(t.id));

      await until('the task to finish', () => notices.length > 0);
      // More refreshes after the end must not notify again.
      await vscode.commands.executeCommand(Commands.refreshTask, t.id);
      await vscode.commands.executeCommand(Commands.refreshTask, taskNode(t.id));
      assert.equal(notices.length, 1);
      assert.equal(notices[0]!.message, 'Import finished: 1,880 succeeded, 120 failed');
      assert.equal(item(taskNode(t.id)).description, '✗120 ✓1,880 · DONE');
      assert.equal(feature.model.poller.isWatching(t.id), false, 'polling stopped');
      assert.equal(feature.model.runningCount(), 0);
    } finally {
      sub.dispose();
    }
  });

  it('untracking a running task stops polling at once', async () => {
    const t = add({ pending: { polls: 1_000_000 } });
    const untracked: string[] = [];
    const sub = feature.model.onDidUntrack((id) => untracked.push(id));
    try {
      await vscode.commands.executeCommand(Commands.trackTask, t.id);
      assert.ok(feature.model.poller.isWatching(t.id));
      assert.equal(await vscode.commands.executeCommand(Commands.untrackTask, taskNode(t.id)), true);
      assert.equal(feature.model.poller.isWatching(t.id), false);
      assert.deepEqual(untracked, [t.id]);
      assert.equal(feature.model.get(t.id), undefined);
      const polls = gw.pollCount(t.id);
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(gw.pollCount(t.id), polls, 'no request after untracking');
    } finally {
      sub.dispose();
    }
  });

  it('Track Recent Tasks pages through the whole list', async () => {
    await config().update('pageSize', 10, vscode.ConfigurationTarget.Global);
    try {
      const mine = Array.from({ length: 25 }, (_, i) => add({ createdAt: `2025-07-01 10:${String(i).padStart(2, '0')}:00` }));
      const before = gw.requests.length;
      const ids = await vscode.commands.executeCommand<string[]>(Commands.trackRecentTasks, { all: true });
      for (const t of mine) assert.ok(ids.includes(t.id), `lists ${t.id}`);
      const offsets = gw.requests.slice(before).filter((r) => r.path === '/v2.1/batch-operation-tasks').map((r) => r.query.offset);
      for (const o of ['0', '10', '20']) assert.ok(offsets.includes(o), `asked for offset ${o}`);
      const shown = (await roots()).map((n) => (n.kind === 'task' ? n.taskId : ''));
      for (const t of mine) assert.ok(shown.includes(t.id));
      // Newest first.
      assert.ok(shown.indexOf(mine[24]!.id) < shown.indexOf(mine[0]!.id));
    } finally {
      await config().update('pageSize', PAGE, vscode.ConfigurationTarget.Global);
    }
  });

  it('Track Recent Tasks with ids tracks only those', async () => {
    const a = add({});
    const b = add({});
    const ids = await vscode.commands.executeCommand<string[]>(Commands.trackRecentTasks, [b.id]);
    assert.deepEqual(ids, [b.id]);
    assert.ok(feature.model.get(b.id));
    assert.equal(feature.model.get(a.id), undefined);
  });

  it('tracked tasks and their last snapshot survive a reload, then refresh in the background', async () => {
    const a = add({ successCount: 11 });
    const b = add({ type: 'delete', successCount: 0, errorItems: errorItems(3) });
    await vscode.commands.executeCommand(Commands.trackTask, a.id);
    await vscode.commands.executeCommand(Commands.trackTask, b.id);
    // The server's numbers change while "the window is closed".
    gw.addTask({ ...a, successCount: 12 });

    const reloaded = feature.createModel();
    try {
      // Synchronously after construction: the snapshot, before any answer.
      assert.deepEqual(reloaded.all().map((t) => [t.id, t.successCount]).sort(), [[a.id, 11], [b.id, 0]].sort());
      await until('the background refresh', () => reloaded.get(a.id)?.successCount === 12);
    } finally {
      reloaded.dispose();
    }
  });

  it('switching profile clears the tree; switching back restores that account\'s tasks', async () => {
    const t = add({ successCount: 2 });
    await vscode.commands.executeCommand(Commands.trackTask, t.id);
    const untracked: string[] = [];
    const sub = feature.model.onDidUntrack((id) => untracked.push(id));
    try {
      await signIn(OTHER_PROFILE);
      assert.deepEqual(await roots(), [], 'nothing of the other account');
      assert.deepEqual(untracked, [t.id], 'other features told to drop it');
      await vscode.commands.executeCommand(Commands.switchProfile, PROFILE);
      assert.deepEqual((await roots()).map((n) => (n.kind === 'task' ? n.taskId : '')), [t.id]);
    } finally {
      sub.dispose();
    }
  });

  it('Show Batch Task with a pasted URL tracks the id, opens the panel and returns the id', async () => {
    const t = add({ successCount: 1, errorItems: errorItems(2) });
    const url = `https://console.example.com/dns/?region=ap-southeast-3#/dns/batch-operation-tasks/${t.id}?tab=items`;
    const id = await vscode.commands.executeCommand<string>(Commands.showBatchTask, url);
    assert.equal(id, t.id);
    assert.ok(feature.model.get(t.id));
    const api = await getApi();
    const probe = api.panels.panels.get(t.id);
    assert.ok(probe, 'the failed-items panel opened for it');
    await probe.waitForRendered(() => true);
    probe.panel.dispose();
  });

  it('in the sandbox, a fresh account shows its tasks without asking, once', async () => {
    const mine = [add({ successCount: 1 }), add({ type: 'transfer', successCount: 2 })];
    const api = await getApi();
    // What src/extension.ts wires when HUAWEI_DNS_SANDBOX=1 (this host was not started in sandbox mode).
    const autoTrack = autoTrackAccountTasks(feature.model, () => api.services.session.scopeKey());
    try {
      await signIn(SANDBOX_PROFILE);
      await until('the automatic tracking', () => mine.every((t) => feature.model.get(t.id) !== undefined));
      // Untracking everything must not bring them back: it happens once per account.
      feature.model.untrackAll();
      const lists = () => gw.requests.filter((r) => r.path === '/v2.1/batch-operation-tasks').length;
      await vscode.commands.executeCommand(Commands.switchProfile, PROFILE);
      const listed = lists();
      await vscode.commands.executeCommand(Commands.switchProfile, SANDBOX_PROFILE);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(lists(), listed, 'the list was not asked for again');
      assert.deepEqual(feature.model.all(), []);
    } finally {
      autoTrack.dispose();
      await vscode.commands.executeCommand(Commands.switchProfile, PROFILE);
    }
  });

  it('a failed listing of the account shows at the root, and retrying it lists the tasks again', async () => {
    const mine = add({ successCount: 4 });
    const listPath = '/v2.1/batch-operation-tasks';
    gw.enqueue((r) => r.path === listPath, { status: 503, body: { code: 'DNS.0000', message: 'Service busy.' } });
    const lists = () => gw.requests.filter((r) => r.path === listPath).length;
    const before = lists();
    await feature.model.trackAccountTasks();
    const [root] = await roots();
    assert.ok(root && root.kind === 'error' && root.scope === 'root', 'an error node at the root');
    const rootItem = item(root);
    assert.match(rootItem.label as string, /busy|503/i);
    assert.equal(rootItem.command?.command, Commands.retry);
    await vscode.commands.executeCommand(Commands.retry, ...((rootItem.command?.arguments ?? []) as unknown[]));
    assert.ok(lists() > before + 1, 'the list was asked for again');
    const shown = await roots();
    assert.ok(shown.every((n) => n.kind !== 'error'), 'the error is gone');
    assert.ok(shown.some((n) => n.kind === 'task' && n.taskId === mine.id), 'and the tasks are listed');
  });

  it('copies the id and details of a task', async () => {
    const t = add({ successCount: 9 });
    await vscode.commands.executeCommand(Commands.trackTask, t.id);
    await vscode.commands.executeCommand(Commands.copyTaskId, taskNode(t.id));
    assert.equal(await vscode.env.clipboard.readText(), t.id);
    const details = await vscode.commands.executeCommand<string>(Commands.copyTaskDetails, taskNode(t.id));
    assert.match(details, new RegExp(`Task ID: ${t.id}`));
    assert.match(details, /Succeeded: 9/);
    assert.doesNotMatch(details, new RegExp(SANDBOX_CREDENTIALS.secretKey));
  });
});
