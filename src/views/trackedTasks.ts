import type * as vscode from 'vscode';
import type { BatchTaskSummary } from '../core/types';

/** The tracked tasks as other features (webview, zone files) see them. Implemented by TasksModel. */
export interface TrackedTasks {
  /** A tracked task's status or counts changed (after a refresh or a poll). */
  readonly onDidChangeTask: vscode.Event<BatchTaskSummary>;
  /** A task was untracked (or every task, on sign-out: fired once per task). */
  readonly onDidUntrack: vscode.Event<string>;
  get(taskId: string): BatchTaskSummary | undefined;
  all(): readonly BatchTaskSummary[];
  /** Tracks the task (if not yet) and fetches its latest state. */
  track(taskId: string): Promise<BatchTaskSummary>;
}
