// The pre-flight check as a person sees it (fixture: test/support/ui — code-server with the packaged VSIX,
// the fake gateway with the sandbox's tasks, Chromium, workspace test/fixtures/workspace): the grammar colours
// a zone file, the Problems panel lists its findings with their rule ids, and after "Show Failures in Zone
// Files" a failed record has a CodeLens and a "Why did this fail?" hover.
// Screenshots: test-results/screenshots/lint-problems.png, lint-hover.png.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { aTask } from '../support/builders';
import { ui, useSandboxProfile } from '../support/ui';

const PROFILE = 'e2e-lint';

// Browser globals used inside page.evaluate callbacks (the tests compile without the DOM library).
declare function getComputedStyle(element: unknown): { color: string };

/** Opens a workspace file by name through Quick Open and waits for its tab. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget:not(.quick-input-widget-closing) .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await input.press('Enter');
  await page.locator('.tab', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** The computed colour of the first editor token whose text is exactly `text` (Monaco renders spaces as U+00A0). */
async function tokenColour(page: Page, text: string): Promise<string> {
  const spans = page.locator('.monaco-editor .view-lines span span');
  await spans.first().waitFor({ state: 'visible', timeout: 15_000 });
  const colour: string = await spans.evaluateAll(
    (elements: unknown[], wanted: string) => {
      const hit = elements.find((e) => (e as { textContent: string }).textContent.replace(/\u00a0/g, ' ') === wanted);
      return hit ? getComputedStyle(hit).color : '';
    },
    text,
  );
  assert.ok(colour, `a token "${text}" is shown`);
  return colour;
}

describe('Pre-flight check in the editor (e2e)', function () {
  this.timeout(240_000);
  const task = aTask({
    type: 'create',
    successCount: 10,
    errorItems: [{ item: 'rs3.test250611.nw.', errorMessage: 'Invalid TTL, the value should be an integer from 1 to 2147483647.' }],
  });

  useSandboxProfile(PROFILE, [task]);

  it('colours a zone file and lists its findings in the Problems panel', async () => {
    const s = ui();
    await openFile(s.page, 'preflight.example.zone');
    const directive = await tokenColour(s.page, '$ORIGIN');
    const type = await tokenColour(s.page, 'HINFO');
    const owner = await tokenColour(s.page, 'alias');
    const ttl = await tokenColour(s.page, '3000000000');
    const comment = await tokenColour(s.page, '; huaweidns-ignore ttl-mixed');
    const colours = { directive, type, owner, ttl, comment };
    assert.equal(new Set(Object.values(colours)).size, 5, `five kinds of token in five colours: ${JSON.stringify(colours)}`);

    await s.page.keyboard.press('Control+Shift+M');
    const problems = s.page.locator('.markers-panel .monaco-list-row');
    await problems.filter({ hasText: 'unsupported-type' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const texts = await problems.allInnerTexts();
    for (const rule of ['unsupported-type', 'cname-conflict', 'ttl-range', 'txt-format', 'out-of-zone', 'rdata-format', 'duplicate']) {
      assert.ok(texts.some((t) => t.includes(rule) && t.includes('Huawei DNS')), `${rule} listed with source Huawei DNS:\n${texts.join('\n')}`);
    }
    assert.ok(!texts.some((t) => t.includes('ttl-mixed')), 'the ignore comment silences ttl-mixed');
    await s.screenshot('lint-problems');
    // Give the keyboard back to the editor (the palette does not open from the Problems tree's filter).
    await s.page.keyboard.press('Control+Shift+M');
    await s.page.locator('.monaco-editor .view-lines').first().click();
  });

  it('shows a CodeLens and a "Why did this fail?" hover on a failed record', async () => {
    const s = ui();
    // Track the task (its panel opens), then pick it for "Show Failures in Zone Files".
    await s.runCommand('Huawei DNS: Show Batch Task');
    await s.quickInput.submit(task.id);
    await s.quickInput.waitClosed();
    await s.runCommand('Huawei DNS: Show Failures in Zone Files');
    await s.quickInput.waitOpen();
    await s.quickInput.pick(task.id.slice(-8));
    await s.quickInput.waitClosed();
    await openFile(s.page, 'test250611.nw.zone');
    const lens = s.page.locator('.monaco-editor .codelens-decoration', { hasText: '✗ failed in Create record sets' }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await lens.innerText(), /The TTL is out of the range/);
    const line = s.page.locator('.monaco-editor .view-line', { hasText: /^rs3\s/ }).first();
    await line.locator('span span').first().hover();
    const hover = s.page.locator('.monaco-hover', { hasText: 'Why did this fail?' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await hover.innerText(), /TTL from 1 to 2147483647/);
    await s.screenshot('lint-hover');
  });
});
