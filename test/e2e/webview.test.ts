// The failed-items webview as a person uses it, in Chromium: the panel's real HTML (same CSP), the built
// bundle and stylesheet, and a stand-in host speaking the validated protocol (scripts/bench/webview.js).
// Checks the rows shown, paging/filtering/grouping by clicking and typing, that a hostile message stays text,
// and takes light and dark screenshots (test-results/webview-*.png).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ui, type UiSession } from '../support/ui';
import type { HostMessage, TaskView, WebviewMessage } from '../../src/shared/protocol';

interface Standalone {
  page: Page;
  errors: string[];
  post(message: HostMessage): Promise<void>;
  sent(): Promise<WebviewMessage[]>;
  close(): Promise<void>;
}

// Minimal shapes of what the callbacks below touch inside the page (this project compiles tests without DOM types).
interface BrowserElement {
  style: { transform: string };
  textContent: string | null;
  querySelector(selector: string): BrowserElement | null;
}
declare const document: { querySelector(selector: string): BrowserElement | null };
declare const window: { __xss?: number };

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

const ROOT = repoRoot();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openStandalone } = require(path.join(ROOT, 'scripts/bench/webview.js')) as {
  openStandalone: (o?: { theme?: 'light' | 'dark' }) => Promise<Standalone>;
};

const HOSTILE = '<img src=x onerror="window.__xss=1">';
const TASK: TaskView = {
  id: 'ff80808197a1a3b50197a1b2c3d4e5f6',
  type: 'import_recordset',
  typeLabel: 'Import record sets',
  status: 'DONE',
  statusLabel: 'Done',
  created: '2025-06-17 13:09:15',
  updated: '2025-06-17 13:10:02',
  successCount: 2000,
  errorCount: 130,
  totalCount: 2130,
  pending: false,
};
const MESSAGES = ['Record set already exists.', 'Invalid record value.', HOSTILE, '</script><script>window.__xss=2</script>'];
const ALL = Array.from({ length: 130 }, (_, i) => ({ item: `host${i}.example.com.`, errorMessage: MESSAGES[i % 4 === 3 ? 3 : i % 3]! }));
const page = (offset: number, limit: number): HostMessage => ({ type: 'page', offset, limit, total: ALL.length, items: ALL.slice(offset, offset + limit) });

async function lastSent<T extends WebviewMessage['type']>(s: Standalone, type: T): Promise<Extract<WebviewMessage, { type: T }> | undefined> {
  const all = await s.sent();
  return all.filter((m): m is Extract<WebviewMessage, { type: T }> => m.type === type).at(-1);
}

/** Text of the visible item cells, top to bottom. */
async function visibleItems(p: Page): Promise<string[]> {
  return p.$$eval('.canvas .row.item:not([hidden])', (elements) =>
    (elements as unknown as BrowserElement[])
      .map((r) => ({ y: Number(/translateY\((\d+)px\)/.exec(r.style.transform)?.[1] ?? 0), text: r.querySelector('button.link')?.textContent ?? '' }))
      .sort((a, b) => a.y - b.y)
      .map((r) => r.text),
  );
}

describe('Failed-items webview in the browser (e2e)', function () {
  this.timeout(60_000);
  let s: Standalone;
  const shots = path.join(ROOT, 'test-results');

  async function start(theme: 'light' | 'dark'): Promise<void> {
    s = await openStandalone({ theme });
    await s.post({ type: 'init', taskId: TASK.id, pageSize: 50 });
    await s.post({ type: 'task', task: TASK });
    await s.post(page(0, 50));
    await s.page.waitForSelector('.canvas .row.item');
  }

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && s) {
      fs.mkdirSync(shots, { recursive: true });
      await s.page.screenshot({ path: path.join(shots, `webview-failure-${Date.now()}.png`) });
    }
    assert.deepEqual(s?.errors ?? [], [], 'no script errors in the webview');
    await s?.close();
  });

  it('shows the header and the right rows of the first page', async () => {
    await start('light');
    assert.equal(await s.page.textContent('.task-id'), TASK.id);
    assert.match((await s.page.textContent('.legend')) ?? '', /2,000 succeeded\s*130 failed/);
    assert.equal(await s.page.textContent('.range'), 'items 1–50 of 130');
    const rows = await visibleItems(s.page);
    assert.equal(rows[0], 'host0.example.com.');
    assert.deepEqual(rows.slice(0, 5), ALL.slice(0, 5).map((i) => i.item));
    assert.equal(await s.page.getAttribute('[role=grid]', 'aria-rowcount'), '51');
  });

  it('renders hostile messages as literal text and runs no script', async () => {
    await start('light');
    const cells = await s.page.$$eval('.canvas .row.item .col-message .message-text', (c) => (c as unknown as BrowserElement[]).map((x) => x.textContent));
    assert.ok(cells.includes(HOSTILE), 'the payload is shown as text');
    assert.ok(cells.includes(MESSAGES[3]!));
    assert.equal(await s.page.locator('.canvas img').count(), 0, 'no element was created from the data');
    assert.equal(await s.page.evaluate(() => window.__xss), undefined);
  });

  it('pages by clicking next and by jumping, asking the host for the right offset', async () => {
    await start('light');
    await s.page.click('button[aria-label="Next page"]');
    const req = await lastSent(s, 'requestPage');
    assert.deepEqual(req, { type: 'requestPage', offset: 50, limit: 50 });
    await s.post(page(50, 50));
    await s.page.waitForFunction(() => document.querySelector('.range')?.textContent === 'items 51–100 of 130');
    assert.equal((await visibleItems(s.page))[0], 'host50.example.com.');

    await s.page.fill('.page-input', '3');
    await s.page.press('.page-input', 'Enter');
    assert.deepEqual(await lastSent(s, 'requestPage'), { type: 'requestPage', offset: 100, limit: 50 });

    await s.page.selectOption('select', '100');
    assert.deepEqual(await lastSent(s, 'requestPage'), { type: 'requestPage', offset: 0, limit: 100 });
  });

  it('filters by typing, with a count, and keeps the filter across pages', async () => {
    await start('light');
    await s.page.fill('input.filter', 'ALREADY');
    await s.page.waitForFunction(() => /match/.test(document.querySelector('.count')?.textContent ?? ''));
    const expected = ALL.slice(0, 50).filter((i) => i.errorMessage.toLowerCase().includes('already'));
    assert.equal(await s.page.textContent('.count'), `${expected.length} of 50 match`);
    assert.deepEqual(await visibleItems(s.page), expected.map((i) => i.item));
    await s.page.click('button[aria-label="Next page"]');
    await s.post(page(50, 50));
    await s.page.waitForFunction(() => document.querySelector('.range')?.textContent === 'items 51–100 of 130');
    assert.equal(await s.page.inputValue('input.filter'), 'ALREADY');
    const second = ALL.slice(50, 100).filter((i) => i.errorMessage.toLowerCase().includes('already'));
    assert.deepEqual(await visibleItems(s.page), second.map((i) => i.item));
  });

  it('groups by message by clicking, most frequent first, and expands a group', async () => {
    await start('light');
    await s.page.click('button.toggle');
    const groups = await s.page.$$eval('.canvas .row.group:not([hidden]) .col-message .message-text', (c) => (c as unknown as BrowserElement[]).map((x) => x.textContent));
    assert.equal(groups.length, 4);
    const firstCount = await s.page.textContent('.canvas .row.group .group-toggle');
    assert.match(firstCount ?? '', /1[0-9]/);
    await s.page.click(`.canvas .row.group >> text=${MESSAGES[1]!}`);
    const expected = ALL.slice(0, 50).filter((i) => i.errorMessage === MESSAGES[1]).map((i) => i.item);
    const items = await visibleItems(s.page);
    assert.deepEqual(items, expected);
  });

  it('moves through rows with the keyboard and opens an item with Enter', async () => {
    await start('light');
    await s.page.focus('.canvas .row.item');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    assert.deepEqual(await lastSent(s, 'reveal'), { type: 'reveal', name: 'host2.example.com.', message: ALL[2]!.errorMessage });
    await s.post({ type: 'revealResult', name: 'host2.example.com.', result: 'not-found' });
    await s.page.waitForSelector('.row.not-found');
    assert.equal(await s.page.textContent('.row.not-found .status'), 'Not found in zone files');
  });

  it('shows the empty state and the error state with a request id and Retry, never a blank page', async () => {
    s = await openStandalone({ theme: 'light' });
    await s.post({ type: 'init', taskId: 't', pageSize: 50 });
    await s.post({ type: 'error', message: 'Could not load the failed items. Not found.', requestId: 'req-123', code: 'DNS.0313', blocking: true });
    await s.page.waitForSelector('.state.error');
    assert.match((await s.page.textContent('.state.error')) ?? '', /req-123/);
    await s.page.click('.state.error button');
    assert.deepEqual(await lastSent(s, 'refresh'), { type: 'refresh' });
    await s.post({ type: 'task', task: { ...TASK, errorCount: 0, successCount: 2000, totalCount: 2000 } });
    await s.post({ type: 'page', offset: 0, limit: 50, total: 0, items: [] });
    await s.page.waitForSelector('.state.empty');
    assert.equal(await s.page.textContent('.state.empty'), 'No failed items — all 2,000 succeeded');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`takes a screenshot in the ${theme} theme`, async () => {
      await start(theme);
      fs.mkdirSync(shots, { recursive: true });
      const file = path.join(shots, `webview-${theme}.png`);
      await s.page.screenshot({ path: file });
      assert.ok(fs.statSync(file).size > 10_000);
    });
  }
});


// The same panel as a person gets it: code-server with the packaged VSIX, the fake gateway, Chromium
// (fixture: test/support/ui, started by scripts/ui-tests.js). The webview sits two iframes deep.
describe('Failed-items panel in VS Code (e2e)', function () {
  this.timeout(240_000);
  const PROFILE = 'e2e-webview';
  const id = 'ff80808197a1a3b50197a1b2c3d4e2e0';
  const items = Array.from({ length: 1200 }, (_, i) => ({ item: `host${i}.example.com.`, errorMessage: MESSAGES[i % 4]! }));
  let s: UiSession;

  /** The webview's own frame (for evaluating in it): the one showing this task. */
  async function panelFrame(): Promise<Frame> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      for (const frame of s.page.frames()) {
        const shown = await frame.evaluate(() => document.querySelector('.task-id')?.textContent).catch(() => undefined);
        if (shown === id) return frame;
      }
      await s.page.waitForTimeout(200);
    }
    throw new Error('the failed-items panel did not appear');
  }

  /** The fixture's setTheme (settings.json) is not always picked up here; the theme picker always is. */
  async function switchTheme(theme: 'light' | 'dark'): Promise<void> {
    const bodyClass = theme === 'light' ? 'vs' : 'vs-dark';
    if (await s.page.locator(`.monaco-workbench.${bodyClass}`).count()) return;
    // Ctrl+K Ctrl+T: the theme picker itself (the palette entry can resolve to the marketplace browser).
    await s.page.locator('.statusbar').click({ position: { x: 5, y: 5 } });
    await s.page.keyboard.press('Control+k');
    await s.page.keyboard.press('Control+t');
    await s.quickInput.waitOpen();
    const name = theme === 'light' ? 'Light Modern' : 'Dark Modern';
    await s.quickInput.fill(name);
    await s.quickInput.pick(name);
    await s.quickInput.waitClosed();
    await s.page.locator(`.monaco-workbench.${bodyClass}`).waitFor({ state: 'attached', timeout: 20_000 });
  }

  before(async function () {
    try {
      s = ui();
    } catch {
      this.skip(); // run through scripts/ui-tests.js, which starts the fixture
    }
    s.gateway.addTask({ id, type: 'import_recordset', status: 'DONE', createdAt: '2025-06-17 13:09:15', successCount: 2000, errorCount: items.length, errorItems: items });
    await s.signInSandbox(PROFILE);
  });

  after(async () => {
    if (!s) return;
    await s.signOutSandbox(PROFILE);
    s.gateway.removeTask(id);
  });

  it('shows the task, pages, filters and groups by clicking and typing; hostile text stays inert', async () => {
    await s.runCommand('Huawei DNS: Show Batch Task');
    await s.quickInput.message().filter({ hasText: /task/i }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await s.quickInput.submit(id);
    await s.quickInput.waitClosed();
    const frame = await panelFrame();
    const view = s.webviewFrame();
    await frame.waitForFunction(() => document.querySelector('.range')?.textContent === 'items 1–500 of 1,200');
    const first = await frame.$$eval('.canvas .row.item:not([hidden]) button.link', (b) => (b as unknown as BrowserElement[]).map((x) => x.textContent));
    assert.ok(first.includes('host0.example.com.') && first.includes('host3.example.com.'));
    const messages = await frame.$$eval('.canvas .row.item .col-message .message-text', (c) => (c as unknown as BrowserElement[]).map((x) => x.textContent));
    assert.ok(messages.includes(HOSTILE), 'hostile message shown as text');
    assert.equal(await frame.evaluate(() => window.__xss), undefined, 'no script ran in the webview');

    await view.getByRole('button', { name: 'Next page' }).click();
    await frame.waitForFunction(() => document.querySelector('.range')?.textContent === 'items 501–1,000 of 1,200');
    await view.getByRole('searchbox', { name: 'Filter by item or message' }).fill('invalid record');
    const expected = items.slice(500, 1000).filter((i) => i.errorMessage === MESSAGES[1]).length;
    await view.getByText(`${expected} of 500 match`).waitFor({ timeout: 10_000 });
    await view.getByRole('button', { name: 'Group by message' }).click();
    await frame.waitForSelector('.canvas .row.group');
    assert.equal(await frame.locator('.canvas .row.group:not([hidden])').count(), 1);
    await view.getByRole('button', { name: 'Group by message' }).click();
    await view.getByRole('searchbox', { name: 'Filter by item or message' }).fill('');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`looks right in the ${theme} theme (screenshot)`, async () => {
      await switchTheme(theme);
      await panelFrame();
      const file = await s.screenshot(`webview-panel-${theme}`);
      assert.ok(fs.statSync(file).size > 10_000);
    });
  }
});
