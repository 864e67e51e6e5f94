import type * as vscode from 'vscode';
import type { BatchTask, BatchTaskSummary } from '../core/types';
import type { AllItems, AllItemsOptions } from './sharedFetch';

/**
 * The tracked tasks as other features (panels, zone files, retry) see them. Implemented by TasksModel, the
 * only owner of a task's data: read through it, never around it.
 */
export interface TrackedTasks {
  /** A tracked task's status or counts changed (after a refresh, a page or a poll). */
  readonly onDidChangeTask: vscode.Event<BatchTaskSummary>;
  /** A task was untracked (or every task, on sign-out: fired once per task). */
  readonly onDidUntrack: vscode.Event<string>;
  /** The account changed (sign-in, sign-out, switch): everything read before belongs to the old one. */
  readonly onDidReload: vscode.Event<void>;
  get(taskId: string): BatchTaskSummary | undefined;
  all(): readonly BatchTaskSummary[];
  isTracked(taskId: string): boolean;
  /** Tracks the task (if not yet) and fetches its latest state. */
  track(taskId: string): Promise<BatchTaskSummary>;
  /** Fetches the task's latest state (and a fresh first page). */
  refreshTask(taskId: string): Promise<BatchTaskSummary>;
  /** One page of a tracked task's failed items, from the cache while the task has not changed. */
  page(taskId: string, offset: number, limit: number): Promise<BatchTask>;
  /** Every failed item, one shared cancellable fetch. */
  allItems(taskId: string, options?: AllItemsOptions): Promise<AllItems>;
}
