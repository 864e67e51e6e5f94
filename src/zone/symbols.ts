// Outline for zone files: one symbol per owner name, its records as children (type, line). What is visited is
// bounded (core outlineOf): a huge $GENERATE range cannot freeze the extension host.
import * as vscode from 'vscode';
import { outlineOf } from '../core/zone/outline';
import type { ZoneCatalog } from './catalog';

export class ZoneSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly catalog: ZoneCatalog) {}

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const index = await this.catalog.indexDocument(doc);
    if (token.isCancellationRequested) return [];
    const outline = outlineOf(index, doc.uri.fsPath, { isCancelled: () => token.isCancellationRequested });
    if (outline.cancelled) return [];
    const lineRange = (line: number): vscode.Range => {
      const l = Math.min(Math.max(line - 1, 0), doc.lineCount - 1);
      return doc.lineAt(l).range;
    };
    return outline.owners.map((owner) => {
      const ranges = owner.records.map((r) => lineRange(r.line));
      const first = ranges[0] as vscode.Range;
      const symbol = new vscode.DocumentSymbol(owner.name, '', vscode.SymbolKind.Namespace, ranges.reduce((a, b) => a.union(b), first), first);
      symbol.children = owner.records.map((r, k) => {
        const range = ranges[k] as vscode.Range;
        return new vscode.DocumentSymbol(r.type, doc.lineAt(range.start.line).text.trim().slice(0, 120), vscode.SymbolKind.Field, range, range);
      });
      return symbol;
    });
  }
}
