// Compare with Live Zone as a person uses it (fixture: test/support/ui — code-server with the packaged VSIX,
// the fake gateway serving the sandbox zone, Chromium, workspace test/fixtures/workspace): open example.com.zone,
// run the command from the palette, read the summary, the diff editor and the marks on the file's lines.
// Screenshots: test-results/screenshots/compare-diff.png, compare-marks.png.
import * as assert from 'node:assert/strict';
import { SANDBOX_COMPARE_SUMMARY } from '../support/fakeGateway';
import { ui, useSandboxProfile } from '../support/ui';

const PROFILE = 'e2e-compare';

describe('Compare with Live Zone (e2e)', function () {
  this.timeout(180_000);

  useSandboxProfile(PROFILE);

  it('shows the summary, a diff of the live zone against the file, and marks on the file\'s lines', async () => {
    const s = ui();
    const { page } = s;
    await s.runCommand('Go to File...');
    await s.quickInput.fill('example.com.zone');
    await s.quickInput.rows().filter({ hasText: 'example.com.zone' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await s.quickInput.waitClosed();
    await page.locator('.tab', { hasText: 'example.com.zone' }).first().waitFor({ state: 'visible', timeout: 30_000 });

    await s.runCommand('Huawei DNS: Compare with Live Zone');
    const toast = page.locator('.notification-toast', { hasText: SANDBOX_COMPARE_SUMMARY }).first();
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    const diff = page.locator('.monaco-diff-editor').first();
    await diff.waitFor({ state: 'visible', timeout: 30_000 });
    await diff.locator('.view-line', { hasText: '192.0.2.26' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await s.screenshot('compare-diff');

    // Back to the file: its lines carry the marks; the hover of a differing record shows the live value.
    await page.locator('.tab', { hasText: /^example\.com\.zone/ }).first().click();
    const editor = page.locator('.editor-instance .monaco-editor:not(.monaco-diff-editor .monaco-editor)').first();
    // The marks' words are CSS content (not DOM text): the screenshot shows them; the hover is DOM.
    const mailA = editor.locator('.view-line', { hasText: '192.0.2.25' }).first();
    await mailA.hover({ position: { x: 40, y: 8 } });
    const hover = page.locator('.monaco-hover', { hasText: '192.0.2.26' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await hover.innerText(), /differs from the live zone/);
    await s.screenshot('compare-marks');
  });
});
