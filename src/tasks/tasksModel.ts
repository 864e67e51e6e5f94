// The tracked tasks of the active account: the only owner of a task's summary, its pages of failed items,
// the complete list of them and the polling. The tree, the panels, the Problems panel and the retry plan all
// read through it, so one answer from the server updates every view. Knows the API (through the session's
// client); knows nothing about TreeItems or webviews.
import * as vscode from 'vscode';
import { StateKeys } from '../constants';
import { CancelledError } from '../core/errors';
import type { BatchTask, BatchTaskSummary, DnsClient } from '../core/types';
import { isValidTaskId } from '../core/taskId';
import { errorMessage } from '../platform/errorDetails';
import { Disposable } from '../platform/lifecycle';
import { isPendingStatus } from '../shared/format';
import type { Services } from '../services';
import { FailedItemsPager } from './failedItemsPager';
import { SharedFetch, type AllItems, type AllItemsOptions } from './sharedFetch';
import { sortTasks } from './snapshots';
import { cachePage, entryView, invalidateItems, newEntry, pageKey, sameSummary, summaryOf, type Entry, type TaskEntry } from './taskEntry';
import { TaskPoller, type Clock } from './taskPoller';
import { TrackedTasksStore } from './trackedTasksStore';
import type { TrackedTasks } from './trackedTasks';

export type { FailedItemsState, TaskEntry } from './taskEntry';
export type { AllItems, AllItemsOptions } from './sharedFetch';

/** Pages of Load All and of the Problems panel: the most the API returns at once. */
const ALL_ITEMS_PAGE = 500;

export interface TaskFinished {
  readonly task: BatchTaskSummary;
}

export interface TasksModelOptions {
  clock?: Clock;
  random?: () => number;
}

export class TasksModel extends Disposable implements TrackedTasks {
  private readonly entries = new Map<string, Entry>();
  private readonly tracking = new Map<string, Promise<BatchTaskSummary>>();
  private scope: string | undefined;
  /** Rebuilt on every account change, so a late answer for the old account is recognised and dropped. */
  private generation = 0;
  private rootErrorText: string | undefined;
  private groupByMessageFlag: boolean;
  private watchInBackgroundFlag: boolean;
  private windowFocused = true;

  private readonly changeTask = this._register(new vscode.EventEmitter<BatchTaskSummary>());
  readonly onDidChangeTask = this.changeTask.event;
  private readonly untrack = this._register(new vscode.EventEmitter<string>());
  readonly onDidUntrack = this.untrack.event;
  /** The tree should redraw: a task id, or undefined for everything. */
  private readonly changeTree = this._register(new vscode.EventEmitter<string | undefined>());
  readonly onDidChangeTree = this.changeTree.event;
  /** A task we saw running is now done: exactly once per task run. */
  private readonly finish = this._register(new vscode.EventEmitter<TaskFinished>());
  readonly onDidFinishTask = this.finish.event;
  /** The account changed and the model reloaded (for context keys and the status bar). */
  private readonly reload = this._register(new vscode.EventEmitter<void>());
  readonly onDidReload = this.reload.event;

  readonly poller: TaskPoller;
  private readonly pager: FailedItemsPager;
  private readonly store: TrackedTasksStore;

  constructor(
    private readonly services: Services,
    options: TasksModelOptions = {},
  ) {
    super();
    this.groupByMessageFlag = services.context.globalState.get<boolean>(StateKeys.groupByMessage, false);
    this.watchInBackgroundFlag = services.context.globalState.get<boolean>(StateKeys.watchInBackground, false);
    this.poller = new TaskPoller({
      poll: (id, signal) => this.poll(id, signal),
      baseIntervalMs: () => services.settings.get().pollIntervalSeconds * 1000,
      clock: options.clock,
      random: options.random,
      onError: (id, error) => services.log.warn(`Polling task ${id} failed: ${errorMessage(error)}`),
    });
    this.pager = new FailedItemsPager({
      page: (id, entry, offset, limit) => this.fetchPage(id, entry, offset, limit),
      pageSize: () => this.pageSize(),
      isCurrent: (id, entry) => this.isCurrent(id, entry),
      changed: (id) => this.changeTree.fire(id),
      log: services.log,
    });
    this.store = new TrackedTasksStore(services.context.globalState, services.log);
    this._register({ dispose: () => this.poller.dispose() });
    this._register({ dispose: () => this.abortAll() });
    this._register(services.session.onDidChange(() => this.reloadForAccount()));
    this.loadScope();
  }

  // ---- TrackedTasks ----

  get(taskId: string): BatchTaskSummary | undefined {
    return this.entries.get(taskId)?.summary;
  }

  all(): readonly BatchTaskSummary[] {
    return sortTasks([...this.entries.values()].map((e) => e.summary));
  }

  /** Tracks the task (if not yet) and fetches its latest state. Throws when the server does not know it. */
  track(taskId: string): Promise<BatchTaskSummary> {
    if (!isValidTaskId(taskId)) return Promise.reject(new Error(vscode.l10n.t('"{0}" is not a task id.', taskId.slice(0, 80))));
    if (this.entries.has(taskId)) return this.refreshTask(taskId);
    // Two callers tracking the same new task (Show Batch Task, then its panel) share one request.
    let tracking = this.tracking.get(taskId);
    if (!tracking) {
      tracking = this.trackNew(taskId).finally(() => this.tracking.delete(taskId));
      this.tracking.set(taskId, tracking);
    }
    return tracking;
  }

  private async trackNew(taskId: string): Promise<BatchTaskSummary> {
    const client = this.client();
    const generation = this.generation;
    const task = await client.getTask(taskId, { limit: this.pageSize(), offset: 0 });
    if (generation !== this.generation) throw new Error(vscode.l10n.t('The account changed while the task was loading.'));
    const existing = this.entries.get(taskId);
    if (existing) return existing.summary; // tracked meanwhile by someone else
    const entry = newEntry(summaryOf(task));
    cachePage(entry, pageKey(0, this.pageSize()), Promise.resolve(task));
    this.pager.setFirstPage(entry, task);
    this.entries.set(taskId, entry);
    this.afterSummaryChange(entry, undefined);
    this.persist();
    this.changeTree.fire(undefined);
    return entry.summary;
  }

  // ---- more than TrackedTasks ----

  /** Adds tasks from the list API at once (their list snapshot), then refreshes each in the background. */
  trackSummaries(summaries: readonly BatchTaskSummary[]): string[] {
    const added: string[] = [];
    for (const summary of summaries) {
      if (this.entries.has(summary.id) || !isValidTaskId(summary.id)) continue;
      const entry = newEntry(summary);
      this.entries.set(summary.id, entry);
      this.afterSummaryChange(entry, undefined);
      added.push(summary.id);
    }
    if (added.length > 0) {
      this.persist();
      this.changeTree.fire(undefined);
      for (const id of added) void this.refreshQuietly(id);
    }
    return added;
  }

  entry(taskId: string): TaskEntry | undefined {
    const e = this.entries.get(taskId);
    return e ? entryView(e) : undefined;
  }

  get rootError(): string | undefined {
    return this.rootErrorText;
  }

  /**
   * Tracks every task of the account (the list API, all pages). A failure is shown at the root of the tree,
   * and retrying it lists the tasks again. Resolves with the ids added.
   */
  async trackAccountTasks(): Promise<string[]> {
    const scope = this.scope;
    try {
      const tasks = await this.client().listAllTasks({ pageSize: this.pageSize() });
      if (this.scope !== scope) return [];
      this.setRootError(undefined);
      return this.trackSummaries(tasks);
    } catch (error) {
      if (this.scope === scope) {
        this.setRootError(vscode.l10n.t("Could not list the account's tasks: {0}", errorMessage(error)));
      }
      return [];
    }
  }

  private setRootError(message: string | undefined): void {
    if (this.rootErrorText === message) return;
    this.rootErrorText = message;
    this.changeTree.fire(undefined);
  }

  isTracked(taskId: string): boolean {
    return this.entries.has(taskId);
  }

  get scopeKey(): string | undefined {
    return this.scope;
  }

  /** Fetches the task's latest state. Concurrent callers share one request. */
  refreshTask(taskId: string): Promise<BatchTaskSummary> {
    const entry = this.entries.get(taskId);
    if (!entry) return Promise.reject(new Error(vscode.l10n.t('Task {0} is not tracked.', taskId)));
    if (entry.refreshing) return entry.refreshing;
    const refreshing = entry.queue.run(async () => {
      try {
        const task = await this.client().getTask(taskId, { limit: this.pageSize(), offset: 0, signal: entry.controller.signal });
        if (!this.isCurrent(taskId, entry)) return entry.summary;
        entry.error = undefined;
        // An explicit refresh means fresh pages, whether or not the counts moved.
        invalidateItems(entry);
        this.applySummary(entry, summaryOf(task), { key: pageKey(0, this.pageSize()), task });
        // A refresh starts the failed items over from the first page: the counts may have moved.
        this.pager.setFirstPage(entry, task);
        return entry.summary;
      } catch (error) {
        if (this.isCurrent(taskId, entry) && !entry.controller.signal.aborted) {
          entry.error = errorMessage(error);
          this.changeTree.fire(taskId);
        }
        throw error;
      } finally {
        entry.refreshing = undefined;
      }
    });
    entry.refreshing = refreshing;
    return refreshing;
  }

  /** Refreshes every tracked task; resolves when all answered. Failures are kept per task (error nodes). */
  async refreshAll(): Promise<void> {
    const listing = this.rootErrorText !== undefined ? this.trackAccountTasks() : undefined;
    await Promise.all([listing, ...[...this.entries.keys()].map((id) => this.refreshQuietly(id))]);
  }

  /**
   * Loads the first page of failed items unless it is already here (what expanding a task node does).
   * After a failure only an explicit retry loads again: the redraw that shows the error node calls this too.
   */
  ensureFailedItems(taskId: string): Promise<void> {
    const entry = this.entries.get(taskId);
    return entry ? this.pager.ensure(taskId, entry) : Promise.resolve();
  }

  /** Fetches the next page of failed items ("Load More…"). */
  loadMore(taskId: string): Promise<void> {
    const entry = this.entries.get(taskId);
    return entry ? this.pager.loadMore(taskId, entry) : Promise.resolve();
  }

  /**
   * One page of a tracked task's failed items (with the task's summary as that answer had it). Answered from
   * the cache while the task has not changed; concurrent callers share one request.
   */
  page(taskId: string, offset: number, limit: number): Promise<BatchTask> {
    const entry = this.entries.get(taskId);
    if (!entry) return Promise.reject(new Error(vscode.l10n.t('Task {0} is not tracked.', taskId)));
    return this.fetchPage(taskId, entry, offset, limit);
  }

  /**
   * Every failed item of the task: one fetch shared by every caller (Load All, the Problems panel, a retry
   * plan), kept until the task changes. A caller's signal cancels its own wait; the requests stop when no
   * caller waits any more, or when the task is untracked. Works for untracked ids too (nothing is kept).
   */
  allItems(taskId: string, options: AllItemsOptions = {}): Promise<AllItems> {
    if (!isValidTaskId(taskId)) return Promise.reject(new Error(vscode.l10n.t('"{0}" is not a task id.', taskId.slice(0, 80))));
    let client: DnsClient;
    try {
      client = this.client();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const entry = this.entries.get(taskId);
    const generation = this.generation;
    const fetchAll = (signal: AbortSignal, onProgress: AllItemsOptions['onProgress']) =>
      client.getAllErrorItems(taskId, { pageSize: ALL_ITEMS_PAGE, signal, ...(onProgress ? { onProgress } : {}) }).then((result) => {
        if (generation !== this.generation) throw new CancelledError();
        return result;
      });
    if (!entry) return new SharedFetch(fetchAll).join(options);
    if (!entry.all?.usable) {
      const shared: SharedFetch = new SharedFetch(async (signal, onProgress) => {
        const result = await fetchAll(AbortSignal.any([signal, entry.controller.signal]), onProgress);
        if (this.isCurrent(taskId, entry)) {
          this.applySummary(entry, summaryOf(result.task));
          // The freshest complete list there is: kept even when it moved the summary on.
          entry.all = shared;
        }
        return result;
      });
      entry.all = shared;
      shared.done.catch(() => {
        if (entry.all === shared) entry.all = undefined;
      });
    }
    return entry.all.join(options);
  }

  /** Retries what an error node reports: the account-wide list, a task's refresh, or a page of failed items. */
  async retry(scope: 'root' | 'task' | 'items', taskId?: string): Promise<void> {
    if (scope === 'root' || taskId === undefined) {
      // The only account-wide failure is listing the account's tasks: list them again.
      await this.trackAccountTasks();
      return;
    }
    if (scope === 'task') await this.refreshQuietly(taskId);
    else await this.loadMore(taskId);
  }

  /** Removes the task and everything cached for it; cancels its requests at once. */
  untrackTask(taskId: string): boolean {
    const entry = this.entries.get(taskId);
    if (!entry) return false;
    this.entries.delete(taskId);
    entry.controller.abort();
    this.poller.unwatch(taskId);
    this.persist();
    this.changeTree.fire(undefined);
    this.untrack.fire(taskId);
    return true;
  }

  untrackAll(): void {
    for (const id of [...this.entries.keys()]) this.untrackTask(id);
  }

  get groupByMessage(): boolean {
    return this.groupByMessageFlag;
  }

  async setGroupByMessage(value: boolean): Promise<void> {
    this.groupByMessageFlag = value;
    await this.services.context.globalState.update(StateKeys.groupByMessage, value);
    this.changeTree.fire(undefined);
  }

  get watchInBackground(): boolean {
    return this.watchInBackgroundFlag;
  }

  async setWatchInBackground(value: boolean): Promise<void> {
    this.watchInBackgroundFlag = value;
    this.updatePause();
    await this.services.context.globalState.update(StateKeys.watchInBackground, value);
    this.changeTree.fire(undefined);
  }

  setWindowFocused(focused: boolean): void {
    this.windowFocused = focused;
    this.updatePause();
  }

  runningCount(): number {
    let n = 0;
    for (const e of this.entries.values()) if (isPendingStatus(e.summary.status)) n++;
    return n;
  }

  // ---- internals ----

  private updatePause(): void {
    this.poller.setPaused(!this.windowFocused && !this.watchInBackgroundFlag);
  }

  private client(): DnsClient {
    const client = this.services.session.getClient();
    if (!client) throw new Error(vscode.l10n.t('Not signed in. Run "Huawei DNS: Sign In with Access Key…" first.'));
    return client;
  }

  private pageSize(): number {
    return this.services.settings.get().pageSize;
  }

  private isCurrent(taskId: string, entry: Entry): boolean {
    return this.entries.get(taskId) === entry;
  }

  private async refreshQuietly(taskId: string): Promise<void> {
    try {
      await this.refreshTask(taskId);
    } catch (error) {
      this.services.log.warn(`Refreshing task ${taskId} failed: ${errorMessage(error)}`);
    }
  }

  /** One poll: the summary only (one failed item, the least the API returns), through the task's queue. */
  private async poll(taskId: string, signal: AbortSignal): Promise<'running' | 'finished'> {
    const entry = this.entries.get(taskId);
    if (!entry) return 'finished';
    return entry.queue.run(async () => {
      // Cancelled by the poller (unwatch) or by untracking, whichever comes first.
      const both = AbortSignal.any([signal, entry.controller.signal]);
      const task = await this.client().getTask(taskId, { limit: 1, offset: 0, signal: both });
      if (!this.isCurrent(taskId, entry)) return 'finished';
      const before = entry.summary;
      entry.error = undefined;
      this.applySummary(entry, summaryOf(task));
      this.pager.dropIfCountChanged(taskId, entry, before);
      return isPendingStatus(entry.summary.status) ? 'running' : 'finished';
    });
  }

  /** A page through the task's cache and request queue; the summary it carries is stored too. */
  private fetchPage(taskId: string, entry: Entry, offset: number, limit: number): Promise<BatchTask> {
    const key = pageKey(offset, limit);
    const cached = entry.pages.get(key);
    if (cached) return cached;
    const fetching = entry.queue.run(async () => {
      const task = await this.client().getTask(taskId, { limit, offset, signal: entry.controller.signal });
      if (this.isCurrent(taskId, entry)) this.applySummary(entry, summaryOf(task), { key, task });
      return task;
    });
    cachePage(entry, key, fetching);
    fetching.catch(() => {
      if (entry.pages.get(key) === fetching) entry.pages.delete(key);
    });
    return fetching;
  }

  /**
   * Stores a fresh summary: drops the cached items when it changed, keeps the page that came with it, then
   * fires the events (so a listener that asks for that page again gets it without a request), persists,
   * notices the end of a run, starts or stops watching.
   */
  private applySummary(entry: Entry, summary: BatchTaskSummary, page?: { key: string; task: BatchTask }): void {
    const before = entry.summary;
    const changed = !sameSummary(before, summary);
    entry.summary = summary;
    if (changed) invalidateItems(entry);
    if (page) cachePage(entry, page.key, Promise.resolve(page.task));
    this.afterSummaryChange(entry, before);
    if (changed) {
      this.persist();
      this.changeTask.fire(summary);
      this.changeTree.fire(summary.id);
    }
  }

  private afterSummaryChange(entry: Entry, before: BatchTaskSummary | undefined): void {
    const id = entry.summary.id;
    if (isPendingStatus(entry.summary.status)) {
      this.poller.watch(id);
    } else {
      this.poller.unwatch(id);
      if (before && isPendingStatus(before.status)) this.finish.fire({ task: entry.summary });
    }
  }

  private loadScope(): void {
    this.scope = this.services.session.scopeKey();
    if (!this.scope) return;
    for (const summary of this.store.load(this.scope)) {
      const entry = newEntry(summary);
      this.entries.set(summary.id, entry);
      this.afterSummaryChange(entry, undefined);
    }
    // The snapshot is on screen at once; fresh numbers follow in the background.
    if (this.entries.size > 0) void this.refreshAll();
  }

  /** Sign-in, sign-out, profile switch: nothing of the old account may stay visible. */
  private reloadForAccount(): void {
    const newScope = this.services.session.scopeKey();
    const sameAccount = newScope !== undefined && newScope === this.scope;
    const old = [...this.entries.keys()];
    this.generation++;
    this.abortAll();
    this.poller.unwatchAll();
    this.entries.clear();
    this.rootErrorText = undefined;
    if (!sameAccount) for (const id of old) this.untrack.fire(id);
    this.loadScope();
    this.changeTree.fire(undefined);
    this.reload.fire();
  }

  private abortAll(): void {
    for (const e of this.entries.values()) e.controller.abort();
  }

  private persist(): void {
    if (!this.scope) return;
    this.store.save(this.scope, [...this.entries.values()].map((e) => e.summary));
  }
}
