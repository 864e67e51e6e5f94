// The status-bar item "$(sync~spin) 2 tasks running": visible only while something runs.
import * as vscode from 'vscode';
import { Views } from '../constants';
import { Disposable } from '../platform/lifecycle';
import type { TasksModel } from '../tasks';

export class RunningStatus extends Disposable {
  /** Made when a first task runs: until then there is nothing to show (nor to hide, a round trip each). */
  private made: vscode.StatusBarItem | undefined;

  constructor(private readonly model: TasksModel) {
    super();
    this._register(model.onDidChangeTree(() => this.update()));
    this._register(model.onDidReload(() => this.update()));
    this.update();
  }

  get item(): vscode.StatusBarItem {
    if (!this.made) {
      this.made = this._register(vscode.window.createStatusBarItem('huaweiDns.running', vscode.StatusBarAlignment.Left, 50));
      this.made.name = vscode.l10n.t('Huawei DNS: Running Tasks');
      this.made.command = `${Views.tasks}.focus`;
    }
    return this.made;
  }

  update(): void {
    const n = this.model.runningCount();
    if (n === 0) {
      this.made?.hide();
      return;
    }
    this.item.text = n === 1 ? vscode.l10n.t('$(sync~spin) 1 task running') : vscode.l10n.t('$(sync~spin) {0} tasks running', n);
    this.item.tooltip = this.model.poller.isPaused
      ? vscode.l10n.t('Checking is paused while the window is in the background.')
      : vscode.l10n.t('Huawei DNS batch tasks still running');
    this.item.show();
  }
}
