// The two sides of a comparison as read-only virtual documents, so `vscode.diff` can show them. Each run gets
// fresh URIs (VS Code caches a virtual document's text per URI); only the last few runs are kept in memory.
import * as vscode from 'vscode';
import { Disposable } from '../platform/lifecycle';

export const COMPARE_SCHEME = 'huawei-dns-compare';
const KEEP_RUNS = 4;

export class ComparisonDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly runs: string[][] = [];
  private run = 0;

  constructor() {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Stores both sides and returns their URIs, named after `fileName` so the diff editor's tabs read well. */
  add(fileName: string, live: string, file: string): { live: vscode.Uri; file: vscode.Uri } {
    const n = ++this.run;
    const safe = fileName.replace(/[^\w.@-]+/g, '_').slice(0, 100) || 'zone';
    const uris = {
      live: vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${n}/live/${safe}` }),
      file: vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${n}/file/${safe}` }),
    };
    this.texts.set(uris.live.toString(), live);
    this.texts.set(uris.file.toString(), file);
    this.runs.push([uris.live.toString(), uris.file.toString()]);
    while (this.runs.length > KEEP_RUNS) for (const key of this.runs.shift() ?? []) this.texts.delete(key);
    return uris;
  }
}
