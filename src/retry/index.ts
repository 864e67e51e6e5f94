// Retry Failed Items: the first feature that writes to a customer's DNS. Plan (reads only) → preview (the
// exact body, counts by zone, every skipped item) → one modal confirmation → send → track the new task as
// "retry of …" until DONE and compare it with its parent. Refused at once in read-only profiles and untrusted
// workspaces; a dry run and a Cancel send nothing.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { lazy } from '../core/lazy';
import type * as Outcome from '../core/retryPlan/outcome';
import type { RetryOutcome } from '../core/retryPlan/outcome';
import type { RetryPlan } from '../core/retryPlan/plan';
import type { RetryRecordSet } from '../core/recordSets/types';
import { errorMessage } from '../platform/errorDetails';
import { Disposable } from '../platform/lifecycle';
import { showError } from '../platform/notify';
import { askTaskId } from '../platform/taskIdPrompt';
import type { Services } from '../services';
import { formatCount, isPendingStatus, shortTaskId } from '../shared/format';
import type { TrackedTasks } from '../tasks';
import { parseRetryArgument } from './args';
import type * as Planner from './planner';
import type { PlannedRetry } from './planner';
import { pickAction, requestDocument, RequestDocuments, type PreviewAction } from './preview';
import { RetryRelationStore, type RetryRelations } from './relations';
import type * as Send from './send';
import type { SendHooks, SentTask } from './send';
import type { RetryZoneFiles } from './zoneIndexes';

export type { RetryRelations } from './relations';
export type { RetryZoneFiles } from './zoneIndexes';
export type { PlannedRetry } from './planner';

// Planning, sending and comparing the outcome are loaded at the first retry, not at activation; esbuild puts them in a
// file of their own (esbuild.mjs LAZY).
/* eslint-disable @typescript-eslint/no-require-imports */
const planner = lazy(() => require('./planner') as typeof Planner);
const send = lazy(() => require('./send') as typeof Send);
const outcome = lazy(() => require('../core/retryPlan/outcome') as typeof Outcome);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Answers given instead of a person's in the preview, the dialogs and the save box. Only the test API passes
 * them (src/extension.ts in test mode); a user's host has none and always asks.
 */
export interface RetryHooks extends SendHooks {
  previewAction?: (planned: PlannedRetry) => PreviewAction | Promise<PreviewAction>;
  saveTarget?: vscode.Uri;
}

/** What the command resolves with: the plan (as planRetry returns it), plus the tasks created when sent. */
export interface RetryResult extends RetryPlan {
  sent?: SentTask[];
}

export interface RetryFinished {
  parentId: string;
  taskId: string;
  outcome: RetryOutcome;
}

export interface RetryFeature extends vscode.Disposable {
  /** Which task retries which, for the tree's "retry of …". */
  readonly relations: RetryRelations;
  /** A retry task reached DONE and was compared with its parent. */
  readonly onDidFinish: vscode.Event<RetryFinished>;
}

export interface RetryDeps {
  tasks: TrackedTasks;
  zoneFiles: RetryZoneFiles;
  /** The task of the failed-items panel in front, for the panel's toolbar button. */
  activePanelTask?: () => string | undefined;
}

class Retry extends Disposable implements RetryFeature {
  private readonly store: RetryRelationStore;
  private readonly documents: RequestDocuments;
  private readonly finished = this._register(new vscode.EventEmitter<RetryFinished>());
  readonly onDidFinish = this.finished.event;

  constructor(
    private readonly services: Services,
    private readonly deps: RetryDeps,
    private readonly hooks: RetryHooks,
  ) {
    super();
    this.store = this._register(new RetryRelationStore(services));
    this.documents = this._register(new RequestDocuments());
    this._register(vscode.commands.registerCommand(Commands.retryFailedItems, (arg?: unknown) => this.run(arg)));
  }

  get relations(): RetryRelations {
    return this.store;
  }

  /** Why a write is refused right now, before any preview or prompt; undefined when it may go ahead. */
  private refusal(): string | undefined {
    if (!vscode.workspace.isTrusted) return vscode.l10n.t('Writes to DNS are refused in an untrusted workspace: trust the workspace first (its zone files decide what is sent).');
    const profile = this.services.session.profile;
    if (profile?.readOnly) return vscode.l10n.t('Profile "{0}" is read-only: writes to DNS are refused. Run "Huawei DNS: Toggle Read-Only Profile" to allow them.', profile.name);
    return undefined;
  }

  private async run(arg: unknown): Promise<RetryResult | undefined> {
    const request = parseRetryArgument(arg);
    if (typeof request === 'string') throw new Error(`huaweiDns.retryFailedItems: ${request}`);
    // Automation passes { taskId, dryRun? } and gets rejections; people (palette, tree, toolbar) get messages.
    const automated = typeof arg === 'string' || (typeof arg === 'object' && arg !== null && !('kind' in arg));
    if (!request.dryRun) {
      const refused = this.refusal();
      if (refused) {
        this.services.log.info(`Retry refused: ${refused}`);
        if (automated) throw new Error(refused);
        void vscode.window.showErrorMessage(refused);
        return undefined;
      }
    }
    const taskId =
      request.taskId ??
      this.deps.activePanelTask?.() ??
      (automated ? undefined : await askTaskId({ title: vscode.l10n.t('Retry the failed items of which task?'), tracked: this.deps.tasks.all().filter((t) => t.errorCount > 0 && !isPendingStatus(t.status)) }));
    if (!taskId) {
      if (automated) throw new Error('huaweiDns.retryFailedItems: taskId is required');
      return undefined;
    }
    let planned: PlannedRetry;
    try {
      planned = await this.plan(taskId, !automated);
    } catch (error) {
      if (automated) throw error;
      if (error instanceof planner().RetryRefusal) void vscode.window.showInformationMessage(error.message);
      else void showError(this.services, error, { action: vscode.l10n.t('Retry failed items'), taskId });
      return undefined;
    }
    const result: RetryResult = { recordsets: planned.plan.recordsets, skipped: planned.plan.skipped };
    this.services.log.info(`Retry plan for ${taskId}: ${planned.plan.recordsets.length} record sets to send, ${planned.plan.skipped.length} items skipped${request.dryRun ? ' (dry run)' : ''}`);
    if (request.dryRun) return result;

    const text = requestDocument(planned.requests);
    if (planned.requests.length > 0) await this.documents.show(taskId, text);
    const action = await this.review(planned, text);
    if (action !== 'send') {
      this.services.log.info(`Retry of ${taskId}: cancelled in the preview, nothing sent`);
      return result;
    }
    // Checked again: the profile may have been made read-only while the preview was open.
    const refused = this.refusal();
    if (refused) {
      void vscode.window.showErrorMessage(refused);
      return result;
    }
    if (!(await send().confirmSend(planned, this.services, this.hooks))) {
      this.services.log.info(`Retry of ${taskId}: not confirmed, nothing sent`);
      return result;
    }
    const client = await this.services.session.requireClient();
    if (!client) return result;
    try {
      result.sent = await send().sendAll(this.services, client, planned, this.hooks, (task, recordsets) => this.adopt(task, planned.parent.id, recordsets));
    } catch (error) {
      if (automated) throw error;
      void showError(this.services, error, { action: vscode.l10n.t('Retry failed items'), taskId });
    }
    return result;
  }

  private plan(taskId: string, withProgress: boolean): Promise<PlannedRetry> {
    const build = (signal?: AbortSignal) => planner().buildPlan(this.services, this.deps.tasks, this.deps.zoneFiles, taskId, signal);
    if (!withProgress) return build();
    return Promise.resolve(
      vscode.window.withProgress<PlannedRetry>(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Planning the retry of {0}…', shortTaskId(taskId)), cancellable: true },
        (_progress, token) => {
          const controller = new AbortController();
          const sub = token.onCancellationRequested(() => controller.abort());
          return build(controller.signal).finally(() => {
            sub.dispose();
          });
        },
      ),
    );
  }

  /** The preview's loop: Save and Copy keep it open; only Send or Cancel end it. */
  private async review(planned: PlannedRetry, text: string): Promise<PreviewAction> {
    const act = async (action: PreviewAction): Promise<void> => {
      if (action === 'save') await this.save(planned, text);
      else if (action === 'copy') {
        await vscode.env.clipboard.writeText(outcome().toZoneSnippet(planned.plan.recordsets));
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} record sets as zone-file lines.', formatCount(planned.plan.recordsets.length)));
      }
    };
    if (this.hooks.previewAction) {
      for (;;) {
        const action = await this.hooks.previewAction(planned);
        if (action === 'send' || action === 'cancel') return action;
        await act(action);
      }
    }
    return pickAction(planned, act);
  }

  /** Save Request…: the JSON the preview shows, to a file of the person's choice; sends nothing. */
  private async save(planned: PlannedRetry, text: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target =
      this.hooks.saveTarget ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Save the retry request'),
        filters: { JSON: ['json'] },
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `retry-${shortTaskId(planned.parent.id)}.json`) } : {}),
      }));
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
      this.services.log.info(`Saved the retry request of ${planned.parent.id} to ${target.fsPath} (nothing sent)`);
    } catch (error) {
      void showError(this.services, error, { action: vscode.l10n.t('Save Request') });
    }
  }

  /** The new task: tracked at once, remembered as a retry, watched until DONE, then compared with its parent. */
  private async adopt(task: SentTask, parentId: string, sent: readonly RetryRecordSet[]): Promise<void> {
    await this.store.add(task.taskId, parentId);
    const compareWhenDone = (status: string): boolean => {
      if (isPendingStatus(status)) return false;
      void this.compare(task.taskId, parentId, sent);
      return true;
    };
    const sub = this.deps.tasks.onDidChangeTask((summary) => {
      if (summary.id === task.taskId && compareWhenDone(summary.status)) sub.dispose();
    });
    this._register(sub);
    try {
      const summary = await this.deps.tasks.track(task.taskId);
      if (compareWhenDone(summary.status)) sub.dispose();
    } catch (error) {
      this.services.log.warn(`Could not track the new task ${task.taskId}`, error);
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Created task {0} ({1} record sets), a retry of {2}. It is tracked in the Batch Tasks view.', task.taskId, formatCount(task.sets), shortTaskId(parentId)));
  }

  private compared = new Set<string>();

  private async compare(taskId: string, parentId: string, sent: readonly RetryRecordSet[]): Promise<void> {
    if (this.compared.has(taskId)) return;
    this.compared.add(taskId);
    try {
      const [parent, child] = await Promise.all([this.deps.tasks.allItems(parentId), this.deps.tasks.allItems(taskId)]);
      const compared = outcome().compareOutcome(parent.items, sent, child.items);
      this.services.log.info(`Retry ${taskId} of ${parentId} is DONE: ${compared.fixed.length} fixed, ${compared.stillFailing.length} still failing, ${compared.newlyFailing.length} newly failing`);
      this.finished.fire({ parentId, taskId, outcome: compared });
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Retry of {0} is DONE: {1} fixed, {2} still failing (same cause), {3} newly failing.', shortTaskId(parentId), formatCount(compared.fixed.length), formatCount(compared.stillFailing.length), formatCount(compared.newlyFailing.length)),
      );
    } catch (error) {
      this.services.log.warn(`Could not compare retry ${taskId} with ${parentId}: ${errorMessage(error)}`);
    }
  }
}

/** `hooks`: answers instead of a person's, from the test API only. */
export function registerRetry(services: Services, deps: RetryDeps, hooks: RetryHooks = {}): RetryFeature {
  return new Retry(services, deps, hooks);
}
