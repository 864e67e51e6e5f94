// STUB owned by the tracked-tasks work (issue 5): tree view, tracking commands, polling.
import * as vscode from 'vscode';
import type { BatchTaskSummary } from '../core/types';
import type { Services } from '../services';
import type { TrackedTasks } from './trackedTasks';

export interface TasksFeature extends vscode.Disposable {
  readonly tasks: TrackedTasks;
}

export function registerTasksView(_services: Services): TasksFeature {
  const changed = new vscode.EventEmitter<BatchTaskSummary>();
  const untracked = new vscode.EventEmitter<string>();
  const tasks: TrackedTasks = {
    onDidChangeTask: changed.event,
    onDidUntrack: untracked.event,
    get: () => undefined,
    all: () => [],
    track: () => Promise.reject(new Error('not implemented')),
  };
  return { tasks, dispose: () => { changed.dispose(); untracked.dispose(); } };
}
