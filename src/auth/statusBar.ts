// "$(cloud) intl · ops-prod" in the status bar; click to switch profile. The tooltip shows the masked key. A
// read-only profile shows a lock and says so, so the person knows before trying a write why it will be refused.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { ProfileInfo } from './profiles';
import { maskAccessKey } from '../core/sites';
import { plainText } from '../shared/untrusted';

interface SessionView {
  readonly profile: ProfileInfo | undefined;
  readonly onDidChange: vscode.Event<ProfileInfo | undefined>;
  siteLabel(): string | undefined;
}

export class SessionStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('huaweiDns.profile', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: SessionView) {
    this.item.name = vscode.l10n.t('Huawei DNS Profile');
    this.subscription = session.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  /** Shows the profile as it is now (the read-only flag changes without a change of profile). */
  update(): void {
    const profile = this.session.profile;
    if (!profile) {
      this.item.text = `$(cloud) ${vscode.l10n.t('Huawei DNS: Signed Out')}`;
      this.item.tooltip = vscode.l10n.t('Sign in with an access key');
      this.item.command = Commands.signIn;
      return;
    }
    // The name comes from whoever signed in (automation, the environment) and the site from a custom
    // endpoint's host: `$(icon)` in either would render in the status bar.
    const site = plainText(this.session.siteLabel() ?? profile.site);
    const name = plainText(profile.name);
    const readOnly = profile.readOnly === true;
    this.item.text = `${readOnly ? '$(lock)' : '$(cloud)'} ${site} · ${name}`;
    this.item.tooltip = [
      vscode.l10n.t('Huawei DNS profile: {0}', name),
      ...(readOnly ? [vscode.l10n.t('Read-only: writes to DNS are refused (Huawei DNS: Toggle Read-Only Profile allows them)')] : []),
      vscode.l10n.t('Site: {0}', site),
      vscode.l10n.t('Access key: {0}', maskAccessKey(profile.accessKeyId)),
      vscode.l10n.t('Click to switch profile'),
    ].join('\n');
    this.item.command = Commands.switchProfile;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
