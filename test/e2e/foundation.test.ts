// What a person sees first: the "DNS Batch Tasks" activity-bar item opens the Batch Tasks view, which,
// signed out, shows its welcome text with the Sign In button. Runs against the packaged VSIX.
import * as assert from 'node:assert/strict';
import { ui } from '../support/ui';

describe('Foundation (UI)', function () {
  this.timeout(120_000);

  it('shows the Batch Tasks view with its signed-out welcome in the activity-bar container', async () => {
    const s = ui();
    await s.openTasksView();
    const welcome = s.welcomeView();
    await welcome.waitFor({ state: 'visible', timeout: 30_000 });
    const signIn = welcome.getByRole('button', { name: /Sign In/ });
    await signIn.first().waitFor({ state: 'visible' });
    assert.match(await welcome.innerText(), /Huawei Cloud DNS batch operation tasks/);
    assert.equal(await s.treeRows().count(), 0, 'no task rows while signed out');
    await s.screenshot('foundation-signed-out-welcome');
  });

  it('lists the extension commands in the palette under the "Huawei DNS" category', async () => {
    const s = ui();
    await s.page.keyboard.press('F1');
    await s.quickInput.waitOpen();
    await s.quickInput.fill('>Huawei DNS: Show Logs');
    await s.quickInput.rows().filter({ hasText: 'Huawei DNS: Show Logs' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await s.quickInput.escape();
    await s.quickInput.waitClosed();
  });
});
