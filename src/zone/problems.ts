// "Show Failures in Zone Files": one diagnostic per failed item on its record's line, carrying the
// explanation of the error (cause and fix); a summary for the failures that match no line. Per task, so
// running again or untracking the task clears exactly that task's marks. The marks follow edits: when a zone
// file changes they are resolved again against the re-indexed file, and a failure whose record now passes the
// rule that predicted it says "fixed in the file since".
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../constants';
import type * as Explain from '../core/explain';
import type { FailureExplanation } from '../core/explain';
import { lazy } from '../core/lazy';
import type { ErrorItem } from '../core/types';
import { normalizeName } from '../core/zone/names';
import { taskIdFromArgument } from '../core/taskId';
import { askTaskId } from '../platform/taskIdPrompt';
import { Disposable } from '../platform/lifecycle';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import type { TrackedTasks } from '../tasks';
import { rankByMessage } from './args';
import type { FoundRecord, ZoneCatalog } from './catalog';

// The failure texts are loaded at the first task shown in the zone files, not at activation (esbuild.mjs LAZY).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const explain = lazy(() => require('../core/explain') as typeof Explain);

export interface FailuresResult {
  taskId: string;
  marked: number;
  unmatched: number;
}

/** One failed item placed on its record. */
export interface FailureMark {
  taskId: string;
  item: ErrorItem;
  explanation: FailureExplanation;
  uri: vscode.Uri;
  /** 0-based line of the record. */
  line: number;
  type: string;
  /** The record now passes the lint rule that predicted the failure. */
  fixedSince: boolean;
}

/** Pause after an edit before the marks are placed again (the index is rebuilt in the worker meanwhile). */
const FOLLOW_EDITS_MS = 300;

export class ZoneProblems extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection('huaweiDnsZoneFailures'));
  /** taskId -> the task's failed items as last published. */
  private readonly items = new Map<string, readonly ErrorItem[]>();
  /** taskId -> file uri -> that task's marks. */
  private readonly byTask = new Map<string, Map<string, FailureMark[]>>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when marks were placed, moved or cleared (CodeLens and hovers refresh). */
  readonly onDidChangeMarks = this.changeEmitter.event;
  private followTimer: NodeJS.Timeout | undefined;
  /** Serialises re-resolution so an older pass never overwrites a newer one. */
  private resolving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly services: Services,
    private readonly catalog: ZoneCatalog,
    private readonly tasks: TrackedTasks,
  ) {
    super();
    this._register(catalog.onDidChange(() => this.followEdits()));
    this._register({ dispose: () => this.followTimer && clearTimeout(this.followTimer) });
  }

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
    this.items.set(taskId, items);
    const run = this.resolving.then(() => this.resolve(taskId, items));
    this.resolving = run.catch(() => undefined);
    const unmatched = await run;
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
    this.items.delete(taskId);
    const old = this.byTask.get(taskId);
    if (!old) return;
    this.byTask.delete(taskId);
    this.refresh([...old.keys()]);
    this.changeEmitter.fire();
  }

  /** The marks on a file, every task's. */
  marksIn(uri: vscode.Uri): FailureMark[] {
    const key = uri.toString();
    const out: FailureMark[] = [];
    for (const files of this.byTask.values()) out.push(...(files.get(key) ?? []));
    return out;
  }

  /** Resolves once every pending re-placement of the marks has finished (tests, after an edit). */
  async settled(): Promise<void> {
    for (;;) {
      const pending = this.resolving;
      await pending;
      if (!this.followTimer && pending === this.resolving) return;
      await new Promise((r) => setTimeout(r, FOLLOW_EDITS_MS));
    }
  }

  private followEdits(): void {
    if (this.items.size === 0) return;
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      this.followTimer = undefined;
      for (const [taskId, items] of this.items) {
        const run = this.resolving.then(() => (this.items.get(taskId) === items ? this.resolve(taskId, items) : []));
        this.resolving = run.catch((err: unknown) => this.services.log.warn(`Could not place the failures of task ${taskId} again`, err));
      }
    }, FOLLOW_EDITS_MS);
  }

  /** Places a task's items on their records (replacing its marks); returns the items that match no record. */
  private async resolve(taskId: string, items: readonly ErrorItem[]): Promise<ErrorItem[]> {
    const perFile = new Map<string, FailureMark[]>();
    const unmatched: ErrorItem[] = [];
    for (const it of items) {
      const explanation = explain().explainFailure(it.errorMessage, vscode.l10n.t);
      const r = placeOn(await this.catalog.lookup(it.item), it.errorMessage, explanation);
      if (!r) {
        unmatched.push(it);
        continue;
      }
      const mark: FailureMark = {
        taskId,
        item: it,
        explanation,
        uri: r.uri,
        line: Math.max(r.line - 1, 0),
        type: r.type,
        fixedSince: false,
      };
      const key = r.uri.toString();
      let list = perFile.get(key);
      if (!list) perFile.set(key, (list = []));
      list.push(mark);
    }
    await this.markFixed(perFile);
    if (this.items.get(taskId) !== items) return unmatched; // cleared or replaced meanwhile
    const before = [...(this.byTask.get(taskId)?.keys() ?? [])];
    this.byTask.set(taskId, perFile);
    this.refresh([...new Set([...before, ...perFile.keys()])]);
    this.changeEmitter.fire();
    return unmatched;
  }

  /** A mark whose predicting rule no longer fires on its record is fixed in the file since the task ran. */
  private async markFixed(perFile: Map<string, FailureMark[]>): Promise<void> {
    const minTtl = this.services.settings.get().lintMinTtl;
    for (const marks of perFile.values()) {
      const predicted = marks.filter((m) => m.explanation.lintRule !== undefined);
      const first = predicted[0];
      if (!first) continue;
      let findings;
      try {
        const doc = await vscode.workspace.openTextDocument(first.uri);
        findings = (await this.catalog.lintDocument(doc, minTtl)).findings.filter((f) => f.file === first.uri.fsPath);
      } catch (err) {
        this.services.log.debug(`Could not check ${first.uri.fsPath} for fixed failures: ${String(err)}`);
        continue;
      }
      const firing = new Set(findings.map((f) => `${f.rule}\n${f.line}`));
      const firingByName = new Set(findings.filter((f) => f.name).map((f) => `${f.rule}\n${f.name as string}`));
      for (const m of predicted) {
        const rule = m.explanation.lintRule as string;
        const still = firing.has(`${rule}\n${m.line + 1}`) || firingByName.has(`${rule}\n${normalizeName(m.item.item)}`) || (rule === 'too-many-for-one-task' && findings.some((f) => f.rule === rule));
        m.fixedSince = !still;
      }
    }
  }

  private refresh(keys: string[]): void {
    for (const key of keys) {
      const uri = vscode.Uri.parse(key);
      this.collection.set(uri, this.marksIn(uri).map((m) => diagnosticOf(m)));
    }
  }
}

/** Types a public zone takes: an "invalid type" failure belongs on a record of any other type. */
const IMPORTABLE = new Set(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'CAA', 'SOA']);

/** The record a failure is about: the type the message names first; for an invalid type, one that is. */
function placeOn(records: FoundRecord[], message: string, explanation: FailureExplanation): FoundRecord | undefined {
  const ranked = rankByMessage(records, message);
  if (explanation.kind === 'unsupported-type') return ranked.find((r) => !IMPORTABLE.has(r.type.toUpperCase())) ?? ranked[0];
  return ranked[0];
}

/** The cause and fix in one line after the server's own words; "fixed in the file since" when it is. */
export function failureMessage(m: FailureMark): string {
  const said = plainText(m.item.errorMessage || m.item.item);
  if (m.fixedSince) return vscode.l10n.t('Fixed in the file since: {0}', said);
  if (m.explanation.kind === 'unknown') return said;
  return `${said} — ${plainText(m.explanation.summary)} ${plainText(m.explanation.fix)}`;
}

function diagnosticOf(m: FailureMark): vscode.Diagnostic {
  const severity = m.fixedSince ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Error;
  const d = new vscode.Diagnostic(new vscode.Range(m.line, 0, m.line, Number.MAX_SAFE_INTEGER), failureMessage(m), severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = m.taskId;
  return d;
}
