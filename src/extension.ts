// Composition root: builds the parts, wires them, registers every disposable. No logic here.
import type * as vscode from 'vscode';
import { registerAuth } from './auth/session';
import { registerFailedItemsPanels, type FailedItemsFeature } from './panels';
import { createLogger } from './platform/logging';
import { SettingsReader } from './platform/settings';
import type { Services } from './services';
import { registerTasksView, type TasksFeature } from './views';
import { registerZoneFeatures, type ZoneFeature } from './zone';

/** Returned from activate() so integration tests can look inside; not a public API. */
export interface ExtensionApi {
  readonly services: Services;
  readonly tasks: TasksFeature;
  readonly panels: FailedItemsFeature;
  readonly zones: ZoneFeature;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const settings = new SettingsReader();
  const log = createLogger();
  const session = registerAuth(context, settings, log);
  const services: Services = { context, settings, log, session };
  const tasks = registerTasksView(services);
  const panels = registerFailedItemsPanels(services, tasks.tasks);
  const zones = registerZoneFeatures(services, tasks.tasks);
  context.subscriptions.push(settings, log, session, tasks, panels, zones);
  return { services, tasks, panels, zones };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
