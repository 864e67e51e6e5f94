// Where the tracked tasks of each account scope are kept between sessions (globalState, one key per scope).
import type * as vscode from 'vscode';
import { StateKeys } from '../constants';
import type { BatchTaskSummary } from '../core/types';
import { errorMessage } from '../platform/errorDetails';
import type { Logger } from '../platform/logging';
import { readSnapshots, toSnapshot, type StoredTask } from './snapshots';

export class TrackedTasksStore {
  constructor(
    private readonly state: vscode.Memento,
    private readonly log: Logger,
  ) {}

  /** The last saved summaries of the scope; anything malformed is skipped. */
  load(scope: string): BatchTaskSummary[] {
    return readSnapshots(this.state.get<unknown>(StateKeys.trackedTasks(scope))).map((s) => s.summary);
  }

  /** Saves in the background: a failed write is logged, never in the way of the tree. */
  save(scope: string, summaries: Iterable<BatchTaskSummary>): void {
    const tasks: StoredTask[] = [...summaries].map(toSnapshot);
    this.state.update(StateKeys.trackedTasks(scope), { version: 1, tasks }).then(undefined, (error: unknown) => {
      this.log.warn(`Saving tracked tasks failed: ${errorMessage(error)}`);
    });
  }
}
