// The workspace's zone files: found with the `huaweiDns.zoneFiles` globs (minus `files.exclude`), indexed
// lazily in the worker on first use, re-indexed when a file changes on disk or in an unsaved editor.
import * as path from 'path';
import * as vscode from 'vscode';
import { ZoneIndexPool, type ZoneIndex, type ZoneRecord } from '../core';
import { Disposable } from '../platform/lifecycle';
import type { Services } from '../services';
import { guessOrigin } from './origin';

export interface FoundRecord extends ZoneRecord {
  uri: vscode.Uri;
}

export class ZoneCatalog extends Disposable {
  private files: vscode.Uri[] | undefined;
  private readonly indexes = new Map<string, Promise<ZoneIndex>>();
  private readonly pool: ZoneIndexPool;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when a zone file's content changed (diagnostics may move). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly services: Services) {
    super();
    this.pool = new ZoneIndexPool(vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'zoneWorker.js').fsPath);
    this._register({ dispose: () => this.pool.dispose() });
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*'));
    this._register(watcher.onDidChange((uri) => this.invalidate(uri)));
    this._register(watcher.onDidCreate(() => this.reset()));
    this._register(watcher.onDidDelete(() => this.reset()));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.invalidate(e.document.uri)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.invalidate(d.uri)));
    this._register(services.settings.onDidChange(() => this.reset()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()));
  }

  /** The zone files, found once and then kept until something is created, deleted or reconfigured. */
  async list(): Promise<vscode.Uri[]> {
    if (this.files) return this.files;
    const globs = this.services.settings.get().zoneFiles;
    if (globs.length === 0) return (this.files = []);
    const include = globs.length === 1 ? (globs[0] as string) : `{${globs.join(',')}}`;
    const excluded = Object.entries(vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {})
      .filter(([, on]) => on)
      .map(([g]) => g);
    const exclude = excluded.length === 0 ? undefined : excluded.length === 1 ? excluded[0] : `{${excluded.join(',')}}`;
    const found = await vscode.workspace.findFiles(include, exclude, 5000);
    this.files = found.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    return this.files;
  }

  /** The index of one file (its unsaved text when it is open and dirty). */
  index(uri: vscode.Uri): Promise<ZoneIndex> {
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

  private reset(): void {
    this.files = undefined;
    this.indexes.clear();
    this.changeEmitter.fire();
  }
}
