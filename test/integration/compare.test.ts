// Compare with the live zone inside a real VS Code, on the fixture workspace against the sandbox's live zone:
// the summary, the marks on the file's lines (and its $INCLUDE), the hover with the live value, the diff
// editor, and a task's items verified. Only GETs reach the gateway.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { CompareResult } from '../../src/compare';
import { SANDBOX_COMPARE_SUMMARY, SANDBOX_TASK_IDS, SANDBOX_ZONE_ID, sandboxTasks, sandboxZones } from '../support/fakeGateway';
import { waitFor, withGateway } from '../support/extensionApi';

function zoneUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'zones', ...rel.split('/'));
}

describe('Compare with Live Zone (integration)', function () {
  this.timeout(120_000);
  const gatewayOptions = { zones: sandboxZones(), tasks: sandboxTasks() };

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('compares the sandbox zone file: summary, marks on its lines and its include, the live value in the hover, a diff editor', async () => {
    await withGateway({ profile: 'compare-suite', gatewayOptions }, async ({ gateway, api }) => {
      const file = zoneUri('example.com.zone');
      await vscode.window.showTextDocument(file);
      const result = await vscode.commands.executeCommand<CompareResult>(Commands.compareWithLiveZone, file);
      assert.ok(result, 'the command resolves with the result');
      assert.equal(result.summary, SANDBOX_COMPARE_SUMMARY);
      assert.deepEqual(result.zones, [{ name: 'example.com.', id: SANDBOX_ZONE_ID }]);

      const marks = api.compare.decorations;
      assert.deepEqual(marks.linesOf(file.fsPath), { inSync: [9, 11, 12, 13, 14], differs: [15, 18], missingLive: [16, 17, 21] });
      assert.deepEqual(marks.linesOf(zoneUri('includes/hosts.example.com.db').fsPath), { inSync: [2, 3, 4], differs: [], missingLive: [] });
      assert.equal(marks.linesOf(zoneUri('includes/batch.example.com.db').fsPath).missingLive.length, 20);
      assert.match(marks.hoverAt(file.fsPath, 15) ?? '', /`192\.0\.2\.26`/);
      assert.match(marks.hoverAt(file.fsPath, 18) ?? '', /TTL/);

      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor is open');
      const live = await vscode.workspace.openTextDocument(tab.input.original);
      const normalised = await vscode.workspace.openTextDocument(tab.input.modified);
      assert.match(live.getText(), /^mail\t3600\tIN\tA\t192\.0\.2\.26$/m);
      assert.match(live.getText(), /^old\t3600\tIN\tA\t192\.0\.2\.200$/m);
      assert.match(normalised.getText(), /^mail\t3600\tIN\tA\t192\.0\.2\.25$/m);
      assert.match(normalised.getText(), /^api\t0\tIN\tCNAME\twww\.example\.com\.$/m);

      assert.ok(gateway.requests.length > 0);
      assert.deepEqual([...new Set(gateway.requests.map((r) => r.method))], ['GET'], 'a comparison only reads');
      assert.ok(gateway.requests.every((r) => r.verified));
    });
  });

  it('drops the marks of a file once it is edited', async () => {
    await withGateway({ profile: 'compare-suite', gatewayOptions }, async ({ api }) => {
      const file = zoneUri('example.com.zone');
      const editor = await vscode.window.showTextDocument(file);
      await vscode.commands.executeCommand(Commands.compareWithLiveZone, { uri: file, show: false });
      assert.equal(api.compare.decorations.linesOf(file.fsPath).inSync.length, 5);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '; edited\n'));
      assert.equal(api.compare.decorations.linesOf(file.fsPath).inSync.length, 0);
      // Revert acts on the active editor: make sure it is this one, and that the fixture is clean again
      // (a dirty copy left behind is counted by the next tests, and saved by any later Save All).
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(editor.document.isDirty, false, 'example.com.zone reverted');
    });
  });

  it('verifies just one task\'s failed items in the live zone', async () => {
    await withGateway({ profile: 'compare-suite', gatewayOptions }, async ({ gateway }) => {
      const result = await vscode.commands.executeCommand<CompareResult>(Commands.verifyInLiveZone, { taskId: SANDBOX_TASK_IDS.exampleCom, show: false });
      assert.ok(result);
      // www A/AAAA/TXT and mail MX in sync; api and _sip._tcp still missing; mail A and * differ; missing.example.com. is in no file.
      assert.deepEqual(result.counts, { inSync: 4, missingLive: 2, differ: 2, onlyLive: 0, inactive: 0 });
      assert.deepEqual(result.notInZoneFiles, ['missing.example.com.']);
      assert.deepEqual([...new Set(gateway.requests.map((r) => r.method))], ['GET']);
      assert.ok(gateway.requests.some((r) => r.query['search_mode'] === 'equal' && r.query['name'] === 'mail.example.com.'), 'few names are read one by one');
    });
  });

  it('huaweiDns.compare.ignoreTtl: a TTL alone no longer differs, in Compare and in Verify; an ignoreTtl argument wins', async () => {
    await withGateway({ profile: 'compare-suite', gatewayOptions }, async ({ api }) => {
      const config = vscode.workspace.getConfiguration('huaweiDns');
      const file = zoneUri('example.com.zone');
      try {
        await config.update('compare.ignoreTtl', true, vscode.ConfigurationTarget.Global);
        await waitFor(() => api.services.settings.get().compareIgnoreTtl, { message: 'the setting to be read' });
        const whole = await vscode.commands.executeCommand<CompareResult>(Commands.compareWithLiveZone, { uri: file, show: false });
        // * A (TTL 300 live, 3600 in the file) is in sync now; mail A still differs by its address.
        assert.deepEqual([whole?.counts.inSync, whole?.counts.differ], [9, 1]);
        assert.deepEqual(api.compare.decorations.linesOf(file.fsPath).differs, [15]);
        const verified = await vscode.commands.executeCommand<CompareResult>(Commands.verifyInLiveZone, { taskId: SANDBOX_TASK_IDS.exampleCom, show: false });
        assert.deepEqual(verified?.counts, { inSync: 5, missingLive: 2, differ: 1, onlyLive: 0, inactive: 0 });
        const told = await vscode.commands.executeCommand<CompareResult>(Commands.compareWithLiveZone, { uri: file, show: false, ignoreTtl: false });
        assert.equal(told?.summary, SANDBOX_COMPARE_SUMMARY, 'the argument overrides the setting');
      } finally {
        await config.update('compare.ignoreTtl', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor(() => !api.services.settings.get().compareIgnoreTtl, { message: 'the setting to be back' });
      const back = await vscode.commands.executeCommand<CompareResult>(Commands.compareWithLiveZone, { uri: file, show: false });
      assert.equal(back?.summary, SANDBOX_COMPARE_SUMMARY);
    });
  });

  it('says so when the account has no such zone', async () => {
    await withGateway({ profile: 'compare-suite', gatewayOptions: { zones: [] } }, async () => {
      const result = await vscode.commands.executeCommand<CompareResult>(Commands.compareWithLiveZone, { uri: zoneUri('example.com.zone'), show: false });
      assert.deepEqual(result?.zonesNotFound, ['example.com.']);
    });
  });
});
