// Zone files inside a real VS Code, on test/fixtures/workspace: reveal selects the record's line (relative
// owners, $ORIGIN, $INCLUDE), the quick pick for duplicates, and a task's failures in the Problems panel.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from '../../src/constants';
import { aTask } from '../support/builders';
import { getApi, waitFor, withGateway } from '../support/extensionApi';

function zoneUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'zones', ...rel.split('/'));
}

async function reveal(arg: unknown): Promise<string> {
  return (await vscode.commands.executeCommand<string>(Commands.revealInZoneFile, arg)) ?? 'undefined';
}

function selectedLine(): { file: string; line: number } {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is open');
  return { file: path.basename(editor.document.uri.fsPath), line: editor.selection.start.line + 1 };
}

describe('Zone files (integration)', function () {
  this.timeout(120_000);

  afterEach(async () => {
    (await getApi()).zones.revealOptions.autoPickFirst = false;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reveals a record with a relative owner under $ORIGIN', async () => {
    assert.equal(await reveal({ name: 'API.example.com' }), 'revealed');
    assert.deepEqual(selectedLine(), { file: 'example.com.zone', line: 16 });
    assert.equal(vscode.window.activeTextEditor?.document.lineAt(15).text.startsWith('api'), true);
  });

  it('reveals a record that comes from an $INCLUDE, and one in the large db.nw', async () => {
    assert.equal(await reveal({ name: 'sip.example.com.' }), 'revealed');
    assert.deepEqual(selectedLine(), { file: 'hosts.example.com.db', line: 2 });
    assert.equal(await reveal({ kind: 'failedItem', taskId: 't', item: 'host12345.nw.', errorMessage: 'x' }), 'revealed');
    assert.deepEqual(selectedLine(), { file: 'db.nw', line: 8 + 12345 });
  });

  it('offers a quick pick for a name with several records, the message\'s type first', async () => {
    (await getApi()).zones.revealOptions.autoPickFirst = true;
    assert.equal(await reveal({ name: 'www.example.com.', message: 'The TXT record is invalid' }), 'picked');
    assert.deepEqual(selectedLine(), { file: 'example.com.zone', line: 13 });
    assert.equal(await reveal({ name: 'www.example.com.', message: 'AAAA conflicts' }), 'picked');
    assert.deepEqual(selectedLine(), { file: 'example.com.zone', line: 12 });
  });

  it('says not-found for a name in no zone file', async () => {
    (await getApi()).zones.revealOptions.autoPickFirst = true; // also skips the not-found notification's buttons
    assert.equal(await reveal({ name: 'missing.example.com.' }), 'not-found');
  });

  it('marks a task\'s failures on their records and clears them on untrack', async () => {
    const task = aTask({
      type: 'import_recordset',
      errorItems: [
        { item: 'www.example.com.', errorMessage: 'The AAAA record is invalid' },
        { item: 'mail.example.com.', errorMessage: 'MX preference out of range' },
        { item: 'sip.example.com.', errorMessage: 'Record set already exists.' },
        { item: 'host5.nw.', errorMessage: 'Quota exceeded' },
        { item: 'missing.example.com.', errorMessage: 'Not here' },
      ],
    });
    await withGateway({ profile: 'zone-suite' }, async ({ gateway, api }) => {
      gateway.addTask(task);
      await api.tasks.model.track(task.id);
      try {
        await vscode.commands.executeCommand(Commands.showFailuresInZoneFiles, task.id);
        const ours = (uri: vscode.Uri): [number, string, unknown][] =>
          vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === task.id)
            // The server's words, then (after " — ") the explanation: cause and fix; or, for a record that now
            // passes the rule predicting its failure, "Fixed in the file since: " and the server's words.
            .map((d) => [d.range.start.line + 1, (d.message.split(' — ')[0] ?? '').replace(/^Fixed in the file since: /, ''), d.code]);
        assert.deepEqual(ours(zoneUri('example.com.zone')).sort(), [
          [12, 'The AAAA record is invalid', task.id],
          [14, 'MX preference out of range', task.id],
        ]);
        assert.deepEqual(ours(zoneUri('includes/hosts.example.com.db')), [[2, 'Record set already exists.', task.id]]);
        assert.deepEqual(ours(zoneUri('db.nw')), [[13, 'Quota exceeded', task.id]]);
        // Running again replaces, never duplicates.
        await vscode.commands.executeCommand(Commands.showFailuresInZoneFiles, { kind: 'task', taskId: task.id });
        assert.equal(ours(zoneUri('example.com.zone')).length, 2);
        await vscode.commands.executeCommand(Commands.untrackTask, task.id);
        await waitFor(() => ours(zoneUri('example.com.zone')).length === 0 && ours(zoneUri('db.nw')).length === 0, { message: 'diagnostics cleared on untrack' });
      } finally {
        await Promise.resolve(vscode.commands.executeCommand(Commands.untrackTask, task.id)).catch(() => undefined);
      }
    });
  });
});
