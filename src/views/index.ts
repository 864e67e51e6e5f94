// The tracked-tasks feature: model, tree, status bar, finish notices and commands, wired together.
import * as vscode from 'vscode';
import { ContextKeys, Views } from '../constants';
import { errorMessage } from '../platform/errorDetails';
import type { Services } from '../services';
import { registerTaskCommands } from './commands';
import { FinishNotifier, type FinishNotice } from './finishNotifier';
import { RunningStatus } from './runningStatus';
import { TasksModel } from './tasksModel';
import { TasksTreeProvider, type TasksNode } from './tasksTreeProvider';
import type { TrackedTasks } from './trackedTasks';

export interface TasksFeature extends vscode.Disposable {
  readonly tasks: TrackedTasks;
  /** For tests: the model behind the tree, its provider and the finish notices as they are shown. */
  readonly model: TasksModel;
  readonly tree: TasksTreeProvider;
  readonly treeView: vscode.TreeView<TasksNode>;
  readonly onDidNotify: vscode.Event<FinishNotice>;
  readonly runningStatus: RunningStatus;
  /** For tests: builds a second model from the same globalState, as a window reload would. */
  createModel(): TasksModel;
}

export function registerTasksView(services: Services): TasksFeature {
  const disposables: vscode.Disposable[] = [];
  const model = new TasksModel(services);
  const tree = new TasksTreeProvider(model, () => services.session.siteLabel());
  const treeView = vscode.window.createTreeView(Views.tasks, { treeDataProvider: tree, showCollapseAll: true });
  const notifier = new FinishNotifier(model);
  const status = new RunningStatus(model);
  disposables.push(model, tree, treeView, notifier, status, ...registerTaskCommands(services, model));

  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
  const updateContext = () => {
    setContext(ContextKeys.hasTasks, model.all().length > 0);
    setContext(ContextKeys.groupByMessage, model.groupByMessage);
    setContext(ContextKeys.watching, model.watchInBackground);
  };
  disposables.push(model.onDidChangeTree(updateContext), model.onDidReload(updateContext));
  updateContext();

  model.setWindowFocused(vscode.window.state.focused);
  disposables.push(
    vscode.window.onDidChangeWindowState((s) => {
      model.setWindowFocused(s.focused);
      status.update();
    }),
  );

  // `npm start` (the sandbox) should open on a populated tree: track the account's tasks once per scope.
  const autoTracked = new Set<string>();
  const sandboxAutoTrack = () => {
    const scope = services.session.scopeKey();
    if (process.env.HUAWEI_DNS_SANDBOX !== '1' || !scope || autoTracked.has(scope) || model.all().length > 0) return;
    const client = services.session.getClient();
    if (!client) return;
    autoTracked.add(scope);
    client.listAllTasks().then(
      (tasks) => {
        if (services.session.scopeKey() === scope) model.trackSummaries(tasks);
      },
      (error: unknown) => model.setRootError(vscode.l10n.t('Could not list the account\'s tasks: {0}', errorMessage(error))),
    );
  };
  disposables.push(model.onDidReload(sandboxAutoTrack));
  sandboxAutoTrack();

  return {
    tasks: model,
    model,
    tree,
    treeView,
    onDidNotify: notifier.onDidNotify,
    runningStatus: status,
    createModel: () => new TasksModel(services),
    dispose: () => {
      for (const d of disposables.reverse()) d.dispose();
    },
  };
}
