// The pre-flight check inside a real VS Code: findings in the Problems panel on the right lines (severity
// settings and ignore comments applied), quick fixes applied, a task's failures following an edit with the
// explanation, "fixed in the file since", CodeLens and hover, the check command, and the catalog updating one
// entry when a zone file is created or deleted.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, ZONE_LANGUAGE_ID } from '../../src/constants';
import type { CheckSummary } from '../../src/lint';
import { getApi, waitFor } from '../support/extensionApi';

function zoneUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'zones', ...rel.split('/'));
}

type Finding = [line: number, rule: string, severity: string];

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** Our lint diagnostics on a file: [1-based line, rule, severity], in line order. */
function findings(uri: vscode.Uri): Finding[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'object')
    .map((d): Finding => [d.range.start.line + 1, String((d.code as { value: string }).value), SEVERITY[d.severity] as string])
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

async function setLintRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('huaweiDns').update('lint.rules', rules, vscode.ConfigurationTarget.Global);
}

const PREFLIGHT: Finding[] = [
  [5, 'apex-ns', 'info'],
  [7, 'duplicate', 'warning'],
  [8, 'unsupported-type', 'error'],
  [9, 'cname-conflict', 'error'],
  [11, 'ttl-range', 'error'],
  [12, 'txt-format', 'error'],
  [16, 'out-of-zone', 'error'],
  [17, 'rdata-format', 'error'],
  [19, 'name-too-long', 'error'],
];

describe('Pre-flight check in the editor (integration)', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await setLintRules(undefined);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    // Edits stay in memory: revert every changed editor (untitled ones too) so closing asks nothing.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives zone files the dns-zone language and lists their findings on the right lines, ignore comments applied', async () => {
    const uri = zoneUri('preflight.example.zone');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, ZONE_LANGUAGE_ID);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => findings(uri).length === PREFLIGHT.length, { message: 'the findings of preflight.example.zone', timeoutMs: 30_000 });
    assert.deepEqual(findings(uri), PREFLIGHT, 'line 15 has "; huaweidns-ignore ttl-mixed"');
    const d = vscode.languages.getDiagnostics(uri).find((x) => x.range.start.line === 7 && x.source === DIAGNOSTIC_SOURCE);
    const code = d?.code as { value: string; target: vscode.Uri } | undefined;
    assert.ok(code?.target.path.endsWith('/README.md'), 'the rule id links to the README');
    assert.match(code!.target.fragment, /^L\d+$/, 'at the rule table row');
  });

  it('follows huaweiDns.lint.rules: "off" drops a rule, another severity replaces the rule\'s own', async () => {
    const uri = zoneUri('preflight.example.zone');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => findings(uri).length === PREFLIGHT.length, { message: 'the findings', timeoutMs: 30_000 });
    await setLintRules({ 'apex-ns': 'off', duplicate: 'error' });
    await waitFor(() => findings(uri).length === PREFLIGHT.length - 1, { message: 'apex-ns off' });
    assert.deepEqual(findings(uri).slice(0, 2), [[7, 'duplicate', 'error'], [8, 'unsupported-type', 'error']]);
  });

  it('applies the quick fixes: split a long TXT string, remove a duplicate, bring a TTL into range, make a target absolute', async () => {
    const api = await getApi();
    // No $TTL: a record that writes no TTL takes the previous record's (RFC 1035), else 300.
    const text = '$ORIGIN example.org.\n; no $TTL\nwww IN A 192.0.2.1\nwww IN A 192.0.2.1\nt IN TXT "' + 'y'.repeat(300) + '"\nmx IN MX 10 mail.example.org\nbig 3000000000 IN A 192.0.2.9\n\tIN A 192.0.2.8\n';
    // A file outside the workspace: saved and deleted at the end, so nothing asks to save and no fixture changes.
    const file = vscode.Uri.file(path.join(os.tmpdir(), `huaweidns-quickfix-${process.pid}-${Date.now()}.zone`));
    await vscode.workspace.fs.writeFile(file, Buffer.from(text));
    const doc = await vscode.workspace.openTextDocument(file);
    assert.equal(doc.languageId, ZONE_LANGUAGE_ID);
    await vscode.window.showTextDocument(doc);
    try {
    const rules = (): string[] => findings(doc.uri).map((f) => `${f[0]}:${f[1]}`);
    await waitFor(() => rules().length === 4, { message: 'four findings', timeoutMs: 30_000 });
    // Line 8 writes no TTL: it inherits line 7's (RFC 1035), and the fix writes one on it.
    assert.deepEqual(rules(), ['4:duplicate', '5:txt-format', '7:ttl-range', '8:ttl-range']);

    const applyFix = async (line: number, title: RegExp): Promise<void> => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, doc.lineAt(line - 1).range);
      const action = actions.find((a) => title.test(a.title));
      assert.ok(action?.edit, `a quick fix ${title} on line ${line} (got ${actions.map((a) => a.title).join(' | ')})`);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
    };
    await applyFix(5, /Split TXT/);
    assert.equal(doc.lineAt(4).text, `t IN TXT "${'y'.repeat(255)}" "${'y'.repeat(45)}"`);
    await applyFix(8, /Set the TTL to 2147483647/);
    assert.equal(doc.lineAt(7).text, '\t2147483647 IN A 192.0.2.8');
    await applyFix(7, /Set the TTL to 2147483647/);
    assert.equal(doc.lineAt(6).text, 'big 2147483647 IN A 192.0.2.9');
    await applyFix(6, /absolute/);
    assert.equal(doc.lineAt(5).text, 'mx IN MX 10 mail.example.org.');
    await waitFor(() => rules().join() === '4:duplicate', { message: 'only the duplicate left', timeoutMs: 30_000 });
    await applyFix(4, /Remove the duplicate/);
    assert.equal(doc.lineCount, 8, 'one line fewer');
    await waitFor(async () => (await api.lint.diagnostics.check(doc))?.count === 0, { message: 'no findings left', timeoutMs: 30_000 });
    } finally {
      await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('keeps a task\'s failures on their records through an edit, explains them, and says when the file fixed one', async () => {
    const api = await getApi();
    const problems = api.zones.problems;
    const uri = zoneUri('test250611.nw.zone');
    const taskId = 'ff8080829a0b1c2d019a0b1c2d3eedit';
    const doc = await vscode.workspace.openTextDocument(uri);
    /** 1-based line of the first line matching `re`. */
    const lineOf = (re: RegExp): number => {
      for (let l = 0; l < doc.lineCount; l++) if (re.test(doc.lineAt(l).text)) return l + 1;
      throw new Error(`no line matches ${re}`);
    };
    const original = doc.getText();
    const rs3 = lineOf(/^rs3\s/);
    const rs5 = lineOf(/^rs5\s/);
    try {
      await problems.publish(taskId, [
        { item: 'rs3.test250611.nw.', errorMessage: 'Invalid TTL, the value should be an integer from 1 to 2147483647.' },
        { item: 'rs5.test250611.nw.', errorMessage: "Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'." },
      ]);
      const failures = (): [number, string][] =>
        vscode.languages.getDiagnostics(uri).filter((d) => d.code === taskId).map((d): [number, string] => [d.range.start.line + 1, d.message]).sort((a, b) => a[0] - b[0]);
      assert.deepEqual(failures().map((f) => f[0]), [rs3, rs5], 'each on its record (rs3 has TTL 0, rs5 the type HINFO)');
      assert.match(failures()[0]![1], /^Invalid TTL.* — The TTL is out of the range/);

      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), '; two lines\n; inserted above\n'));
      await waitFor(async () => {
        await problems.settled();
        return failures()[0]?.[0] === rs3 + 2;
      }, { message: 'the failures moved down two lines', timeoutMs: 30_000 });
      assert.deepEqual(failures().map((f) => f[0]), [rs3 + 2, rs5 + 2]);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const lens = lenses.find((l) => l.range.start.line === rs3 + 1 && l.command?.title.includes('failed in'));
      assert.match(lens?.command?.title ?? '', /^✗ failed in .*eedit: The TTL is out of the range/, lenses.map((l) => l.command?.title).join('\n'));
      assert.equal(lens?.command?.command, Commands.showFailedItems);
      assert.deepEqual(lens?.command?.arguments, [{ taskId, item: 'rs3.test250611.nw.' }]);

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(rs3 + 1, 2));
      // Markdown as sent: our own words escaped too, so drop the backslashes before matching.
      const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
      assert.match(hoverText, /Why did this fail\?/);
      assert.match(hoverText, /TTL from 1 to 2147483647/);

      // Fix the TTL in the file: the failure stays (the task did fail) but says the file has fixed it since.
      await editor.edit((e) => e.replace(doc.lineAt(rs3 + 1).range, 'rs3\t300\tIN\tA\t198.51.100.3'));
      await waitFor(async () => {
        await problems.settled();
        return failures()[0]?.[1].startsWith('Fixed in the file since');
      }, { message: '"fixed in the file since"', timeoutMs: 30_000 });
      assert.match(failures()[1]![1], /^Attribute 'type' is invalid/, 'the HINFO record still fails');
    } finally {
      problems.clear(taskId);
      // Back to the file as it is on disk (saving the same text changes nothing), so no later close asks to save.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
      await doc.save();
    }
  });

  it('checks an $INCLUDEd file opened alone as part of the zone that includes it', async () => {
    const api = await getApi();
    const uri = zoneUri('includes/hosts.example.com.db');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    // Alone, its origin would be guessed from its name (hosts.example.com.) and backup.example.com. would be
    // out of that zone; example.com.zone includes it under example.com.
    await waitFor(async () => (await api.lint.diagnostics.check(doc)) !== undefined, { message: 'the included file is checked', timeoutMs: 30_000 });
    assert.deepEqual(findings(uri), []);
    // Unsaved edits count: a CNAME beside example.com.zone's own ftp A, and a name outside example.com.
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), 'ftp\tIN\tCNAME\twww\nevil.example.org.\tIN\tA\t192.0.2.9\n'));
    await waitFor(() => findings(uri).length === 2, { message: 'the findings of the edit', timeoutMs: 30_000 });
    assert.deepEqual(findings(uri), [[5, 'cname-conflict', 'error'], [6, 'out-of-zone', 'error']]);
    assert.deepEqual(findings(zoneUri('example.com.zone')).filter((f) => f[1] === 'cname-conflict'), [], 'the includer is not marked from here');
    const summary = await vscode.commands.executeCommand<CheckSummary>(Commands.checkZoneFile, uri);
    assert.equal(summary?.includedBy, zoneUri('example.com.zone').fsPath);
    assert.deepEqual(summary?.byRule, { 'cname-conflict': 1, 'out-of-zone': 1 });
  });

  it('sums a file up before import: record sets, findings by rule, tasks needed', async () => {
    const summary = await vscode.commands.executeCommand<CheckSummary>(Commands.checkZoneFile, zoneUri('preflight.example.zone'));
    assert.ok(summary);
    assert.equal(summary.tasks, 1);
    assert.equal(summary.findings, PREFLIGHT.length);
    assert.deepEqual(summary.byRule, Object.fromEntries(PREFLIGHT.map((f) => [f[1], 1])));
    assert.ok(summary.recordSets >= 10, `${summary.recordSets} record sets`);
  });

  it('adds a created zone file to the catalog and drops a deleted one, without re-indexing the others', async () => {
    const api = await getApi();
    const catalog = api.zones.catalog;
    const other = zoneUri('example.com.zone');
    const before = catalog.index(other);
    await before;
    const created = zoneUri('created.example.net.zone');
    try {
      await vscode.workspace.fs.writeFile(created, Buffer.from('$ORIGIN example.net.\nfresh IN A 192.0.2.77\n'));
      await waitFor(async () => (await catalog.lookup('fresh.example.net.')).length === 1, { message: 'the new file is looked up' });
      assert.equal(catalog.index(other), before, 'example.com.zone was not indexed again');
    } finally {
      await vscode.workspace.fs.delete(created);
    }
    await waitFor(async () => (await catalog.lookup('fresh.example.net.')).length === 0, { message: 'the deleted file is gone' });
    assert.equal(catalog.index(other), before, 'still the same index');
  });
});
