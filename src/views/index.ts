// The tracked-tasks view: the tree over the model, the status bar, finish notices and the commands.
import * as vscode from 'vscode';
import { ContextKeys, Views } from '../constants';
import type { BatchTaskSummary } from '../core/types';
import type { Services } from '../services';
import { formatCount } from '../shared/format';
import type { TasksModel } from '../tasks';
import { registerTaskCommands, type TaskPanels } from './commands';
import { FinishNotifier } from './finishNotifier';
import { RunningStatus } from './runningStatus';
import { TasksTreeProvider, type TaskRelations, type TasksNode } from './tasksTreeProvider';

export type { TaskPanels, TrackRecentArg } from './commands';
export type { FinishNotice } from './finishNotifier';
export type { TasksNode, TaskRelations } from './tasksTreeProvider';
export { TasksTreeProvider } from './tasksTreeProvider';

/** The parts of the view, for the composition root (and the test API it builds in test mode). */
export interface TasksView extends vscode.Disposable {
  readonly tree: TasksTreeProvider;
  readonly treeView: vscode.TreeView<TasksNode>;
  readonly notifier: FinishNotifier;
  readonly runningStatus: RunningStatus;
}

/** The activity-bar badge: how many tracked tasks have failed items, visible however narrow the sidebar. */
export function failuresBadge(tasks: readonly BatchTaskSummary[]): vscode.ViewBadge | undefined {
  const failing = tasks.filter((t) => t.errorCount > 0);
  if (failing.length === 0) return undefined;
  const items = failing.reduce((n, t) => n + t.errorCount, 0);
  return {
    value: failing.length,
    tooltip:
      failing.length === 1
        ? vscode.l10n.t('1 task with failed items ({0} failed)', formatCount(items))
        : vscode.l10n.t('{0} tasks with failed items ({1} failed)', failing.length, formatCount(items)),
  };
}

export function registerTasksView(services: Services, model: TasksModel, panels: TaskPanels, relations?: TaskRelations): TasksView {
  const disposables: vscode.Disposable[] = [];
  const tree = new TasksTreeProvider(model, () => services.session.siteLabel(), relations);
  const treeView = vscode.window.createTreeView(Views.tasks, { treeDataProvider: tree, showCollapseAll: true });
  const notifier = new FinishNotifier(model, panels);
  const status = new RunningStatus(model);
  disposables.push(tree, treeView, notifier, status, ...registerTaskCommands(services, model, panels));

  // Each setContext is a round trip to the workbench, and the tree changes at every poll: a key is sent only
  // when its value changes. At activation a false one is not sent at all (an unset key is false in a
  // when-clause) and stays unknown, so the first later update sends it whatever it is: a key left over from an
  // earlier extension host in this window is put right then.
  const sent = new Map<string, boolean>();
  const setContext = (key: string, value: boolean, activating: boolean) => {
    if (sent.get(key) === value || (activating && !value)) return;
    sent.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const updateContext = (activating = false) => {
    const tasks = model.all();
    setContext(ContextKeys.hasTasks, tasks.length > 0, activating);
    setContext(ContextKeys.groupByMessage, model.groupByMessage, activating);
    setContext(ContextKeys.watching, model.watchInBackground, activating);
    treeView.badge = failuresBadge(tasks);
  };
  disposables.push(model.onDidChangeTree(() => updateContext()), model.onDidReload(() => updateContext()));
  updateContext(true);

  model.setWindowFocused(vscode.window.state.focused);
  disposables.push(
    vscode.window.onDidChangeWindowState((s) => {
      model.setWindowFocused(s.focused);
      status.update();
    }),
  );

  return {
    tree,
    treeView,
    notifier,
    runningStatus: status,
    dispose: () => {
      for (const d of disposables.reverse()) d.dispose();
    },
  };
}
