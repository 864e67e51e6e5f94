// The UI end-to-end fixture: code-server with the packaged VSIX installed, the fake gateway (sandbox
// scenario) and a Chromium page, shared by every test/e2e/*.test.ts. Started once by the root hooks in
// ./hooks.ts (scripts/ui-tests.js loads them); tests call `ui()` to get the session.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { SANDBOX_CREDENTIALS, sandboxTasks, sandboxZones, startFakeGateway, type FakeGateway, type FakeTask } from '../fakeGateway';
import { ROOT, harness, type CodeServer } from './harness';

export const WORKSPACE = path.join(ROOT, 'test/fixtures/workspace');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');
export const DEFAULT_VSIX = path.join(ROOT, 'dist-vsix/dns-batch-tasks.vsix');
/** The activity-bar container's title (package.nls.json viewsContainers.batchTasks). */
export const CONTAINER_TITLE = 'DNS Batch Tasks';

export type Theme = 'light' | 'dark';
const THEMES: Record<Theme, { setting: string; bodyClass: string }> = {
  light: { setting: 'Default Light Modern', bodyClass: 'vs' },
  dark: { setting: 'Default Dark Modern', bodyClass: 'vs-dark' },
};

export interface UiSession {
  readonly page: Page;
  readonly gateway: FakeGateway;
  readonly gatewayUrl: string;
  readonly credentials: { readonly accessKey: string; readonly secretKey: string };
  readonly workspace: string;
  readonly server: CodeServer;
  /** Run a command palette entry by its full title, e.g. "Huawei DNS: Show Logs". Retries until listed. */
  runCommand(title: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Click the "DNS Batch Tasks" activity-bar item (if its view is not already showing). */
  openTasksView(): Promise<void>;
  /** Rows of the Batch Tasks tree (empty while the welcome view shows). */
  treeRows(): Locator;
  /** Visible text of every tree row, in order. */
  treeRowTexts(): Promise<string[]>;
  /** The welcome content of the tasks view (signed out / no tasks). */
  welcomeView(): Locator;
  /** Content of the active webview panel: two iframes deep. */
  webviewFrame(): FrameLocator;
  readonly quickInput: QuickInput;
  /** Save a PNG under test-results/screenshots/<name>.png; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Switch the color theme through user settings and wait until the workbench shows it. */
  setTheme(theme: Theme): Promise<void>;
  /** Merge user settings (e.g. huaweiDns.*) into settings.json; the workbench picks the change up. */
  updateSettings(settings: Record<string, unknown>): Promise<void>;
  /** Sign in through the real Sign In flow (quick inputs) against the fake gateway with sandbox keys. */
  signInSandbox(profileName?: string): Promise<void>;
  /** Best effort, for after() hooks: close every editor and sign the profile out, whatever state a failed test left. */
  signOutSandbox(profileName: string): Promise<void>;
  /** Reload the workbench and wait until it is ready. */
  reload(): Promise<void>;
}

export interface QuickInput {
  widget(): Locator;
  input(): Locator;
  /** The rows currently listed. */
  rows(): Locator;
  /** The prompt / validation message under the input. */
  message(): Locator;
  waitOpen(timeoutMs?: number): Promise<void>;
  waitClosed(timeoutMs?: number): Promise<void>;
  /** Replace the input's text (does not submit). */
  fill(text: string): Promise<void>;
  /** Type `text` and press Enter. */
  submit(text: string): Promise<void>;
  /** Click the row whose label contains `label`. */
  pick(label: string | RegExp): Promise<void>;
  escape(): Promise<void>;
}

let current: UiSession | undefined;

/** The running session; throws when the root hooks did not start it. */
export function ui(): UiSession {
  if (!current) throw new Error('UI session not started: run through scripts/ui-tests.js (or mocha --require out/test/support/ui/hooks.js)');
  return current;
}

/**
 * For a suite: before it, the suite's own tasks are put on the gateway and `profileName` is signed in through
 * the real flow; after it, the profile is signed out (best effort) and the tasks removed.
 */
export function useSandboxProfile(profileName: string, tasks: readonly FakeTask[] = []): void {
  before(async () => {
    const s = ui();
    for (const task of tasks) s.gateway.addTask(task);
    await s.signInSandbox(profileName);
  });
  after(async () => {
    const s = ui();
    await s.signOutSandbox(profileName);
    for (const task of tasks) s.gateway.removeTask(task.id);
  });
}

async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
  await page.locator('.activitybar').waitFor({ state: 'visible', timeout: 90_000 });
}

function makeQuickInput(page: Page): QuickInput {
  // While it animates closed the widget is still displayed but `inert` (class quick-input-widget-closing):
  // never treat that one as open, or typing into it fails with "element is inert".
  const widget = () => page.locator('.quick-input-widget:not(.quick-input-widget-closing)');
  const input = () => widget().locator('.quick-input-box input');
  return {
    widget,
    input,
    rows: () => widget().locator('.monaco-list-row'),
    message: () => widget().locator('.quick-input-message'),
    waitOpen: (timeoutMs = 10_000) => widget().waitFor({ state: 'visible', timeout: timeoutMs }),
    waitClosed: (timeoutMs = 10_000) => page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs }),
    fill: async (text) => {
      await input().fill(text);
    },
    submit: async (text) => {
      await input().fill(text);
      await input().press('Enter');
    },
    pick: async (label) => {
      await widget().locator('.monaco-list-row', { hasText: label }).first().click();
    },
    escape: async () => {
      await page.keyboard.press('Escape');
    },
  };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Close what a previous step may have left open (quick input, modal dialog), so the next step starts clean. */
async function closeOverlays(page: Page, quickInput: QuickInput): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const dialog = await page.locator('.monaco-dialog-box').isVisible().catch(() => false);
    const open = await quickInput.widget().isVisible().catch(() => false);
    if (!dialog && !open) break;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
  }
  await quickInput.waitClosed(5_000).catch(() => undefined);
}

/** settings.json as it is now (VS Code writes it too, e.g. from the theme picker), merged with `extra`. */
function mergeUserSettings(userDataDir: string, extra: Record<string, unknown>): Record<string, unknown> {
  let now: Record<string, unknown> = {};
  try {
    now = JSON.parse(fs.readFileSync(path.join(userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    now = {}; // JSONC with comments or missing: start from ours
  }
  return { ...now, ...extra };
}

async function startSession(): Promise<UiSession> {
  const vsix = process.env.DNS_BATCH_TASKS_VSIX || DEFAULT_VSIX;
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} missing: run scripts/ui-tests.js (it packages the VSIX first)`);
  fs.mkdirSync(WORKSPACE, { recursive: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const gateway = await startFakeGateway({ tasks: sandboxTasks(), zones: sandboxZones() });
  // Failure screenshots of an earlier run would mislead: only this run's stay.
  for (const f of fs.readdirSync(SCREENSHOT_DIR)) if (f.startsWith('FAILED-')) fs.rmSync(path.join(SCREENSHOT_DIR, f), { force: true });

  const server = await harness.codeServer.startCodeServer({
    vsix,
    settings: { 'workbench.colorTheme': THEMES.dark.setting },
    env: { DNS_BATCH_TASKS_UI_TEST: '1' },
    verbose: process.env.DNS_BATCH_TASKS_VERBOSE === '1',
  });
  const browser = await harness.browser.launchBrowser();
  const { page } = browser;
  page.setDefaultTimeout(30_000);
  await page.goto(server.workbenchUrl(WORKSPACE));
  await waitForWorkbench(page);

  const quickInput = makeQuickInput(page);
  const sidebar = () => page.locator('.part.sidebar');
  const treeRows = () => sidebar().locator('.monaco-list-row');

  const session: UiSession = {
    page,
    gateway,
    gatewayUrl: gateway.url,
    credentials: SANDBOX_CREDENTIALS,
    workspace: WORKSPACE,
    server,

    async runCommand(title, { timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      // Right after load the palette may not list the extension's commands yet: reopen until it does. A key
      // pressed while a webview that has just opened takes focus can be lost: the palette then never opens,
      // and F1 is pressed again.
      for (let attempt = 1; ; attempt++) {
        await closeOverlays(page, quickInput);
        await page.keyboard.press('F1');
        try {
          await quickInput.waitOpen(Math.min(5_000, Math.max(1_000, deadline - Date.now())));
        } catch (e) {
          if (Date.now() >= deadline) throw new Error(`the command palette did not open after ${attempt} presses of F1: ${String(e)}`);
          continue;
        }
        await quickInput.fill(`>${title}`);
        // The exact label, clicked: Enter would run whichever row is highlighted, and fuzzy matching can put
        // another command first ("Browse Color Themes in Marketplace" above "Color Theme").
        // A title given without its trailing ellipsis ("Sign In with Access Key") still matches "…Key…".
        const exact = new RegExp(`^\\s*${escapeRegExp(title.replace(/(…|\.\.\.)$/, ''))}(…|\\.\\.\\.)?\\s*$`);
        const row = quickInput.rows().filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
        try {
          await row.waitFor({ state: 'visible', timeout: Math.min(3_000, Math.max(500, deadline - Date.now())) });
          await row.click();
          return;
        } catch (e) {
          await page.keyboard.press('Escape');
          if (Date.now() >= deadline) throw new Error(`command "${title}" not in the palette after ${attempt} attempts: ${String(e)}`);
          await page.waitForTimeout(500);
        }
      }
    },

    async openTasksView() {
      const item = page.locator('.activitybar .action-item', { has: page.locator(`[aria-label^="${CONTAINER_TITLE}"]`) }).first();
      const fallback = page.locator(`.activitybar [aria-label^="${CONTAINER_TITLE}"]`).first();
      const target = (await item.count()) > 0 ? item : fallback;
      await target.waitFor({ state: 'visible', timeout: 60_000 });
      const title = sidebar().locator('.composite.title');
      const showing = (await sidebar().isVisible()) && (await title.textContent())?.toUpperCase().includes(CONTAINER_TITLE.toUpperCase());
      if (!showing) await target.click();
      // With a single view the pane header is hidden; the sidebar title names the container instead.
      await sidebar().locator('.composite.title', { hasText: new RegExp(CONTAINER_TITLE, 'i') }).waitFor({ state: 'visible', timeout: 30_000 });
      await sidebar().locator('.pane-body').first().waitFor({ state: 'visible', timeout: 30_000 });
    },

    treeRows,
    async treeRowTexts() {
      return (await treeRows().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    },
    welcomeView: () => sidebar().locator('.welcome-view-content'),
    webviewFrame: () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame'),
    quickInput,

    async screenshot(name) {
      const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file });
      return file;
    },

    async updateSettings(settings) {
      harness.codeServer.writeUserSettings(server.userDataDir, mergeUserSettings(server.userDataDir, settings));
      await page.waitForTimeout(300); // the file watcher debounces; callers then wait for what they expect
    },

    async setTheme(theme) {
      const shown = page.locator(`.monaco-workbench.${THEMES[theme].bodyClass}`);
      if ((await shown.count()) > 0) return;
      await session.updateSettings({ 'workbench.colorTheme': THEMES[theme].setting });
      try {
        await shown.waitFor({ state: 'attached', timeout: 8_000 });
      } catch {
        // The settings watcher missed the write: the theme picker always works.
        await closeOverlays(page, quickInput);
        await session.runCommand('Preferences: Color Theme');
        await quickInput.fill(THEMES[theme].setting.replace(/^Default /, ''));
        await quickInput.pick(THEMES[theme].setting.replace(/^Default /, ''));
        await shown.waitFor({ state: 'attached', timeout: 20_000 });
      }
    },

    async signInSandbox(profileName = 'ui-sandbox') {
      // Step by step, waiting for each prompt: answering whatever shows could type into the palette while it
      // hands over to the first input box.
      const answer = async (prompt: RegExp, value: string) => {
        await quickInput.message().filter({ hasText: prompt }).first().waitFor({ state: 'visible', timeout: 15_000 });
        await quickInput.submit(value);
      };
      try {
        await session.runCommand('Huawei DNS: Sign In with Access Key');
        await answer(/Profile name/, profileName);
        await quickInput.pick(/Custom endpoint/);
        await answer(/Endpoint URL/, gateway.url);
        await answer(/Access key ID/, SANDBOX_CREDENTIALS.accessKey);
        await answer(/Secret access key/, SANDBOX_CREDENTIALS.secretKey);
        await answer(/Security token/, '');
        await answer(/Project ID/, '');
        const host = new URL(gateway.url).host;
        await page.locator('.statusbar-item', { hasText: `${host} · ${profileName}` }).first().waitFor({ state: 'visible', timeout: 30_000 });
        await quickInput.waitClosed();
      } catch (error) {
        // A before() hook that fails gets no per-test screenshot: take one here.
        await session.screenshot(`FAILED-sign-in-${profileName}`).catch(() => undefined);
        throw error;
      }
    },

    async signOutSandbox(profileName) {
      await page.keyboard.press('Escape').catch(() => undefined);
      await session.runCommand('View: Close All Editors').catch(() => undefined);
      await session.runCommand('Huawei DNS: Sign Out…').catch(() => undefined);
      await quickInput.waitOpen().catch(() => undefined);
      await quickInput.pick(profileName).catch(() => undefined);
      await quickInput.waitClosed().catch(() => undefined);
    },

    async reload() {
      await page.reload();
      await waitForWorkbench(page);
    },
  };

  const stop = async (): Promise<void> => {
    await browser.close();
    await server.stop();
    await gateway.close();
  };
  stopSession = stop;
  return session;
}

let stopSession: (() => Promise<void>) | undefined;

/** Root hooks (mocha `rootHooks`): one session for all e2e files, a screenshot of every failure. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(180_000);
    harness.procs.installHandlers();
    current = await startSession();
  },
  async afterEach(this: Mocha.Context): Promise<void> {
    const test = this.currentTest;
    if (current && test && test.state === 'failed') {
      const file = await current.screenshot(`FAILED-${test.fullTitle()}`).catch(() => undefined);
      if (file) console.log(`      screenshot: ${path.relative(ROOT, file)}`);
    }
    // A test that failed half-way may leave a quick input or dialog open: the next test starts clean.
    if (current) await closeOverlays(current.page, current.quickInput).catch(() => undefined);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    const stop = stopSession;
    current = undefined;
    stopSession = undefined;
    if (stop) await stop();
  },
};
