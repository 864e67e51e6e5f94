// The status-bar item "$(sync~spin) 2 tasks running": visible only while something runs.
import * as vscode from 'vscode';
import { Views } from '../constants';
import { Disposable } from '../platform/lifecycle';
import type { TasksModel } from '../tasks';

export class RunningStatus extends Disposable {
  readonly item = this._register(vscode.window.createStatusBarItem('huaweiDns.running', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly model: TasksModel) {
    super();
    this.item.name = vscode.l10n.t('Huawei DNS: Running Tasks');
    this.item.command = `${Views.tasks}.focus`;
    this._register(model.onDidChangeTree(() => this.update()));
    this._register(model.onDidReload(() => this.update()));
    this.update();
  }

  update(): void {
    const n = this.model.runningCount();
    if (n === 0) {
      this.item.hide();
      return;
    }
    this.item.text = n === 1 ? vscode.l10n.t('$(sync~spin) 1 task running') : vscode.l10n.t('$(sync~spin) {0} tasks running', n);
    this.item.tooltip = this.model.poller.isPaused
      ? vscode.l10n.t('Checking is paused while the window is in the background.')
      : vscode.l10n.t('Huawei DNS batch tasks still running');
    this.item.show();
  }
}
