// The workspace's zone files: found with the `huaweiDns.zoneFiles` globs (minus `files.exclude`), indexed
// lazily in the worker on first use, re-indexed when a file changes on disk or in an unsaved editor. A file
// created or deleted updates its one entry; only a settings or workspace-folder change finds them all again.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LintResult } from '../core/lint/index';
import { ZoneIndexPool } from '../core/zone/pool';
import type { ZoneIndex, ZoneRecord } from '../core/zone/store';
import { Disposable } from '../platform/lifecycle';
import type { Services } from '../services';
import { excludedGlobs, joinGlobs, matchesAny } from './globs';
import { guessOrigin } from './origin';

export interface FoundRecord extends ZoneRecord {
  uri: vscode.Uri;
}

/** A document's findings; `includedBy` names the zone file it was checked in, when another one includes it. */
export interface DocumentLint extends LintResult {
  includedBy?: string;
}

/** An SOA record near the top (outside comments): the file is a zone's entry file. */
function hasSoa(head: string): boolean {
  return head.split(/\r?\n/, 400).some((line) => /(?:^|\s)SOA(?:\s|$)/i.test(line.replace(/;.*$/, '')));
}

/** findFiles' cap: past this many zone files the workspace is not one a person curates by hand. */
const MAX_FILES = 5000;
const byPath = (a: vscode.Uri, b: vscode.Uri): number => a.fsPath.localeCompare(b.fsPath);

export class ZoneCatalog extends Disposable {
  private files: vscode.Uri[] | undefined;
  private readonly indexes = new Map<string, Promise<ZoneIndex>>();
  /** Findings of open documents by uri, for the version they were computed on. */
  private readonly lints = new Map<string, { version: number; minTtl: number; result: Promise<DocumentLint> }>();
  private readonly pool: ZoneIndexPool;
  private watching = false;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when a zone file's content changed (diagnostics may move). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly services: Services) {
    super();
    this.pool = new ZoneIndexPool(vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'zoneWorker.js').fsPath);
    this._register({ dispose: () => this.pool.dispose() });
  }

  /**
   * What keeps the lists, indexes and findings right, set up with the first of them: before it there is
   * nothing to keep, and activation does not pay for a workspace-wide file watcher nobody needs yet.
   */
  private watch(): void {
    if (this.watching || this.isDisposed) return;
    this.watching = true;
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*'));
    this._register(watcher.onDidChange((uri) => this.invalidate(uri)));
    this._register(watcher.onDidCreate((uri) => void this.created(uri)));
    this._register(watcher.onDidDelete((uri) => this.deleted(uri)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.invalidate(e.document.uri)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => {
      this.lints.delete(d.uri.toString());
      this.invalidate(d.uri);
    }));
    this._register(this.services.settings.onDidChange(() => this.reset()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()));
  }

  /** The zone files, found once and then kept until something is created, deleted or reconfigured. */
  async list(): Promise<vscode.Uri[]> {
    this.watch();
    if (this.files) return this.files;
    const include = joinGlobs(this.services.settings.get().zoneFiles);
    if (include === undefined) return (this.files = []);
    const found = await vscode.workspace.findFiles(include, joinGlobs(excludedGlobs()), MAX_FILES);
    this.files = found.sort(byPath);
    return this.files;
  }

  /** The index of one file (its unsaved text when it is open and dirty). */
  index(uri: vscode.Uri): Promise<ZoneIndex> {
    this.watch();
    const key = uri.toString();
    let p = this.indexes.get(key);
    if (!p) {
      p = this.build(uri);
      this.indexes.set(key, p);
      p.catch(() => this.indexes.delete(key));
    }
    return p;
  }

  /** Every record named `name` in every zone file; a file reached through another's $INCLUDE counts once. */
  async lookup(name: string): Promise<FoundRecord[]> {
    const seen = new Set<string>();
    const out: FoundRecord[] = [];
    for (const uri of await this.list()) {
      let index: ZoneIndex;
      try {
        index = await this.index(uri);
      } catch (err) {
        this.services.log.warn(`Zone file ${uri.fsPath} could not be indexed`, err);
        continue;
      }
      for (const r of index.lookup(name)) {
        const key = `${r.file}\n${r.line}\n${r.type}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ ...r, uri: vscode.Uri.file(r.file) });
      }
    }
    return out;
  }

  /** Indexes an editor's current text (not cached: the outline asks once per edit pause). */
  indexDocument(doc: vscode.TextDocument): Promise<ZoneIndex> {
    const text = doc.getText();
    const root = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath ?? path.dirname(doc.uri.fsPath);
    return this.pool.index(doc.uri.fsPath, { origin: guessOrigin(text.slice(0, 16384), doc.uri.fsPath), root, text });
  }

  /**
   * The pre-flight findings of a document's current text (and its includes), computed in the worker and
   * kept until the document or a file it includes changes. A file another zone file $INCLUDEs is checked as
   * part of that zone (its origin at the include, its apex, its other records), not with a guessed origin.
   */
  lintDocument(doc: vscode.TextDocument, minTtl: number): Promise<DocumentLint> {
    this.watch();
    const key = doc.uri.toString();
    const cached = this.lints.get(key);
    if (cached && cached.version === doc.version && cached.minTtl === minTtl) return cached.result;
    const result = this.lintInContext(doc, minTtl);
    this.lints.set(key, { version: doc.version, minTtl, result });
    result.catch(() => this.lints.delete(key));
    return result;
  }

  private async lintInContext(doc: vscode.TextDocument, minTtl: number): Promise<DocumentLint> {
    const text = doc.getText();
    const root = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath ?? path.dirname(doc.uri.fsPath);
    const lint = { minTtl, ...(vscode.l10n.bundle ? { messages: vscode.l10n.bundle } : {}) };
    const includer = await this.includerOf(doc, text);
    if (!includer) {
      return this.pool.lint(doc.uri.fsPath, { origin: guessOrigin(text.slice(0, 16384), doc.uri.fsPath), root, text }, lint);
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === includer.toString());
    const includerText = open?.isDirty ? open.getText() : undefined;
    const head = includerText ?? Buffer.from((await vscode.workspace.fs.readFile(includer)).subarray(0, 16384)).toString('utf8');
    const file = path.resolve(doc.uri.fsPath);
    const result = await this.pool.lint(
      includer.fsPath,
      { origin: guessOrigin(head.slice(0, 16384), includer.fsPath), root, ...(includerText !== undefined ? { text: includerText } : {}), includedTexts: { [file]: text } },
      lint,
    );
    // Only this file's findings: the includer's own are its editor's (or the check command's on it).
    return { ...result, findings: result.findings.filter((f) => f.file === file), includedBy: includer.fsPath };
  }

  /**
   * The first zone file (in path order) whose index reached `doc` through $INCLUDE. A file with its own SOA is
   * a zone of its own, so only SOA-less files are looked up (that costs indexing the catalog once).
   */
  private async includerOf(doc: vscode.TextDocument, text: string): Promise<vscode.Uri | undefined> {
    if (doc.uri.scheme !== 'file' || hasSoa(text.slice(0, 16384))) return undefined;
    const file = path.resolve(doc.uri.fsPath);
    for (const uri of await this.list()) {
      if (uri.toString() === doc.uri.toString()) continue;
      try {
        if ((await this.index(uri)).files.indexOf(file) > 0) return uri;
      } catch {
        // an unreadable zone file includes nothing
      }
    }
    return undefined;
  }

  private async build(uri: vscode.Uri): Promise<ZoneIndex> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open?.isDirty ? open.getText() : undefined;
    let head = text?.slice(0, 16384);
    if (head === undefined) {
      const bytes = await vscode.workspace.fs.readFile(uri);
      head = Buffer.from(bytes.subarray(0, 16384)).toString('utf8');
    }
    const origin = guessOrigin(head, uri.fsPath);
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
    const started = Date.now();
    const index = await this.pool.index(uri.fsPath, { origin, root, ...(text !== undefined ? { text } : {}) });
    this.services.log.debug(`Indexed zone file ${uri.fsPath} (${index.size} records, origin ${origin}) in ${Date.now() - started} ms`);
    return index;
  }

  private invalidate(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    // Findings of a file that includes this one are stale too (its own edits change its version).
    this.lints.clear();
    // An included file changes the index of whatever includes it: drop every index that mentions it.
    if (this.indexes.delete(uri.toString())) this.changeEmitter.fire();
    for (const [key, p] of [...this.indexes]) {
      void p.then((idx) => {
        if (idx.files.includes(uri.fsPath)) {
          this.indexes.delete(key);
          this.changeEmitter.fire();
        }
      }, () => undefined);
    }
  }

  /** A new file (or a folder moved in): added to the list when it is a zone file; nothing else is dropped. */
  private async created(uri: vscode.Uri): Promise<void> {
    if (uri.scheme !== 'file' || !this.files) {
      this.invalidate(uri);
      return;
    }
    const globs = this.services.settings.get().zoneFiles;
    let added: vscode.Uri[];
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) {
        const include = joinGlobs(globs);
        added = include === undefined ? [] : await vscode.workspace.findFiles(new vscode.RelativePattern(uri, include), joinGlobs(excludedGlobs()), MAX_FILES);
        // findFiles patterns are relative to the folder; keep only what the workspace-wide globs take too.
        added = added.filter((u) => matchesAny(u, globs));
      } else {
        added = matchesAny(uri, globs) && !matchesAny(uri, excludedGlobs()) ? [uri] : [];
      }
    } catch {
      return; // gone again before we looked
    }
    const files = this.files;
    if (!files) return;
    const known = new Set(files.map((u) => u.toString()));
    const fresh = added.filter((u) => !known.has(u.toString()));
    if (fresh.length > 0) this.files = [...files, ...fresh].sort(byPath).slice(0, MAX_FILES);
    // A file an $INCLUDE named before it existed changes its includer's index.
    this.invalidate(uri);
    if (fresh.length > 0) this.changeEmitter.fire();
  }

  /** A deleted file or folder: its entries and the indexes that read them go; the rest stay. */
  private deleted(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const gone = (u: vscode.Uri): boolean => u.toString() === uri.toString() || u.fsPath.startsWith(uri.fsPath.replace(/[\\/]?$/, path.sep));
    if (this.files?.some(gone)) this.files = this.files.filter((u) => !gone(u));
    for (const key of [...this.indexes.keys()]) if (gone(vscode.Uri.parse(key))) this.indexes.delete(key);
    this.invalidate(uri);
    this.changeEmitter.fire();
  }

  private reset(): void {
    this.files = undefined;
    this.indexes.clear();
    this.lints.clear();
    this.changeEmitter.fire();
  }
}
