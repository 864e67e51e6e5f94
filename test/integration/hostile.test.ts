// Hostile strings inside a real VS Code: server text, item names and zone-file lines never reach a
// notification, a quick pick or a diagnostic as a clickable `command:` link (issue #14, item 1). The
// notification functions are wrapped for the test so their messages can be read; the wrapper records and
// answers "dismissed".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from '../../src/constants';
import { aTask } from '../support/builders';
import { getApi, withGateway } from '../support/extensionApi';

// The regular expression VS Code uses to find links in a notification message (base/common/linkedText.ts).
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const LINK = '[Open settings](command:workbench.action.openSettings)';

type Shown = { kind: string; message: string };
type Notify = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/** Records every notification shown while `fn` runs; each is answered as if dismissed. */
async function captureNotifications<T>(fn: (shown: Shown[]) => Promise<T>): Promise<T> {
  const w = vscode.window as unknown as Record<string, Notify>;
  const kinds = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;
  const originals = kinds.map((k) => w[k]!);
  const shown: Shown[] = [];
  for (const k of kinds) {
    w[k] = (message: string) => {
      shown.push({ kind: k, message });
      return Promise.resolve(undefined);
    };
  }
  try {
    return await fn(shown);
  } finally {
    kinds.forEach((k, i) => (w[k] = originals[i]!));
  }
}

function assertNoLink(texts: readonly string[]): void {
  assert.ok(texts.length > 0, 'something was shown');
  for (const t of texts) assert.doesNotMatch(t, NOTIFICATION_LINK, t);
}

describe('Hostile strings (integration)', function () {
  this.timeout(120_000);

  afterEach(async () => {
    (await getApi()).zones.revealOptions.autoPickFirst = false;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a failed item named like a command link is not a link in "not found in any zone file"', async () => {
    await captureNotifications(async (shown) => {
      const name = `${LINK}.example.com.`;
      assert.equal(await vscode.commands.executeCommand(Commands.revealInZoneFile, { name }), 'not-found');
      assertNoLink(shown.map((s) => s.message));
      assert.ok(shown.some((s) => s.message.includes('[Open settings] (command:workbench.action.openSettings)')), 'the name is shown, inert');
    });
  });

  it('server messages become inert diagnostics, and unmatched names an inert summary', async () => {
    const task = aTask({
      type: 'import_recordset',
      errorItems: [
        { item: 'www.example.com.', errorMessage: `The AAAA record is invalid\n\n${LINK}` },
        { item: `${LINK}.example.com.`, errorMessage: 'Not here' },
      ],
    });
    await withGateway({ profile: 'hostile-suite' }, async ({ gateway, api }) => {
      gateway.addTask(task);
      await api.tasks.model.track(task.id);
      try {
        await captureNotifications(async (shown) => {
          await vscode.commands.executeCommand(Commands.showFailuresInZoneFiles, task.id);
          assertNoLink(shown.map((s) => s.message));
        });
        const folder = vscode.workspace.workspaceFolders![0]!;
        const diagnostics = vscode.languages
          .getDiagnostics(vscode.Uri.joinPath(folder.uri, 'zones', 'example.com.zone'))
          .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === task.id);
        assert.equal(diagnostics.length, 1);
        // The server's words (the mark may add "Fixed in the file since: " before, the explanation after " — ").
        const said = diagnostics[0]!.message.replace(/^Fixed in the file since: /, '').split(' — ')[0];
        assert.equal(said, 'The AAAA record is invalid [Open settings] (command:workbench.action.openSettings)');
      } finally {
        await Promise.resolve(vscode.commands.executeCommand(Commands.untrackTask, task.id)).catch(() => undefined);
      }
    });
  });

  it('a gateway error_msg holding a command link is inert in the error notification', async () => {
    await withGateway({ profile: 'hostile-suite' }, async ({ gateway }) => {
      const id = 'ff8080829' + 'a'.repeat(23);
      gateway.enqueue(new RegExp(id), { status: 400, body: { error_code: 'DNS.0001', error_msg: `Bad request ${LINK}` } });
      await captureNotifications(async (shown) => {
        await vscode.commands.executeCommand(Commands.trackTask, id);
        const errors = shown.filter((s) => s.kind === 'showErrorMessage').map((s) => s.message);
        assertNoLink(errors);
        assert.ok(errors.some((m) => m.includes('Bad request [Open settings] (command:')), errors.join(' | '));
      });
      await Promise.resolve(vscode.commands.executeCommand(Commands.untrackTask, id)).catch(() => undefined);
    });
  });
});
