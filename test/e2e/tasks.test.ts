// The tasks sidebar as a person uses it: the packaged VSIX in code-server, driven through Chromium.
// "Huawei DNS: Show Batch Task" from the palette, type an id, see the task with its counts in the sidebar,
// expand it, see its failed items; screenshot to test-results/tasks-tree.png.
import * as assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { aTask, errorItems } from '../support/builders';
import { SANDBOX_CREDENTIALS, startFakeGateway, type FakeGateway } from '../support/fakeGateway';

interface CodeServer {
  url: string;
  workbenchUrl: (folder: string) => string;
  stop: () => Promise<void> | void;
}
interface Browser {
  page: Page;
  close: () => Promise<void>;
}

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
/* eslint-disable @typescript-eslint/no-require-imports */
const { startCodeServer } = require(path.join(ROOT, 'scripts/lib/codeServer.js')) as {
  startCodeServer: (o: { vsix?: string; env?: Record<string, string>; settings?: Record<string, unknown> }) => Promise<CodeServer>;
};
const { launchBrowser } = require(path.join(ROOT, 'scripts/lib/browser.js')) as { launchBrowser: () => Promise<Browser> };
const { assertToolsInstalled } = require(path.join(ROOT, 'scripts/lib/tools.js')) as { assertToolsInstalled: () => void };
/* eslint-enable @typescript-eslint/no-require-imports */

const RESULTS = path.join(ROOT, 'test-results');

/** The VSIX to install: E2E_VSIX when given (the harness builds it once), else packaged here. */
function vsixPath(): string {
  const given = process.env.E2E_VSIX;
  if (given && fs.existsSync(given)) return given;
  const out = path.join(RESULTS, 'e2e-tasks.vsix');
  // vsce directly (not `npm run package`): the base URLs keep README image checks from failing the run.
  const r = cp.spawnSync(
    'npx',
    ['vsce', 'package', '--no-dependencies', '--baseContentUrl', 'https://example.invalid/', '--baseImagesUrl', 'https://example.invalid/', '--out', out],
    { cwd: ROOT, encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** The palette lists extension commands only once the extension host registered them: retry, no fixed sleep. */
async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>' + title);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 3000 });
      await page.keyboard.press('Enter');
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (attempt >= 15) throw new Error(`command "${title}" not in the palette after ${attempt} attempts`);
      await page.waitForTimeout(1000);
    }
  }
}

describe('Tasks sidebar (UI e2e)', function () {
  this.timeout(300_000);
  let gw: FakeGateway;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workspace: string;

  before(async function () {
    try {
      assertToolsInstalled();
    } catch (e) {
      console.log(`    skipped: test tools not installed (${(e as Error).message.split('\n')[0]})`);
      this.skip();
    }
    fs.mkdirSync(RESULTS, { recursive: true });
    gw = await startFakeGateway();
    workspace = fs.mkdtempSync(path.join(RESULTS, 'ws-tasks-'));
    // Sandbox mode signs in with the environment's keys against the loopback gateway: no keyring in the test.
    server = await startCodeServer({
      vsix: vsixPath(),
      env: {
        HUAWEI_DNS_SANDBOX: '1',
        HUAWEI_DNS_SANDBOX_ENDPOINT: gw.url,
        HUAWEICLOUD_SDK_AK: SANDBOX_CREDENTIALS.accessKey,
        HUAWEICLOUD_SDK_SK: SANDBOX_CREDENTIALS.secretKey,
      },
    });
    browser = await launchBrowser();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) {
      await browser.page.screenshot({ path: path.join(RESULTS, 'tasks-tree-failure.png') }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await gw?.close();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('Show Batch Task from the palette puts the task in the sidebar with its counts and failed items', async () => {
    const page = browser!.page;
    await page.goto(server!.workbenchUrl(workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Opening the view activates the extension; sandbox mode then signs in ("sandbox" in the status bar).
    const container = page.locator('.activitybar .action-item a[aria-label^="DNS Batch Tasks"], .activitybar .action-label[aria-label^="DNS Batch Tasks"]').first();
    await container.click();
    const pane = page.locator('.pane', { hasText: 'Batch Tasks' });
    await page.locator('.statusbar-item', { hasText: 'sandbox' }).first().waitFor({ timeout: 60_000 });
    await pane.getByText('Track Recent Tasks').first().waitFor({ timeout: 30_000 });
    // Added only now, so the sandbox's automatic "track recent" (which found nothing) does not show it already.
    const task = aTask({ type: 'import_recordset', successCount: 1880, errorItems: errorItems(120) });
    gw.addTask(task);

    await runCommand(page, 'Huawei DNS: Show Batch Task');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('not an id');
    await page.locator('.quick-input-message', { hasText: 'No task id here' }).waitFor({ timeout: 10_000 });
    await input.fill(`https://console.example.com/dns/#/batch-operation-tasks/${task.id}`);
    await page.keyboard.press('Enter');

    const row = pane.locator('.monaco-list-row', { hasText: `Import record sets · ${task.id.slice(0, 8)}` });
    await row.waitFor({ timeout: 30_000 });
    assert.match((await row.textContent()) ?? '', /DONE · ✓1,880 ✗120/);

    await row.click();
    await pane.locator('.monaco-list-row', { hasText: 'host1.nw.' }).first().waitFor({ timeout: 30_000 });
    // For the screenshot: a sidebar wide enough for the counts, and the panel drawn beside it.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const x = sidebar.x + sidebar.width + 2;
      const y = sidebar.y + sidebar.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 260, y, { steps: 8 });
      await page.mouse.up();
    }
    await page
      .frameLocator('iframe.webview.ready')
      .frameLocator('#active-frame')
      .getByText('host1.nw.')
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(() => undefined);
    const shot = path.join(RESULTS, 'tasks-tree.png');
    await page.screenshot({ path: shot });
    assert.ok(fs.statSync(shot).size > 1000, 'screenshot written');
  });
});
