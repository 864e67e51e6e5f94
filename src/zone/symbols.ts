// Outline for zone files: one symbol per owner name, its records as children (type, line).
import * as vscode from 'vscode';
import type { ZoneCatalog } from './catalog';

/** The outline stays usable: past this many owners the rest are left out. */
const MAX_OWNERS = 20_000;

export class ZoneSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly catalog: ZoneCatalog) {}

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const index = await this.catalog.indexDocument(doc);
    if (token.isCancellationRequested) return [];
    const owners = new Map<string, vscode.DocumentSymbol>();
    const lineRange = (line: number): vscode.Range => {
      const l = Math.min(Math.max(line - 1, 0), doc.lineCount - 1);
      return doc.lineAt(l).range;
    };
    for (const r of index.records()) {
      if (r.file !== doc.uri.fsPath) continue;
      let owner = owners.get(r.name);
      const range = lineRange(r.line);
      if (!owner) {
        if (owners.size >= MAX_OWNERS) break;
        owner = new vscode.DocumentSymbol(r.name, '', vscode.SymbolKind.Namespace, range, range);
        owners.set(r.name, owner);
      } else {
        owner.range = owner.range.union(range);
      }
      owner.children.push(new vscode.DocumentSymbol(r.type, doc.lineAt(range.start.line).text.trim().slice(0, 120), vscode.SymbolKind.Field, range, range));
    }
    return [...owners.values()];
  }
}
