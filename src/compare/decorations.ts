// The comparison's marks on the zone file's own lines: in sync, differs (the hover shows the live value),
// missing live. Kept per file and re-applied whenever an editor of that file becomes visible; an edit to the
// file drops its marks (their lines would be stale).
import * as vscode from 'vscode';
import { Disposable } from '../platform/lifecycle';
import type { LineMark, LineState } from './lines';


export class CompareDecorations extends Disposable {
  private readonly types: Record<LineState, vscode.TextEditorDecorationType>;
  private readonly marks = new Map<string, Record<LineState, vscode.DecorationOptions[]>>();

  constructor() {
    super();
    const after = (text: string, color: string): vscode.ThemableDecorationAttachmentRenderOptions => ({ contentText: text, color: new vscode.ThemeColor(color), margin: '0 0 0 2em' });
    this.types = {
      inSync: this._register(vscode.window.createTextEditorDecorationType({ after: after(vscode.l10n.t('✓ in sync'), 'editorCodeLens.foreground') })),
      differs: this._register(
        vscode.window.createTextEditorDecorationType({
          after: after(vscode.l10n.t('≠ differs from live'), 'editorWarning.foreground'),
          overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.warningForeground'),
          overviewRulerLane: vscode.OverviewRulerLane.Right,
        }),
      ),
      missingLive: this._register(
        vscode.window.createTextEditorDecorationType({
          after: after(vscode.l10n.t('✗ missing live'), 'editorError.foreground'),
          overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.errorForeground'),
          overviewRulerLane: vscode.OverviewRulerLane.Right,
        }),
      ),
    };
    this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.paint(e))));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.marks.delete(e.document.uri.fsPath)) this.repaint(e.document.uri.fsPath);
      }),
    );
  }

  /** Replaces the marks of each given file (files not named keep theirs). */
  set(perFile: ReadonlyMap<string, readonly LineMark[]>): void {
    for (const [file, marks] of perFile) {
      const byState: Record<LineState, vscode.DecorationOptions[]> = { inSync: [], differs: [], missingLive: [] };
      // One MarkdownString per distinct hover: the records of one set share theirs.
      const hovers = new Map<string, vscode.MarkdownString>();
      for (const m of marks) {
        const line = Math.max(0, m.line - 1);
        let md = hovers.get(m.hover);
        if (!md) hovers.set(m.hover, (md = untrustedMarkdown(m.hover)));
        byState[m.state].push({ range: new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), hoverMessage: md });
      }
      this.marks.set(file, byState);
      this.repaint(file);
    }
  }

  clear(): void {
    const files = [...this.marks.keys()];
    this.marks.clear();
    for (const f of files) this.repaint(f);
  }

  /** For tests: the 1-based lines of each state in a file. */
  linesOf(file: string): Record<LineState, number[]> {
    const m = this.marks.get(file);
    const lines = (list: vscode.DecorationOptions[] | undefined) => (list ?? []).map((d) => d.range.start.line + 1);
    return { inSync: lines(m?.inSync), differs: lines(m?.differs), missingLive: lines(m?.missingLive) };
  }

  /** For tests: the hover Markdown at a 1-based line. */
  hoverAt(file: string, line: number): string | undefined {
    const m = this.marks.get(file);
    if (!m) return undefined;
    for (const list of Object.values(m)) {
      const hit = list.find((d) => d.range.start.line === line - 1);
      if (hit) return (hit.hoverMessage as vscode.MarkdownString).value;
    }
    return undefined;
  }

  private repaint(file: string): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.fsPath === file) this.paint(editor);
  }

  private paint(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme !== 'file') return;
    const m = this.marks.get(editor.document.uri.fsPath);
    for (const state of Object.keys(this.types) as LineState[]) editor.setDecorations(this.types[state], m?.[state] ?? []);
  }
}

/** Never trusted (no command links), never HTML: the values inside came from a server or a file. */
function untrustedMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

