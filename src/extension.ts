// Composition root: builds the parts, wires them, registers every disposable. No logic here.
import type * as vscode from 'vscode';
import { registerAuth } from './auth/session';
import { registerFailedItemsPanels, type FailedItemsFeature } from './panels';
import { registerZoneLint, type ZoneLintFeature } from './lint';
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
  readonly lint: ZoneLintFeature;
}

// Marks let the activation benchmark (scripts/lib/activationProbe.js) say where the time goes.
const mark = (name: string) => performance.mark(`huaweiDns.${name}`);
mark('loaded');

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  mark('activate');
  const settings = new SettingsReader();
  const log = createLogger();
  mark('platform');
  const session = registerAuth(context, settings, log);
  mark('auth');
  const services: Services = { context, settings, log, session };
  const tasks = registerTasksView(services);
  mark('tasks');
  const panels = registerFailedItemsPanels(services, tasks.tasks);
  mark('panels');
  const zones = registerZoneFeatures(services, tasks.tasks);
  mark('zones');
  const lint = registerZoneLint(services, zones.catalog);
  mark('lint');
  context.subscriptions.push(settings, log, session, tasks, panels, zones, lint);
  return { services, tasks, panels, zones, lint };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
