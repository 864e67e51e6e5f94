// One notification when a watched task finishes: "Import finished: 1,880 succeeded, 120 failed".
import * as vscode from 'vscode';
import type { BatchTaskSummary } from '../core/types';
import { Disposable } from '../platform/lifecycle';
import { formatCount, formatTaskVerb } from '../shared/format';
import { plainText } from '../shared/untrusted';
import type { TasksModel } from '../tasks';
import type { TaskPanels } from './commands';

export interface FinishNotice {
  readonly taskId: string;
  readonly message: string;
  readonly task: BatchTaskSummary;
}

export function finishMessage(task: BatchTaskSummary): string {
  return vscode.l10n.t(
    '{0} finished: {1} succeeded, {2} failed',
    // An unknown type is shown as the server sent it: inert, so it cannot be a command link in the toast.
    plainText(formatTaskVerb(task.type)),
    formatCount(task.successCount),
    formatCount(task.errorCount),
  );
}

export class FinishNotifier extends Disposable {
  private readonly notified = this._register(new vscode.EventEmitter<FinishNotice>());
  /** Fires as each notification is shown. */
  readonly onDidNotify = this.notified.event;

  constructor(
    model: TasksModel,
    private readonly panels: TaskPanels,
  ) {
    super();
    this._register(model.onDidFinishTask(({ task }) => this.notify(task)));
  }

  private notify(task: BatchTaskSummary): void {
    const message = finishMessage(task);
    this.notified.fire({ taskId: task.id, message, task });
    const show = vscode.l10n.t('Show Failed Items');
    const shown = task.errorCount > 0
      ? vscode.window.showWarningMessage(message, show)
      : vscode.window.showInformationMessage(message);
    // Not awaited by the caller: the promise settles only when the user dismisses the toast.
    void Promise.resolve(shown).then((choice) => {
      if (choice === show) this.panels.show(task.id);
    });
  }
}
