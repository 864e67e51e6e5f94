// The one object integration tests reach the running extension through: activate() returns it only when the
// test harness set DNS_BATCH_TASKS_TEST=1 (src/extension.ts), so other extensions never get the services,
// the context or the client of a user's host.
import type * as vscode from 'vscode';
import type { ZoneLintFeature } from '../lint';
import type { CompareFeature } from '../compare';
import type { FailedItemsFeature } from '../panels';
import type { RetryFeature } from '../retry';
import type { Services } from '../services';
import { TasksModel } from '../tasks';
import type { FinishNotice, TasksView } from '../views';
import type { ZoneFiles } from '../zone';

export interface TestApi {
  readonly services: Services;
  readonly tasks: {
    /** The model every view reads through. */
    readonly model: TasksModel;
    readonly tree: TasksView['tree'];
    readonly treeView: TasksView['treeView'];
    readonly runningStatus: TasksView['runningStatus'];
    /** The finish notices as they are shown. */
    readonly onDidNotify: vscode.Event<FinishNotice>;
    /** A second model from the same globalState, as a window reload would build it. */
    createModel(): TasksModel;
  };
  readonly panels: FailedItemsFeature;
  readonly zones: ZoneFiles;
  readonly lint: ZoneLintFeature;
  readonly retry: RetryFeature;
  readonly compare: CompareFeature;
}

export interface TestApiParts {
  services: Services;
  model: TasksModel;
  view: TasksView;
  panels: FailedItemsFeature;
  zones: ZoneFiles;
  lint: ZoneLintFeature;
  retry: RetryFeature;
  compare: CompareFeature;
}

export function createTestApi(parts: TestApiParts): TestApi {
  const { services, model, view, panels, zones, lint, retry, compare } = parts;
  return {
    services,
    tasks: {
      model,
      tree: view.tree,
      treeView: view.treeView,
      runningStatus: view.runningStatus,
      onDidNotify: view.notifier.onDidNotify,
      createModel: () => new TasksModel(services),
    },
    panels,
    zones,
    lint,
    retry,
    compare,
  };
}
