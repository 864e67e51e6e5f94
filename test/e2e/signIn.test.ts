// Sign-in as a person does it, in Chromium against code-server with the packaged VSIX (fixture:
// test/support/ui): the command palette, the real input boxes (the secret typed into a password box), the fake
// gateway checking the signature, then the status-bar item. A wrong secret first: the reason is shown and only
// that field is asked again. Screenshots: test-results/screenshots/signin-*.png.
import * as assert from 'node:assert/strict';
import { ui, type UiSession } from '../support/ui';

const PROFILE = 'e2e-ops';

/** Waits until the quick input's prompt matches, then types the answer and presses Enter. */
async function answer(s: UiSession, prompt: RegExp, value: string): Promise<void> {
  await s.quickInput.message().filter({ hasText: prompt }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await s.quickInput.submit(value);
}

describe('Sign in through the UI (e2e)', function () {
  this.timeout(180_000);

  after(async () => {
    const s = ui();
    // Leave the shared session as found: sign this profile out through the palette.
    await s.runCommand('Huawei DNS: Sign Out…');
    await s.quickInput.waitOpen();
    await s.quickInput.pick(PROFILE);
    await s.quickInput.waitClosed().catch(() => undefined);
  });

  it('signs in with the input boxes, corrects a wrong secret alone, and shows the profile in the status bar', async () => {
    const s = ui();
    const { page, gateway, credentials } = s;
    try {
      await s.runCommand('Huawei DNS: Sign In with Access Key');
      await answer(s, /Profile name/, PROFILE);
      await s.quickInput.pick(/Custom endpoint/);
      await answer(s, /Endpoint URL/, gateway.url);
      await answer(s, /Access key ID/, credentials.accessKey);
      await s.quickInput.message().filter({ hasText: /Secret access key/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
      assert.equal(await s.quickInput.input().getAttribute('type'), 'password', 'the secret key goes into a password box');
      await s.quickInput.submit('wrong-secret-key-0000000000000000');
      await answer(s, /Security token/, '');
      await answer(s, /Project ID/, '');

      // Refused: the reason in plain words, the secret key suggested first; only that field is asked again.
      const suggestion = s.quickInput.rows().filter({ hasText: 'Correct the secret key' }).first();
      await suggestion.waitFor({ state: 'visible', timeout: 30_000 });
      await s.quickInput.widget().waitFor({ state: 'visible' });
      await page.waitForTimeout(300); // let the progress notification fade so the screenshot shows the choice
      await s.screenshot('signin-wrong-key');
      await suggestion.click();
      await s.quickInput.message().filter({ hasText: /Secret access key/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await s.quickInput.fill(credentials.secretKey);
      await page.keyboard.press('Enter');

      const host = new URL(gateway.url).host;
      const item = page.locator('.statusbar-item', { hasText: `${host} · ${PROFILE}` }).first();
      await item.waitFor({ state: 'visible', timeout: 30_000 });
      assert.ok(gateway.requests.some((r) => r.verified && r.query.limit === '1' && r.accessKey === credentials.accessKey), 'the keys were checked with a signed request');
      await s.screenshot('signin-statusbar');
    } catch (error) {
      await s.screenshot('signin-failure').catch(() => undefined);
      throw error;
    }
  });
});
