// The one way the extension asks for a task id: a pick of the tracked tasks (when there are any) or an input
// box that accepts an id, a console URL or pasted JSON and says at once when there is no id in it.
import * as vscode from 'vscode';
import { extractTaskId } from '../core/taskId';
import type { BatchTaskSummary } from '../core/types';
import { formatStatusAndCounts, formatTaskLabel } from '../shared/format';
import { plainText } from '../shared/untrusted';

export interface TaskIdPromptOptions {
  title: string;
  /** Offered first, newest first; the person may still type another id. */
  tracked?: readonly BatchTaskSummary[];
}

export async function askTaskId(options: TaskIdPromptOptions): Promise<string | undefined> {
  const tracked = options.tracked ?? [];
  if (tracked.length > 0) {
    type Item = vscode.QuickPickItem & { taskId?: string };
    const other: Item = { label: `$(edit) ${vscode.l10n.t('Another task id…')}` };
    const items: Item[] = [
      ...tracked.map((t) => ({ taskId: t.id, label: plainText(formatTaskLabel(t)), description: plainText(formatStatusAndCounts(t)), detail: t.id })),
      other,
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: options.title,
      placeHolder: vscode.l10n.t('Choose a tracked task, or enter another task id'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    if (picked.taskId) return picked.taskId;
  }
  const value = await vscode.window.showInputBox({
    title: options.title,
    prompt: vscode.l10n.t('Task id (32 hex characters), or a URL, JSON or text containing it'),
    placeHolder: '0123456789abcdef0123456789abcdef',
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (text.trim() === '') return null;
      return extractTaskId(text) ? null : vscode.l10n.t('No task id here: expected 32 hex characters.');
    },
  });
  return value === undefined ? undefined : extractTaskId(value);
}
