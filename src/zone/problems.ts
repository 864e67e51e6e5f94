// "Show Failures in Zone Files": one diagnostic per failed item on its record's line (message, source
// "Huawei DNS", the task id as code); a summary for the failures that match no line. Per task, so running
// again or untracking the task clears exactly that task's marks.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../constants';
import type { ErrorItem } from '../core';
import { taskIdFromArgument } from '../core/taskId';
import { askTaskId } from '../platform/taskIdPrompt';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import type { TrackedTasks } from '../tasks';
import { rankByMessage } from './args';
import type { ZoneCatalog } from './catalog';

export interface FailuresResult {
  taskId: string;
  marked: number;
  unmatched: number;
}

export class ZoneProblems implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('huaweiDnsZoneFailures');
  /** taskId -> file uri -> that task's diagnostics. */
  private readonly byTask = new Map<string, Map<string, vscode.Diagnostic[]>>();

  constructor(
    private readonly services: Services,
    private readonly catalog: ZoneCatalog,
    private readonly tasks: TrackedTasks,
  ) {}

  /** The command: a task from its argument, or asked for. */
  async showFromCommand(arg: unknown): Promise<FailuresResult | undefined> {
    const taskId =
      arg === undefined
        ? await askTaskId({ title: vscode.l10n.t('Show Failures in Zone Files'), tracked: this.tasks.all() })
        : taskIdFromArgument(arg);
    return taskId ? this.show(taskId) : undefined;
  }

  /** Every failed item of the task (the model's shared fetch, so a Load All running meanwhile is reused). */
  async show(taskId: string): Promise<FailuresResult | undefined> {
    if (!this.services.session.getClient()) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to show a task\'s failures in zone files.'));
      return undefined;
    }
    const { items } = await this.tasks.allItems(taskId);
    return this.publish(taskId, items);
  }

  async publish(taskId: string, items: readonly ErrorItem[]): Promise<FailuresResult> {
    const perFile = new Map<string, vscode.Diagnostic[]>();
    const unmatched: ErrorItem[] = [];
    for (const it of items) {
      const records = rankByMessage(await this.catalog.lookup(it.item), it.errorMessage);
      const r = records[0];
      if (!r) {
        unmatched.push(it);
        continue;
      }
      const line = Math.max(r.line - 1, 0);
      // The server's words (or the item name) in the Problems panel and the editor's hover: made inert.
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), plainText(it.errorMessage || it.item), vscode.DiagnosticSeverity.Error);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = taskId;
      const key = r.uri.toString();
      let list = perFile.get(key);
      if (!list) perFile.set(key, (list = []));
      list.push(d);
    }
    this.clear(taskId);
    this.byTask.set(taskId, perFile);
    this.refresh([...perFile.keys()]);
    if (unmatched.length > 0) {
      const names = unmatched.slice(0, 5).map((u) => u.item);
      this.services.log.info(`Task ${taskId}: ${unmatched.length} failed item(s) match no record in the zone files (${names.map((n) => JSON.stringify(n)).join(', ')}${unmatched.length > 5 ? ', …' : ''})`);
      const sample = names.map((n) => plainText(n, { maxLength: 80 })).join(', ');
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} of {1} failures of task {2} match no record in the zone files (e.g. {3}).', unmatched.length, items.length, plainText(taskId), sample),
      );
    }
    return { taskId, marked: items.length - unmatched.length, unmatched: unmatched.length };
  }

  clear(taskId: string): void {
    const old = this.byTask.get(taskId);
    if (!old) return;
    this.byTask.delete(taskId);
    this.refresh([...old.keys()]);
  }

  dispose(): void {
    this.collection.dispose();
  }

  private refresh(keys: string[]): void {
    for (const key of keys) {
      const all: vscode.Diagnostic[] = [];
      for (const files of this.byTask.values()) all.push(...(files.get(key) ?? []));
      this.collection.set(vscode.Uri.parse(key), all);
    }
  }
}
