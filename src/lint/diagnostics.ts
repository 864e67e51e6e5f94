// The pre-flight check while you work: every open zone file is linted in the worker on open, on save and
// after a pause in typing; findings become Problems (source "Huawei DNS", the rule id as code linking to the
// README's table), with the user's per-rule severities and `; huaweidns-ignore` comments applied. The host
// only turns findings into diagnostics; parsing and rules run off the extension host's thread.
import * as path from 'path';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, ZONE_LANGUAGE_ID } from '../constants';
import type { LintFinding, LintResult } from '../core/lint/index';
import { Disposable } from '../platform/lifecycle';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import { matchesAny } from '../zone';
import type { RuleLinks } from './ruleLinks';
import { shownSeverity, type ShownSeverity } from './severity';
import { isSuppressed } from './suppression';

/** What the check needs from the zone catalog: a document's findings (computed in the worker). */
export interface LintSource {
  /** `includedBy`: the zone file whose $INCLUDE reaches the document, which it was checked as part of. */
  lintDocument(doc: vscode.TextDocument, minTtl: number): Promise<LintResult & { includedBy?: string }>;
}

/** Typing pause before a re-check; open and save check at once. */
export const TYPING_DEBOUNCE_MS = 300;
/** Past this many findings in one file the rest are summed up in one diagnostic (the file is not hand-made). */
const MAX_PER_FILE = 5000;

const SEVERITY: Record<ShownSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export interface LintPublished {
  uri: vscode.Uri;
  /** The document version the findings are for. */
  version: number;
  /** Diagnostics published for the document's own file. */
  count: number;
}

export class ZoneLintDiagnostics extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection('huaweiDnsLint'));
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Latest run per document: a result for an older one is dropped. */
  private readonly generation = new Map<string, number>();
  /** entry document -> file -> diagnostics (an entry's $INCLUDEd files get their findings too). */
  private readonly byEntry = new Map<string, Map<string, vscode.Diagnostic[]>>();
  private readonly publishedEmitter = this._register(new vscode.EventEmitter<LintPublished>());
  /** Fires after a document's findings are published (tests and the check command wait on it). */
  readonly onDidPublish = this.publishedEmitter.event;

  constructor(
    private readonly services: Services,
    private readonly source: LintSource,
    private readonly links: RuleLinks,
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) this.schedule(e.document, TYPING_DEBOUNCE_MS);
    }));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
    this._register(services.settings.onDidChange(() => this.checkOpenDocuments()));
    this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    this.checkOpenDocuments();
  }

  isZoneDocument(doc: vscode.TextDocument): boolean {
    if (doc.languageId === ZONE_LANGUAGE_ID) return true;
    // Files the zone-file globs name but that VS Code opened as plain text (e.g. `*.arpa`, custom globs).
    return doc.languageId === 'plaintext' && doc.uri.scheme === 'file' && matchesAny(doc.uri, this.services.settings.get().zoneFiles);
  }

  /** Checks a document now and resolves when its findings are published (undefined: not a zone file, or superseded). */
  async check(doc: vscode.TextDocument): Promise<LintPublished | undefined> {
    const key = doc.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    if (!this.isZoneDocument(doc)) return undefined;
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    const version = doc.version;
    let result: LintResult;
    try {
      [result] = await Promise.all([this.source.lintDocument(doc, this.services.settings.get().lintMinTtl), this.links.load()]);
    } catch (err) {
      this.services.log.warn(`Could not check the zone file ${doc.uri.fsPath}`, err);
      return undefined;
    }
    if (this.generation.get(key) !== generation || doc.isClosed || doc.version !== version) return undefined;
    const count = await this.publish(doc, result);
    const published = { uri: doc.uri, version, count };
    this.publishedEmitter.fire(published);
    return published;
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!this.isZoneDocument(doc)) return;
    const key = doc.uri.toString();
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    this.timers.set(key, setTimeout(() => void this.check(doc), delayMs));
  }

  private checkOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.generation.delete(key);
    const files = this.byEntry.get(key);
    if (!files) return;
    this.byEntry.delete(key);
    this.refresh([...files.keys()]);
  }

  /** Returns the number of diagnostics on the document's own file. */
  private async publish(doc: vscode.TextDocument, result: LintResult): Promise<number> {
    const rules = this.services.settings.get().lintRules;
    const perFile = new Map<string, LintFinding[]>();
    for (const f of result.findings) {
      let list = perFile.get(f.file);
      if (!list) perFile.set(f.file, (list = []));
      list.push(f);
    }
    const files = new Map<string, vscode.Diagnostic[]>();
    let own = 0;
    // The worker reports the entry file by its resolved path (an untitled document's name is relative).
    const entry = path.resolve(doc.uri.fsPath);
    for (const [file, findings] of perFile) {
      const uri = file === doc.uri.fsPath || file === entry ? doc.uri : vscode.Uri.file(file);
      const lines = await linesOf(uri, doc);
      const diagnostics: vscode.Diagnostic[] = [];
      let hidden = 0;
      for (const f of findings) {
        const severity = shownSeverity(f.rule, f.severity, rules);
        const line = Math.max(0, f.line - 1);
        if (!severity || isSuppressed(f.rule, line, lines)) continue;
        if (diagnostics.length >= MAX_PER_FILE) {
          hidden++;
          continue;
        }
        diagnostics.push(this.diagnostic(f, line, lines(line) ?? '', severity));
      }
      if (hidden > 0) {
        const more = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('{0} more findings are not shown; run "Check Zone File Before Import" for all of them.', hidden), vscode.DiagnosticSeverity.Information);
        more.source = DIAGNOSTIC_SOURCE;
        diagnostics.push(more);
      }
      files.set(uri.toString(), diagnostics);
      if (uri.toString() === doc.uri.toString()) own = diagnostics.length;
    }
    const key = doc.uri.toString();
    const before = [...(this.byEntry.get(key)?.keys() ?? [])];
    if (!files.has(key)) files.set(key, []);
    this.byEntry.set(key, files);
    this.refresh([...new Set([...before, ...files.keys()])]);
    return own;
  }

  private diagnostic(f: LintFinding, line: number, text: string, severity: ShownSeverity): vscode.Diagnostic {
    const first = text.search(/\S/);
    const range = new vscode.Range(line, first < 0 ? 0 : first, line, text.length);
    // The message names what the file says (owners, values): file text is untrusted, shown as plain text.
    const d = new vscode.Diagnostic(range, plainText(f.message, { maxLength: 1000 }), SEVERITY[severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.rule, target: this.links.target(f.rule) };
    return d;
  }

  private refresh(keys: readonly string[]): void {
    for (const key of keys) {
      // A file open on its own and also $INCLUDEd by another open file gets a finding once.
      const all = new Map<string, vscode.Diagnostic>();
      for (const files of this.byEntry.values()) {
        for (const d of files.get(key) ?? []) all.set(`${d.range.start.line}\n${codeOf(d)}\n${d.message}`, d);
      }
      this.collection.set(vscode.Uri.parse(key), [...all.values()]);
    }
  }
}

/** The rule id of one of our diagnostics. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  return c === undefined ? undefined : String(c.value);
}

/** Line access for suppression comments: the open document's text, else the file read once. */
async function linesOf(uri: vscode.Uri, doc: vscode.TextDocument): Promise<(line: number) => string | undefined> {
  const open = uri.toString() === doc.uri.toString() ? doc : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return (line) => (line < open.lineCount ? open.lineAt(line).text : undefined);
  try {
    const lines = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8').split(/\r\n|\r|\n/);
    return (line) => lines[line];
  } catch {
    return () => undefined;
  }
}
