// STUB owned by the zone-file work (issue 7): reveal, Problems panel, outline.
import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { TrackedTasks } from '../views/trackedTasks';

export type ZoneFeature = vscode.Disposable;

export function registerZoneFeatures(_services: Services, _tasks: TrackedTasks): ZoneFeature {
  return { dispose: () => undefined };
}
