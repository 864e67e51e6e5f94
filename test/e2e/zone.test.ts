// From a failed item to its zone-file record, as a person does it (fixture: test/support/ui — code-server with
// the packaged VSIX, the fake gateway, Chromium, workspace test/fixtures/workspace): open the task's panel,
// click the item's link in the webview, and the editor shows example.com.zone at the record's line.
// Screenshot: test-results/screenshots/zone-reveal.png.
import * as assert from 'node:assert/strict';
import { aTask } from '../support/builders';
import { ui, useSandboxProfile } from '../support/ui';

const PROFILE = 'e2e-zone';

describe('Reveal in zone file from the webview (e2e)', function () {
  this.timeout(180_000);
  const task = aTask({
    type: 'import_recordset',
    successCount: 3,
    errorItems: [
      { item: 'api.example.com.', errorMessage: 'The CNAME record conflicts with other records.' },
      { item: 'missing.example.com.', errorMessage: 'Record set already exists.' },
    ],
  });

  useSandboxProfile(PROFILE, [task]);

  it('clicking a failed item opens the zone file at its record', async () => {
    const s = ui();
    await s.runCommand('Huawei DNS: Show Batch Task');
    await s.quickInput.submit(task.id);
    await s.quickInput.waitClosed();
    const link = s.webviewFrame().locator('button.link', { hasText: 'api.example.com.' }).first();
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    await link.click();
    // The editor tab for the zone file, with the cursor on line 16 (the `api` CNAME).
    await s.page.locator('.tab', { hasText: 'example.com.zone' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const status = s.page.locator('.statusbar-item', { hasText: /Ln 16, Col/ }).first();
    await status.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await status.innerText(), /Ln 16/);
    await s.screenshot('zone-reveal');
  });
});
