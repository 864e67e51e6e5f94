// What the compare feature is given by the composition root.
import type * as vscode from 'vscode';
import type { ZoneIndex } from '../core';
import type { TrackedTasks } from '../tasks';

/** What the feature needs of the zone files: the workspace's list and an index per file (unsaved text included). */
export interface ZoneFileSource {
  list(): Promise<vscode.Uri[]>;
  index(uri: vscode.Uri): Promise<ZoneIndex>;
}

export interface CompareDeps {
  zoneFiles: ZoneFileSource;
  /** Every failed item of a task, read through the task model. */
  tasks: Pick<TrackedTasks, 'allItems'>;
}
