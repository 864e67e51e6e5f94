// The one object integration tests reach the running extension through: activate() returns it only when the
// test harness set DNS_BATCH_TASKS_TEST=1 (src/extension.ts), so other extensions never get the services,
// the context or the client of a user's host. The test behaviour lives here, not in the features: they take
// at most a seam at construction (the panels' observer, Reveal's prompts, Retry's answers), which the
// composition root builds with createTestSeams() in test mode only.
import * as vscode from 'vscode';
import type { ZoneLintFeature } from '../lint';
import type { CompareFeature } from '../compare';
import type { FailedItemsFeature } from '../panels';
import type { RetryFeature, RetryHooks } from '../retry';
import type { Services } from '../services';
import { TasksModel } from '../tasks';
import type { FinishNotice, TasksView } from '../views';
import { windowPrompts, type RevealPrompts, type ZoneFiles } from '../zone';
import { PanelProbes, type PanelsTestApi } from './panelProbes';

export type { PanelProbe, PanelsTestApi, RenderedAck } from './panelProbes';

/** Reveal's prompts, answered by the test when it asks: the first record, and no button when none matches. */
export interface RevealAnswers extends RevealPrompts {
  autoPickFirst: boolean;
}

function revealAnswers(): RevealAnswers {
  const answers: RevealAnswers = {
    autoPickFirst: false,
    pickRecord: (items, options) => (answers.autoPickFirst ? Promise.resolve(items[0]) : windowPrompts.pickRecord(items, options)),
    notFound: (message, buttons) => (answers.autoPickFirst ? Promise.resolve(undefined) : windowPrompts.notFound(message, buttons)),
  };
  return answers;
}

/** What the composition root hands the features in test mode, before building them. */
export interface TestSeams {
  readonly panels: PanelProbes;
  readonly reveal: RevealAnswers;
  readonly retry: RetryHooks;
}

export function createTestSeams(): TestSeams {
  return { panels: new PanelProbes(), reveal: revealAnswers(), retry: {} };
}

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
  readonly panels: PanelsTestApi;
  readonly zones: Pick<ZoneFiles, 'catalog' | 'problems' | 'reveal' | 'showFailures'> & {
    /** Reveal's prompts: set `autoPickFirst` to take the first record (and no button) instead of asking. */
    readonly revealOptions: RevealAnswers;
  };
  readonly lint: ZoneLintFeature;
  readonly retry: Pick<RetryFeature, 'relations' | 'onDidFinish'> & {
    /** Answers instead of a person's in the preview and the dialogs; empty unless a test sets them. */
    readonly hooks: RetryHooks;
  };
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
  seams: TestSeams;
}

export function createTestApi(parts: TestApiParts): TestApi {
  const { services, model, view, panels, zones, lint, retry, compare, seams } = parts;
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
    panels: seams.panels.api(panels),
    zones: {
      catalog: zones.catalog,
      problems: zones.problems,
      reveal: (request) => zones.reveal(request),
      showFailures: (taskId) => zones.showFailures(taskId),
      revealOptions: seams.reveal,
    },
    lint,
    retry: { relations: retry.relations, onDidFinish: retry.onDidFinish, hooks: seams.retry },
    compare,
  };
}
