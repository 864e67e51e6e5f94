// The words shown when SecretStorage fails (see secrets.ts), with the fix and the session-only offer.
import * as vscode from 'vscode';
import type { SecretStoreUi } from './secrets';

export const KEYRING_HELP_URL = 'https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues';

function explain(): string {
  return vscode.l10n.t(
    'VS Code could not save your secret key in the system keyring (on Linux this usually means no keyring service such as GNOME Keyring or KWallet is running). Start or install a keyring, or set a password store for VS Code, then sign in again. Until then the keys can be kept in memory for this session only; they are forgotten when the window closes and never written to disk.',
  );
}

export function createSecretStoreUi(): SecretStoreUi {
  const keep = vscode.l10n.t('Keep for This Session Only');
  const help = vscode.l10n.t('How to Fix');
  const openHelp = () => void vscode.env.openExternal(vscode.Uri.parse(KEYRING_HELP_URL));
  return {
    async askSessionOnly() {
      const choice = await vscode.window.showWarningMessage(explain(), { modal: true }, keep, help);
      if (choice === help) openHelp();
      return choice === keep;
    },
    notifyUnreadable() {
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t(
            'VS Code could not read your saved keys from the system keyring, so Huawei DNS is signed out. Fix the keyring (see How to Fix), or sign in again and keep the keys for this session only.',
          ),
          help,
        )
        .then((choice) => {
          if (choice === help) openHelp();
        });
    },
    notifySessionOnly() {
      void vscode.window
        .showWarningMessage(`${explain()} ${vscode.l10n.t('Your keys are kept for this session only.')}`, help)
        .then((choice) => {
          if (choice === help) openHelp();
        });
    },
  };
}
