// Both ends in the sample workspace (test/fixtures/workspace, the `npm start` sandbox): every failure of a
// sandbox task whose cause a pre-flight rule predicts lands, with Show Failures in Zone Files, on a line where
// the check shows that rule's finding — in the real VS Code, through the catalog's worker and the Problems panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../src/constants';
import { explainFailure, type LintRule } from '../../src/core';
import { SANDBOX_NOT_IN_ZONE_FILES, SANDBOX_TASK_IDS, sandboxTasks } from '../support/fakeGateway';
import { getApi } from '../support/extensionApi';

const tasks = sandboxTasks();
const taskById = (id: string) => {
  const t = tasks.find((x) => x.id === id);
  assert.ok(t, id);
  return t;
};
const deliberatelyMissing = new Set(SANDBOX_NOT_IN_ZONE_FILES.map((m) => m.item));

/** The rule that predicts a failed item's message, for items the sample workspace holds. */
function predictingRule(item: string, errorMessage: string): LintRule | undefined {
  return deliberatelyMissing.has(item) ? undefined : explainFailure(errorMessage).lintRule;
}

/** [line (0-based), rule] of our lint diagnostics on a file, as "line rule" strings. */
function lintMarks(uri: vscode.Uri): Set<string> {
  return new Set(
    vscode.languages.getDiagnostics(uri)
      .filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'object')
      .map((d) => `${d.range.start.line} ${String((d.code as { value: string }).value)}`),
  );
}

describe('The sandbox: zone-file findings predict its tasks\' failures (integration)', function () {
  this.timeout(300_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts each predictable failure of the hand-written zones\' tasks on a line the Problems panel flags with its rule', async () => {
    const api = await getApi();
    const problems = api.zones.problems;
    const ids = [SANDBOX_TASK_IDS.exampleCom, SANDBOX_TASK_IDS.preflightDemo, SANDBOX_TASK_IDS.retryDemo, SANDBOX_TASK_IDS.vendorExample];
    try {
      for (const id of ids) await problems.publish(id, taskById(id).errorItems);
      await problems.settled();
      // Each (task, item) with a predicting rule, and the files its failure was placed in.
      const wanted = new Map<string, LintRule>();
      for (const id of ids) {
        for (const { item, errorMessage } of taskById(id).errorItems) {
          const rule = predictingRule(item, errorMessage);
          if (rule) wanted.set(`${id} ${item}`, rule);
        }
      }
      const placed = new Map<string, { uri: vscode.Uri; line: number }[]>();
      for (const uri of await api.zones.catalog.list()) {
        for (const mark of problems.marksIn(uri)) {
          const key = `${mark.taskId} ${mark.item.item}`;
          if (!wanted.has(key)) continue;
          assert.equal(mark.fixedSince, false, `${key}: the file still has the problem`);
          placed.set(key, [...(placed.get(key) ?? []), { uri: mark.uri, line: mark.line }]);
        }
      }
      assert.deepEqual([...wanted.keys()].filter((k) => !placed.has(k)), [], 'every predictable failure is placed on a record');
      // Open each file with such a failure: the check runs on open and publishes its findings.
      const files = new Map<string, vscode.Uri>();
      for (const marks of placed.values()) for (const m of marks) files.set(m.uri.toString(), m.uri);
      for (const uri of files.values()) {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, { preview: false });
        assert.ok(await api.lint.diagnostics.check(doc), `${uri.fsPath} was checked`);
      }
      const unpredicted: string[] = [];
      for (const [key, rule] of wanted) {
        const marks = placed.get(key) ?? [];
        if (!marks.some((m) => lintMarks(m.uri).has(`${m.line} ${rule}`))) {
          unpredicted.push(`${key}: ${rule} not on ${marks.map((m) => `${vscode.workspace.asRelativePath(m.uri)}:${m.line + 1}`).join(', ')}`);
        }
      }
      assert.deepEqual(unpredicted, []);
      const rules = new Set(wanted.values());
      for (const r of ['unsupported-type', 'cname-conflict', 'ttl-range', 'txt-format', 'name-too-long', 'out-of-zone', 'rdata-format']) {
        assert.ok(rules.has(r as LintRule), `a failure predicted by ${r}`);
      }
    } finally {
      for (const id of ids) problems.clear(id);
    }
  });

  it('predicts the big imports\' failures too (the worker\'s findings on db.nw, the lines the catalog looks up)', async () => {
    const api = await getApi();
    const catalog = api.zones.catalog;
    const minTtl = api.services.settings.get().lintMinTtl;
    const flagged = new Map<string, Promise<Set<string>>>();
    const findingsOf = (uri: vscode.Uri): Promise<Set<string>> => {
      let p = flagged.get(uri.fsPath);
      if (!p) {
        p = Promise.resolve(vscode.workspace.openTextDocument(uri))
          .then((doc) => catalog.lintDocument(doc, minTtl))
          .then((r) => new Set(r.findings.map((f) => `${f.file}\n${f.line}\n${f.rule}`)));
        flagged.set(uri.fsPath, p);
      }
      return p;
    };
    const unpredicted: string[] = [];
    let predicted = 0;
    for (const id of [SANDBOX_TASK_IDS.bigImport, SANDBOX_TASK_IDS.pendingLong]) {
      for (const { item, errorMessage } of taskById(id).errorItems) {
        const rule = predictingRule(item, errorMessage);
        if (!rule) continue;
        let hit = false;
        for (const r of await catalog.lookup(item)) if ((await findingsOf(r.uri)).has(`${r.file}\n${r.line}\n${rule}`)) hit = true;
        if (hit) predicted++;
        else unpredicted.push(`${id.slice(-4)} ${item}: ${rule}`);
      }
    }
    assert.deepEqual(unpredicted.slice(0, 10), [], `${unpredicted.length} failures without their finding`);
    assert.ok(predicted > 6000, `${predicted} failures predicted`);
  });
});
