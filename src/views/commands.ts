// The tree's commands: tracking, refreshing, copying, paging. Each accepts an argument so automation can
// skip the UI; each is a thin call into the model or the panels.
import * as vscode from 'vscode';
import { Commands, Views } from '../constants';
import type { BatchTaskSummary } from '../core/types';
import { isValidTaskId, taskIdFromArgument } from '../core/taskId';
import { showError } from '../platform/notify';
import { askTaskId } from '../platform/taskIdPrompt';
import { formatStatusAndCounts, formatTaskLabel, formatTaskType, formatTimestamp } from '../shared/format';
import type { Services } from '../services';
import { sortTasks, type TasksModel } from '../tasks';
import type { ErrorNode } from './tasksTreeProvider';
import { plainText } from '../shared/untrusted';

/** What "Track Recent Tasks" accepts instead of asking: everything, or these ids. */
export type TrackRecentArg = { all: true } | readonly string[];

/** What the tasks view needs of the failed-items panels. */
export interface TaskPanels {
  /** Opens (or focuses) the failed-items panel of a task. */
  show(taskId: string): void;
}

export function registerTaskCommands(services: Services, model: TasksModel, panels: TaskPanels): vscode.Disposable[] {
  const site = () => services.session.siteLabel();
  const fail = (error: unknown, action: string, taskId?: string) => {
    void showError(services, error, { action, taskId, site: site() });
  };

  /** Asks for an id, or takes it from the argument; then tracks it. Returns the id, or undefined if cancelled/failed. */
  async function trackFromInput(arg: unknown): Promise<string | undefined> {
    const id = arg === undefined ? await askTaskId({ title: vscode.l10n.t('Show Batch Task') }) : taskIdFromArgument(arg);
    if (!id) {
      if (typeof arg === 'string') fail(new Error(vscode.l10n.t('No task id found in "{0}".', arg.slice(0, 80))), vscode.l10n.t('Show Batch Task'));
      return undefined;
    }
    if (!(await services.session.requireClient())) return undefined;
    try {
      await vscode.window.withProgress(
        { location: { viewId: Views.tasks }, title: vscode.l10n.t('Loading task {0}…', id) },
        () => model.track(id),
      );
      return id;
    } catch (error) {
      fail(error, vscode.l10n.t('Tracking task'), id);
      return undefined;
    }
  }

  const register = (id: string, fn: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, fn);

  return [
    register(Commands.showBatchTask, async (arg?: unknown) => {
      const id = await trackFromInput(arg);
      if (id) panels.show(id);
      return id;
    }),
    register(Commands.trackTask, (arg?: unknown) => trackFromInput(arg)),
    register(Commands.trackRecentTasks, (arg?: TrackRecentArg) => trackRecent(services, model, arg).catch((error: unknown) => {
      fail(error, vscode.l10n.t('Listing recent tasks'));
      return [] as string[];
    })),
    register(Commands.refresh, () => model.refreshAll()),
    register(Commands.refreshTask, async (arg?: unknown) => {
      const id = taskIdFromArgument(arg);
      if (!id) return undefined;
      try {
        return await model.refreshTask(id);
      } catch (error) {
        fail(error, vscode.l10n.t('Refreshing task'), id);
        return undefined;
      }
    }),
    register(Commands.copyTaskId, async (arg?: unknown) => {
      const id = taskIdFromArgument(arg);
      if (id) await vscode.env.clipboard.writeText(id);
      return id;
    }),
    register(Commands.copyTaskDetails, async (arg?: unknown) => {
      const id = taskIdFromArgument(arg);
      const task = id ? model.get(id) : undefined;
      if (!task) return undefined;
      const text = taskDetails(task, site());
      await vscode.env.clipboard.writeText(text);
      return text;
    }),
    register(Commands.untrackTask, (arg?: unknown) => {
      const id = taskIdFromArgument(arg);
      return id ? model.untrackTask(id) : false;
    }),
    register(Commands.loadMore, (arg?: unknown) => {
      const id = taskIdFromArgument(arg);
      return id ? model.loadMore(id) : undefined;
    }),
    register(Commands.retry, (arg?: ErrorNode) => model.retry(arg?.scope ?? 'root', arg?.taskId)),
    register(Commands.toggleGroupByMessage, async (arg?: boolean) => {
      const value = typeof arg === 'boolean' ? arg : !model.groupByMessage;
      await model.setGroupByMessage(value);
      return value;
    }),
    register(Commands.watchInBackground, async (arg?: boolean) => {
      const value = typeof arg === 'boolean' ? arg : !model.watchInBackground;
      await model.setWatchInBackground(value);
      if (typeof arg !== 'boolean') {
        void vscode.window.showInformationMessage(
          value
            ? vscode.l10n.t('Running tasks are now checked even while the window is in the background.')
            : vscode.l10n.t('Running tasks are checked only while the window is focused.'),
        );
      }
      return value;
    }),
  ];
}

/** Lists every task of the account (all pages) and tracks the chosen ones. Returns the ids now tracked. */
async function trackRecent(services: Services, model: TasksModel, arg: TrackRecentArg | undefined): Promise<string[]> {
  const client = await services.session.requireClient();
  if (!client) return [];
  const tasks = await vscode.window.withProgress<BatchTaskSummary[]>(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing recent tasks…'), cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      return client.listAllTasks({ pageSize: services.settings.get().pageSize, signal: controller.signal }).finally(() => {
        sub.dispose();
      });
    },
  );
  const sorted = sortTasks(tasks.slice());
  let chosen: BatchTaskSummary[];
  if (arg && 'all' in arg) chosen = sorted;
  else if (Array.isArray(arg)) chosen = sorted.filter((t) => (arg as readonly string[]).includes(t.id));
  else {
    if (sorted.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This account has no batch tasks.'));
      return [];
    }
    const picked = await pickTasks(sorted, model);
    if (!picked) return [];
    chosen = picked;
  }
  model.trackSummaries(chosen.filter((t) => isValidTaskId(t.id)));
  return chosen.map((t) => t.id);
}

interface TaskPick extends vscode.QuickPickItem {
  task: BatchTaskSummary;
}

function pickTasks(tasks: BatchTaskSummary[], model: TasksModel): Promise<BatchTaskSummary[] | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<TaskPick>();
    qp.title = vscode.l10n.t('Track Recent Tasks ({0})', tasks.length);
    qp.placeholder = vscode.l10n.t('Choose the tasks to show in the sidebar');
    qp.canSelectMany = true;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.items = tasks.map((task) => ({
      task,
      // Type, status and date are the server's words: `$(icon)` in them would render in the pick.
      label: plainText(formatTaskLabel(task)),
      description: plainText(formatStatusAndCounts(task)),
      detail: vscode.l10n.t('Created {0} · {1}', plainText(formatTimestamp(task.createdAt)), task.id),
    }));
    qp.selectedItems = qp.items.filter((i) => model.isTracked(i.task.id));
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      resolve(qp.selectedItems.map((i) => i.task));
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

export function taskDetails(task: BatchTaskSummary, site: string | undefined): string {
  const rows: [string, string | undefined][] = [
    ['Task ID', task.id],
    ['Type', `${formatTaskType(task.type)} (${task.type})`],
    ['Status', task.status],
    ['Created', task.createdAt],
    ['Updated', task.updatedAt],
    ['Total', String(task.totalCount)],
    ['Succeeded', String(task.successCount)],
    ['Failed', String(task.errorCount)],
    ['Site', site],
  ];
  return rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${v}`).join('\n');
}

