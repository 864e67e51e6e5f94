// Retry Failed Items as a person does it (fixture: test/support/ui — code-server with the packaged VSIX, the
// sandbox gateway, Chromium, workspace test/fixtures/workspace): open the sandbox's retry task, run the
// command, read the preview (counts, skipped items, the request body beside), choose Send, answer the modal
// confirmation, and see exactly one write reach the gateway. Screenshots: test-results/screenshots/
// retry-preview.png and retry-confirm.png.
import * as assert from 'node:assert/strict';
import { SANDBOX_TASK_IDS } from '../support/fakeGateway';
import { ui, useSandboxProfile } from '../support/ui';

const PROFILE = 'e2e-retry';

describe('Retry failed items: preview and confirmation (e2e)', function () {
  this.timeout(180_000);

  useSandboxProfile(PROFILE);

  it('shows the plan, asks once naming profile and counts, and sends exactly one write', async () => {
    const s = ui();
    const writesBefore = s.gateway.writes().length;
    await s.runCommand('Huawei DNS: Show Batch Task');
    await s.quickInput.submit(SANDBOX_TASK_IDS.retryDemo);
    await s.quickInput.waitClosed();
    await s.webviewFrame().locator('button.link', { hasText: 'www.shop.example.' }).first().waitFor({ state: 'visible', timeout: 30_000 });

    await s.runCommand('Huawei DNS: Retry Failed Items…');
    await s.quickInput.waitOpen(30_000);
    const widget = s.quickInput.widget();
    await widget.getByText('Retry failed items of 2d3e000b: 2 record sets to send, 5 skipped').waitFor({ state: 'visible', timeout: 30_000 });
    await s.quickInput.rows().filter({ hasText: 'still wrong in the zone file' }).first().waitFor({ state: 'visible' });
    // The exact request body, beside, read-only.
    await s.page.locator('.tab', { hasText: 'retry-2d3e000b.json' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await s.screenshot('retry-preview');
    assert.equal(s.gateway.writes().length, writesBefore, 'the preview sends nothing');

    await s.quickInput.fill('Send');
    await s.quickInput.pick(/Send 2 record sets/);
    const dialog = s.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await dialog.innerText(), new RegExp(`Create 2 record sets in 1 zone on .* · ${PROFILE}\\?`));
    assert.match(await dialog.innerText(), /shop\.example\.: 2/);
    await s.screenshot('retry-confirm');
    assert.equal(s.gateway.writes().length, writesBefore, 'nothing before the answer');
    await dialog.locator('.monaco-button', { hasText: 'Create' }).first().click();

    await s.page.locator('.notifications-toasts', { hasText: /a retry of 2d3e000b/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const writes = s.gateway.writes().slice(writesBefore);
    assert.equal(writes.length, 1);
    assert.deepEqual((JSON.parse(writes[0]!.body!) as { recordsets: { name: string }[] }).recordsets.map((r) => r.name), ['www.shop.example.', 'mail.shop.example.']);
  });
});
