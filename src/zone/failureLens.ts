// Above each failed record a CodeLens ("✗ failed in Create record sets · 1c480cac: <cause>") that opens the
// task's failed items at that item, and on the record a "Why did this fail?" hover: the server's words, the
// cause, the fix, and whether the file has fixed it since.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { formatTaskLabel, shortTaskId } from '../shared/format';
import { markdownCode, markdownEscape, plainText } from '../shared/untrusted';
import type { TrackedTasks } from '../tasks';
import type { FailureMark, ZoneProblems } from './problems';

/** The argument the CodeLens and the hover's link give huaweiDns.showFailedItems. */
export interface ShowFailedItemArg {
  taskId: string;
  item: string;
}

function taskLabel(tasks: TrackedTasks, taskId: string): string {
  const task = tasks.get(taskId);
  return task ? formatTaskLabel(task) : shortTaskId(taskId);
}

function cause(m: FailureMark): string {
  return m.explanation.kind === 'unknown' ? plainText(m.item.errorMessage, { maxLength: 120 }) : plainText(m.explanation.summary, { maxLength: 120 });
}

export class FailureCodeLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly problems: ZoneProblems, private readonly tasks: TrackedTasks) {
    this.onDidChangeCodeLenses = problems.onDidChangeMarks;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    return this.problems.marksIn(doc.uri)
      .filter((m) => m.line < doc.lineCount)
      .map((m) => {
        const label = plainText(taskLabel(this.tasks, m.taskId), { maxLength: 80 });
        const title = m.fixedSince
          ? vscode.l10n.t('✓ failed in {0}, fixed in the file since', label)
          : vscode.l10n.t('✗ failed in {0}: {1}', label, cause(m));
        const arg: ShowFailedItemArg = { taskId: m.taskId, item: m.item.item };
        return new vscode.CodeLens(doc.lineAt(m.line).range, { title, command: Commands.showFailedItems, arguments: [arg], tooltip: plainText(m.item.errorMessage) });
      });
  }
}

export class FailureHovers implements vscode.HoverProvider {
  constructor(private readonly problems: ZoneProblems, private readonly tasks: TrackedTasks) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const marks = this.problems.marksIn(doc.uri).filter((m) => m.line === position.line);
    if (marks.length === 0) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    // Only our own command may run from this hover; every server or file text in it is escaped.
    md.isTrusted = { enabledCommands: [Commands.showFailedItems] };
    md.appendMarkdown(`**${markdownEscape(vscode.l10n.t('Why did this fail?'))}**\n\n`);
    for (const m of marks) {
      const e = m.explanation;
      const args = encodeURIComponent(JSON.stringify([{ taskId: m.taskId, item: m.item.item } satisfies ShowFailedItemArg]));
      md.appendMarkdown(`$(error) ${markdownEscape(taskLabel(this.tasks, m.taskId))} · ${markdownCode(m.item.item, { maxLength: 200 })}: ${markdownCode(m.item.errorMessage, { maxLength: 400 })}\n\n`);
      if (m.fixedSince) md.appendMarkdown(`$(pass) ${markdownEscape(vscode.l10n.t('Fixed in the file since: the record now passes the {0} check.', e.lintRule ?? ''))}\n\n`);
      if (e.kind !== 'unknown') {
        md.appendMarkdown(`${markdownEscape(e.summary, { maxLength: 1000 })}\n\n`);
        md.appendMarkdown(`**${markdownEscape(vscode.l10n.t('Fix:'))}** ${markdownEscape(e.fix, { maxLength: 1000 })}`);
        md.appendMarkdown(e.retryable ? ` ${markdownEscape(vscode.l10n.t('(The records were fine: retrying is safe.)'))}\n\n` : '\n\n');
      }
      md.appendMarkdown(`[${markdownEscape(vscode.l10n.t('Show in failed items'))}](command:${Commands.showFailedItems}?${args})\n\n`);
    }
    return new vscode.Hover(md, doc.lineAt(position.line).range);
  }
}
