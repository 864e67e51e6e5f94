// Quick fixes where the fix is mechanical: split a TXT string over 255 octets, make a relative target that
// ends with the zone's name absolute, remove an exact duplicate, bring a TTL into range. Each edit is computed
// from the record as written on its line (./recordText), so what is fixed is exactly what the user sees.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../constants';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import { guessOrigin } from '../zone';
import { codeOf } from './diagnostics';
import { absoluteTargetEdit, recordEndLine, recordFields, splitTxtEdits, type LineEdit } from './recordText';
import { ttlRangeFix } from './ttl';

export class ZoneLintCodeActions implements vscode.CodeActionProvider {

  constructor(private readonly services: Services) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const lineAt = (l: number): string | undefined => (l >= 0 && l < doc.lineCount ? doc.lineAt(l).text : undefined);
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const line = d.range.start.line;
      switch (codeOf(d)) {
        case 'txt-format': {
          const end = recordEndLine(lineAt, line);
          const edit = new vscode.WorkspaceEdit();
          let any = false;
          for (let l = line; l <= end; l++) {
            for (const e of splitTxtEdits(lineAt(l) ?? '')) {
              edit.replace(doc.uri, lineRange(l, e), e.text);
              any = true;
            }
          }
          if (any) actions.push(fix(vscode.l10n.t('Split TXT strings longer than 255 octets'), edit, d));
          break;
        }
        case 'duplicate': {
          const end = recordEndLine(lineAt, line);
          const edit = new vscode.WorkspaceEdit();
          edit.delete(doc.uri, new vscode.Range(line, 0, end + 1, 0));
          actions.push(fix(vscode.l10n.t('Remove the duplicate record'), edit, d));
          break;
        }
        case 'ttl-range': {
          // The TTL may be the record's own, the $TTL above, the previous record's or the default: the fix
          // writes the corrected TTL on this record either way.
          const ttl = ttlRangeFix(lineAt, line, this.services.settings.get().lintMinTtl);
          if (!ttl) break;
          const edit = new vscode.WorkspaceEdit();
          edit.replace(doc.uri, lineRange(line, ttl.edit), ttl.edit.text);
          actions.push(fix(vscode.l10n.t('Set the TTL to {0}', ttl.ttl), edit, d));
          break;
        }
        default:
          break;
      }
    }
    // A relative target ending with the zone's name is almost always a forgotten final dot: no rule
    // reports it (the name is valid, just not the one meant), so the fix is offered on the line itself.
    const apex = guessOrigin(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 400), 0)), doc.uri.fsPath);
    for (let l = range.start.line; l <= range.end.line && l < doc.lineCount; l++) {
      const text = doc.lineAt(l).text;
      const e = absoluteTargetEdit(text, apex);
      if (!e) continue;
      const target = recordFields(text)?.rdata.find((t) => t.end === e.start)?.text ?? '';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(l, e.start), e.text);
      const action = new vscode.CodeAction(vscode.l10n.t('Make {0} absolute ({0}.)', plainText(target, { maxLength: 120 })), vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      actions.push(action);
    }
    return actions;
  }
}

function lineRange(line: number, e: LineEdit): vscode.Range {
  return new vscode.Range(line, e.start, line, e.end);
}

function fix(title: string, edit: vscode.WorkspaceEdit, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}
