// The failed-items panel inside a real VS Code: the webview runs, answers `ready`, draws and acknowledges.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, WebviewTypes } from '../../src/constants';
import type { ErrorItem } from '../../src/core/types';
import type { PanelProbe, PanelsTestApi } from '../../src/dev/testApi';
import { toCsv } from '../../src/shared/delimited';
import { aTask, errorItems } from '../support/builders';
import { gatewayForSuite } from '../support/extensionApi';
import type { FakeGateway } from '../support/fakeGateway';

const PROFILE = 'panels-suite';

const MESSAGES = ['Record set already exists.', 'Invalid record value, "1.2.3" is not an IPv4 address', 'Quota exceeded, = 500'];

/** `count` failed items named `${prefix}1.example.com.` … with the messages above. */
function items(count: number, prefix: string): ErrorItem[] {
  return errorItems(count, { prefix, zone: 'example.com.', messages: MESSAGES });
}

function addTask(gw: FakeGateway, id: string, failed: ErrorItem[], successCount = 1000): void {
  gw.addTask(aTask({ id, type: 'import_recordset', successCount, errorItems: failed }));
}

/** The show requests the gateway saw for a task, as [limit, offset] pairs. */
function pageRequests(requests: FakeGateway['requests'], taskId: string): [string | undefined, string | undefined][] {
  return requests
    .filter((r) => r.method === 'GET' && r.path.includes(taskId))
    .map((r) => [r.query.error_item_limit, r.query.error_item_offset]);
}

async function waitUntil<T>(probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Failed-items panel (integration)', function () {
  this.timeout(120_000);
  const suite = gatewayForSuite({ profile: PROFILE });
  let gw: FakeGateway;
  let panels: PanelsTestApi;
  const created: string[] = [];
  const tmp = path.join(os.tmpdir(), `panels-suite-${process.pid}`);

  before(async () => {
    gw = suite.gateway;
    panels = suite.api.panels;
    assert.ok(suite.api.services.session.getClient(), 'signed in to the fake gateway');
    // Headless browsers may report the window as unfocused; the model's polling must not depend on it here.
    await vscode.commands.executeCommand(Commands.watchInBackground, true);
    await fs.mkdir(tmp, { recursive: true });
  });

  afterEach(() => {
    for (const p of [...panels.panels.values()]) p.panel.dispose();
    delete panels.hooks.saveTarget;
  });

  after(async () => {
    await vscode.commands.executeCommand(Commands.watchInBackground, false);
    for (const id of created) gw.removeTask(id);
    await fs.rm(tmp, { recursive: true, force: true });
  });

  async function open(taskId: string): Promise<PanelProbe> {
    await vscode.commands.executeCommand(Commands.showFailedItems, taskId);
    const probe = panels.panels.get(taskId);
    assert.ok(probe, 'panel registered under its task id');
    return probe;
  }

  it('opens one panel per task, draws the first page, and focuses the existing panel on a second open', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d40001';
    created.push(id);
    addTask(gw, id, items(120, 'a'));
    const probe = await open(id);
    const ack = await probe.waitForRendered((a) => a.mode === 'page');
    assert.equal(ack.rows, 120);
    assert.equal(ack.total, 120);
    assert.ok(probe.received.some((m) => m.type === 'ready'), 'handshake before data');
    const firstReady = probe.posted.findIndex((m) => m.type === 'page');
    assert.ok(firstReady >= 0);

    await vscode.commands.executeCommand(Commands.showFailedItems, { taskId: id });
    assert.equal(panels.panels.size, 1);
    assert.equal(panels.panels.get(id), probe);
    assert.ok(probe.panel.active || probe.panel.visible);

    // Strict CSP, nonce'd script, no data in the HTML.
    assert.match(probe.html, /default-src 'none'/);
    assert.doesNotMatch(probe.html, /a1\.example\.com/);
  });

  it('Show Batch Task then its panel costs exactly one request for the first page', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d4000d';
    created.push(id);
    addTask(gw, id, items(30, 'o'));
    const before = gw.requests.length;
    assert.equal(await vscode.commands.executeCommand(Commands.showBatchTask, id), id);
    const probe = panels.panels.get(id);
    assert.ok(probe, 'Show Batch Task opened the panel');
    const ack = await probe.waitForRendered((a) => a.mode === 'page');
    assert.equal(ack.rows, 30);
    assert.deepEqual(pageRequests(gw.requests.slice(before), id), [['500', '0']], 'one request, shared by the tree and the panel');
  });

  it('a refresh from the tree updates the open panel, with one request', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d4000e';
    created.push(id);
    addTask(gw, id, items(3, 'u'));
    const probe = await open(id);
    await probe.waitForRendered((a) => a.mode === 'page' && a.rows === 3);
    addTask(gw, id, items(5, 'u'));
    const before = gw.requests.length;
    await vscode.commands.executeCommand(Commands.refreshTask, id);
    const ack = await probe.waitForRendered((a) => a.mode === 'page' && a.rows === 5);
    assert.equal(ack.total, 5);
    assert.equal(pageRequests(gw.requests.slice(before), id).length, 1, 'the panel reused the page the refresh brought');
  });

  it('pages through with error_item_limit / error_item_offset', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d40002';
    created.push(id);
    addTask(gw, id, items(1234, 'p'));
    const probe = await open(id);
    await probe.waitForRendered((a) => a.mode === 'page' && a.offset === 0);
    await probe.receive({ type: 'requestPage', offset: 200, limit: 100 });
    const ack = await probe.waitForRendered((a) => a.mode === 'page' && a.offset === 200);
    assert.equal(ack.rows, 100);
    await probe.receive({ type: 'requestPage', offset: 1200, limit: 100 });
    const last = await probe.waitForRendered((a) => a.mode === 'page' && a.offset === 1200);
    assert.equal(last.rows, 34);
    const pages = pageRequests(gw.requests, id);
    assert.deepEqual(pages.slice(-2), [
      ['100', '200'],
      ['100', '1200'],
    ]);
    const page = probe.posted.filter((m) => m.type === 'page').at(-1);
    assert.ok(page && page.type === 'page');
    assert.equal(page.items[0]?.item, 'p1201.example.com.', 'the item at offset 1200');
  });

  it('ignores malformed or unknown messages from the webview', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d40003';
    created.push(id);
    addTask(gw, id, items(3, 'm'));
    const probe = await open(id);
    await probe.waitForRendered((a) => a.mode === 'page');
    const before = gw.requests.length;
    await probe.receive({ type: 'requestPage', offset: -5, limit: 9999 });
    await probe.receive({ type: 'runCommand', command: 'workbench.action.quit' });
    assert.equal(probe.rejected.length, 2);
    assert.equal(gw.requests.length, before, 'nothing was requested');
  });

  it('Load All fetches 20,000 items and the webview shows them all', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d40004';
    created.push(id);
    const all = items(20_000, 'l');
    addTask(gw, id, all);
    const probe = await open(id);
    await probe.waitForRendered((a) => a.mode === 'page');
    await probe.receive({ type: 'loadAll' });
    const ack = await probe.waitForRendered((a) => a.mode === 'all' && a.rows === 20_000, 90_000);
    assert.equal(ack.total, 20_000);
    assert.deepEqual(probe.loadedItems, all);
    assert.ok(probe.posted.some((m) => m.type === 'loadAllDone' && m.outcome === 'done'));
    const offsets = new Set(pageRequests(gw.requests, id).map(([, offset]) => offset));
    for (let o = 0; o < 20_000; o += 500) assert.ok(offsets.has(String(o)), `page at ${o} requested`);
  });

  it('exports the loaded items to CSV and JSON, filtered, exactly', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d40005';
    created.push(id);
    const list: ErrorItem[] = [
      { item: 'a.example.com.', errorMessage: 'has, comma and "quotes"' },
      { item: '=cmd|calc!A1', errorMessage: 'line\nbreak' },
      { item: 'c.example.com.', errorMessage: '<img src=x onerror="window.__xss=1">' },
    ];
    addTask(gw, id, list, 2);
    const probe = await open(id);
    await probe.waitForRendered((a) => a.mode === 'page');
    const csv = path.join(tmp, 'out.csv');
    const json = path.join(tmp, 'out.json');
    panels.hooks.saveTarget = (format) => vscode.Uri.file(format === 'csv' ? csv : json);
    await probe.receive({ type: 'export', format: 'csv', filter: '' });
    assert.equal(await fs.readFile(csv, 'utf8'), toCsv(list));
    await probe.receive({ type: 'export', format: 'json', filter: 'IMG' });
    assert.deepEqual(JSON.parse(await fs.readFile(json, 'utf8')), {
      id,
      error_items: [{ item: 'c.example.com.', error_message: '<img src=x onerror="window.__xss=1">' }],
    });
  });

  it('keeps its page when hidden and shown again (state survives without retainContextWhenHidden)', async () => {
    const a = 'ff80808197a1a3b50197a1b2c3d40008';
    const b = 'ff80808197a1a3b50197a1b2c3d40009';
    created.push(a, b);
    addTask(gw, a, items(300, 'k'));
    addTask(gw, b, items(2, 'o'));
    const probeA = await open(a);
    await probeA.waitForRendered((x) => x.mode === 'page');
    await probeA.receive({ type: 'requestPage', offset: 100, limit: 50 });
    await probeA.waitForRendered((x) => x.mode === 'page' && x.offset === 100);
    // Let the webview persist its state (setState is debounced), then cover it with another panel.
    await new Promise((r) => setTimeout(r, 500));
    const probeB = await open(b);
    await probeB.waitForRendered((x) => x.mode === 'page');
    const readiesBefore = probeA.received.filter((m) => m.type === 'ready').length;
    // Taken before reveal: the new webview's ack can arrive before the test notices its 'ready'.
    const acksBefore = [...probeA.rendered];
    probeA.panel.reveal();
    const ready = await waitUntil(() => probeA.received.filter((m) => m.type === 'ready')[readiesBefore]);
    assert.equal(ready.type === 'ready' && ready.state?.offset, 100, 'the reloaded webview brought its page back');
    await probeA.waitForRendered((x) => x.mode === 'page' && x.offset === 100 && !acksBefore.includes(x));
  });

  it('refreshes by itself while the task is pending', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d4000a';
    created.push(id);
    gw.addTask(aTask({ id, successCount: 10, errorItems: items(4, 'q'), pending: { polls: 1 } }));
    const probe = await open(id);
    const first = await waitUntil(() => probe.posted.find((m) => m.type === 'task'));
    assert.ok(first.type === 'task' && first.task.pending, 'first answer: PENDING');
    const done = await waitUntil(() => probe.posted.find((m) => m.type === 'task' && !m.task.pending), 30_000);
    assert.ok(done.type === 'task' && done.task.status === 'DONE');
  });

  it('restores a panel from its saved state after a reload, and closes one with no usable state', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d4000b';
    created.push(id);
    addTask(gw, id, items(600, 's'));
    const state = { taskId: id, pageSize: 200, offset: 400, filter: 's5', scrollTop: 0, grouped: false, sort: 'none' };
    const panel = vscode.window.createWebviewPanel(WebviewTypes.failedItems, 'restored', vscode.ViewColumn.Active, { enableScripts: true });
    const probe = panels.restore(panel, state);
    assert.ok(probe && panels.panels.get(id) === probe);
    const ack = await probe.waitForRendered((a) => a.mode === 'page' && a.offset === 400);
    assert.equal(ack.total, 600);
    assert.deepEqual(pageRequests(gw.requests, id).at(-1), ['200', '400']);

    let disposed = false;
    const broken = vscode.window.createWebviewPanel(WebviewTypes.failedItems, 'broken', vscode.ViewColumn.Active, { enableScripts: true });
    broken.onDidDispose(() => (disposed = true));
    // As after a reload, the workbench has shown the panel before the serializer gets it.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(panels.restore(broken, { taskId: 42 }), undefined);
    assert.ok(disposed, 'no blank panel left behind');
  });

  it('copies rows and everything matching the filter as TSV', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d4000c';
    created.push(id);
    addTask(gw, id, [
      { item: 'a.example.com.', errorMessage: 'tab\there' },
      { item: '@b.example.com.', errorMessage: 'other' },
    ]);
    const probe = await open(id);
    await probe.waitForRendered((a) => a.mode === 'page');
    await probe.receive({ type: 'copyRows', items: [{ item: 'a.example.com.', errorMessage: 'tab\there' }] });
    assert.equal(await vscode.env.clipboard.readText(), 'a.example.com.\t"tab\there"\r\n');
    await probe.receive({ type: 'copyAll', filter: 'OTHER' });
    assert.equal(await vscode.env.clipboard.readText(), "item\terror_message\r\n'@b.example.com.\tother\r\n");
  });

  it('says so when the task has no failed items', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d40006';
    created.push(id);
    addTask(gw, id, [], 2000);
    const probe = await open(id);
    const ack = await probe.waitForRendered((a) => a.mode === 'empty');
    assert.equal(ack.rows, 0);
  });

  it('shows an error with the request id, and Retry recovers', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d40007';
    created.push(id);
    const probe = await open(id); // not on the gateway yet: 404 DNS.0xxx
    await probe.waitForRendered((a) => a.mode === 'error');
    const error = probe.posted.find((m) => m.type === 'error');
    assert.ok(error && error.type === 'error' && error.blocking);
    assert.ok(error.requestId, 'the request id support will ask for');
    addTask(gw, id, items(5, 'r'));
    await probe.receive({ type: 'refresh' });
    const ack = await probe.waitForRendered((a) => a.mode === 'page');
    assert.equal(ack.rows, 5);
  });

  it('an item over 64 KiB is shown cut, saying so, instead of leaving the panel on "Loading…"', async () => {
    const id = 'ff80808197a1a3b50197a1b2c3d40099';
    created.push(id);
    const huge = `${'x'.repeat(70_000)}.example.com.`;
    addTask(gw, id, [{ item: huge, errorMessage: 'Refused' }, ...items(2, 'ok')]);
    const probe = await open(id);
    const ack = await probe.waitForRendered((a) => a.mode === 'page' || a.mode === 'error');
    assert.equal(ack.mode, 'page');
    assert.equal(ack.rows, 3);
    const page = probe.posted.filter((m) => m.type === 'page').at(-1);
    assert.ok(page && page.type === 'page');
    assert.match(page.items[0]!.item, /… \(truncated, 70,013 characters\)$/);
  });
});
