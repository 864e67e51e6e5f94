// STUB owned by the failed-items webview work (issue 6).
import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { TrackedTasks } from '../views/trackedTasks';

export type FailedItemsFeature = vscode.Disposable;

export function registerFailedItemsPanels(_services: Services, _tasks: TrackedTasks): FailedItemsFeature {
  return { dispose: () => undefined };
}
