// "Huawei DNS: Check Zone File Before Import": the whole picture of one zone file before it is sent — record
// sets, findings by rule, the tasks an import needs at 10,000 record sets each, the default record-set quota —
// in a quick pick whose rows open each finding. The same severities and ignore comments as the Problems panel.
import * as vscode from 'vscode';
import { ZONE_LANGUAGE_ID } from '../constants';
import { RECORD_SETS_PER_TASK, type LintFinding } from '../core';
import type { Services } from '../services';
import { formatCount } from '../shared/format';
import { plainText } from '../shared/untrusted';
import { showRecord, type ZoneCatalog } from '../zone';
import type { LintSource } from './diagnostics';
import { shownSeverity } from './severity';
import { isSuppressed } from './suppression';

/** Huawei Cloud's default record-set quota per account (write-and-live.md). */
export const DEFAULT_RECORD_SET_QUOTA = 500;

export interface CheckSummary {
  file: string;
  recordSets: number;
  tasks: number;
  findings: number;
  byRule: Record<string, number>;
  /** The zone file the file was checked as part of (it reaches this one through $INCLUDE). */
  includedBy?: string;
}

interface FindingItem extends vscode.QuickPickItem {
  finding?: LintFinding;
}

export async function checkZoneFile(services: Services, source: LintSource, catalog: ZoneCatalog, arg: unknown): Promise<CheckSummary | undefined> {
  const uri = await targetOf(arg, catalog);
  if (!uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  const settings = services.settings.get();
  const result = await source.lintDocument(doc, settings.lintMinTtl);
  const lineAt = (l: number): string | undefined => (l < doc.lineCount ? doc.lineAt(l).text : undefined);
  const shown = result.findings.filter((f) => {
    if (!shownSeverity(f.rule, f.severity, settings.lintRules)) return false;
    return f.file !== doc.uri.fsPath || !isSuppressed(f.rule, f.line - 1, lineAt);
  });
  const byRule: Record<string, number> = {};
  for (const f of shown) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const tasks = Math.max(1, Math.ceil(result.recordSets / RECORD_SETS_PER_TASK));
  const summary: CheckSummary = { file: uri.fsPath, recordSets: result.recordSets, tasks, findings: shown.length, byRule, ...(result.includedBy ? { includedBy: result.includedBy } : {}) };

  const items: FindingItem[] = [
    {
      label: vscode.l10n.t('{0} record sets · {1} findings · {2} import task(s) at {3} record sets per task', formatCount(result.recordSets), formatCount(shown.length), tasks, formatCount(RECORD_SETS_PER_TASK)),
      detail: vscode.l10n.t('Huawei Cloud gives an account {0} record sets by default: an import above the quota fails with "Insufficient record set quota" unless it was raised.', DEFAULT_RECORD_SET_QUOTA),
      alwaysShow: true,
    },
  ];
  for (const rule of Object.keys(byRule).sort()) {
    items.push({ label: `${rule} (${formatCount(byRule[rule] ?? 0)})`, kind: vscode.QuickPickItemKind.Separator });
    for (const f of shown.filter((x) => x.rule === rule).slice(0, 1000)) {
      items.push({
        label: `${vscode.workspace.asRelativePath(f.file)}:${f.line}`,
        description: plainText(f.message, { maxLength: 300 }),
        finding: f,
      });
    }
  }
  const pick = vscode.window.createQuickPick<FindingItem>();
  const name = plainText(vscode.workspace.asRelativePath(uri), { maxLength: 200 });
  // An included file is imported with its zone: the counts are that zone's, the findings this file's.
  pick.title = result.includedBy
    ? vscode.l10n.t('Check before import: {0}, as included by {1}', name, plainText(vscode.workspace.asRelativePath(result.includedBy), { maxLength: 200 }))
    : vscode.l10n.t('Check before import: {0}', name);
  pick.placeholder = shown.length === 0 ? vscode.l10n.t('No findings: the file is ready to import.') : vscode.l10n.t('Choose a finding to open its record');
  pick.matchOnDescription = true;
  pick.items = items;
  pick.onDidAccept(() => {
    const f = pick.selectedItems[0]?.finding;
    if (!f) return;
    pick.hide();
    void showRecord(vscode.Uri.file(f.file), f.line);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  services.log.info(`Checked ${uri.fsPath}: ${result.recordSets} record sets, ${shown.length} findings`);
  return summary;
}

/** A Uri argument (explorer, editor title), else the active zone editor, else a pick among the zone files. */
async function targetOf(arg: unknown, catalog: ZoneCatalog): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.trim()) return vscode.Uri.file(arg.trim());
  const active = vscode.window.activeTextEditor?.document;
  if (active && (await catalog.list()).some((u) => u.toString() === active.uri.toString())) return active.uri;
  if (active && active.languageId === ZONE_LANGUAGE_ID) return active.uri;
  const files = await catalog.list();
  const picked = await vscode.window.showQuickPick(
    files.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u })),
    { title: vscode.l10n.t('Zone file to check before import') },
  );
  return picked?.uri;
}
