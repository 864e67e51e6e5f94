// The tasks sidebar as a person uses it (fixture: test/support/ui — code-server with the packaged VSIX, the
// fake gateway, Chromium): "Huawei DNS: Show Batch Task" from the palette, a wrong entry refused as you type,
// a pasted URL accepted, the task in the sidebar with its counts, expanded to its failed items.
// Screenshot: test-results/screenshots/tasks-tree.png.
import * as assert from 'node:assert/strict';
import { aTask, errorItems } from '../support/builders';
import { ui } from '../support/ui';

const PROFILE = 'e2e-tasks';

describe('Tasks sidebar (e2e)', function () {
  this.timeout(180_000);
  const task = aTask({ type: 'import_recordset', successCount: 1880, errorItems: errorItems(120) });
  const label = `Import record sets · ${task.id.slice(-8)}`;

  before(async () => {
    const s = ui();
    s.gateway.addTask(task);
    await s.signInSandbox(PROFILE);
  });

  after(async () => {
    const s = ui();
    // Leave the shared session as found: untrack from the context menu, close the panel, sign the profile out.
    const row = s.treeRows().filter({ hasText: label }).first();
    if (await row.isVisible().catch(() => false)) {
      await row.click({ button: 'right' });
      await s.page.locator('.context-view .action-label', { hasText: /^Untrack$/ }).first().click().catch(() => undefined);
      await row.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    }
    await s.runCommand('View: Close All Editors').catch(() => undefined);
    await s.runCommand('Huawei DNS: Sign Out…');
    await s.quickInput.waitOpen();
    await s.quickInput.pick(PROFILE);
    await s.quickInput.waitClosed().catch(() => undefined);
    s.gateway.removeTask(task.id);
  });

  it('Show Batch Task from the palette puts the task in the sidebar with its counts and failed items', async () => {
    const s = ui();
    const { page } = s;
    await s.openTasksView();

    await s.runCommand('Huawei DNS: Show Batch Task');
    await s.quickInput.fill('not an id');
    await s.quickInput.message().filter({ hasText: 'No task id here' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    // What people paste: a console URL with the id somewhere inside.
    await s.quickInput.submit(`https://console.example.com/dns/#/batch-operation-tasks/${task.id}?tab=items`);
    await s.quickInput.waitClosed();

    const row = s.treeRows().filter({ hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /✗120 ✓1,880 · DONE/);

    await row.click();
    await s.treeRows().filter({ hasText: 'host1.nw.' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const texts = await s.treeRowTexts();
    const first = texts.find((t) => t.startsWith('host1.nw.'));
    assert.ok(first?.includes(task.errorItems[0]!.errorMessage.slice(0, 20)), `failed item with its message: ${first}`);

    // The panel Show Batch Task opened beside it; widen the sidebar so the counts show in the screenshot.
    await s.webviewFrame().getByText('host1.nw.').first().waitFor({ state: 'visible', timeout: 30_000 });
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const x = sidebar.x + sidebar.width + 2;
      const y = sidebar.y + sidebar.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 260, y, { steps: 8 });
      await page.mouse.up();
    }
    await s.screenshot('tasks-tree');
  });
});
