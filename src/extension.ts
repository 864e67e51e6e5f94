// Composition root: builds the parts, hands each the typed interfaces it needs, registers every disposable.
// No logic here. Dev and test hooks (src/dev) are loaded only when their environment variable asks for them.
import type * as vscode from 'vscode';
import { registerAuth } from './auth';
import { registerCompare } from './compare';
import type * as Sandbox from './dev/sandbox';
import type * as TestHooks from './dev/testApi';
import { registerZoneLint } from './lint';
import { registerFailedItemsPanels } from './panels';
import { createLogger } from './platform/logging';
import { SettingsReader } from './platform/settings';
import { registerRetry } from './retry';
import type { Services } from './services';
import { TasksModel } from './tasks';
import { registerTasksView } from './views';
import { registerZoneFeatures } from './zone';

export type { TestApi } from './dev/testApi';

// Marks let the activation benchmark (scripts/lib/activationProbe.js) say where the time goes: a name and a
// performance.now() each, in one array the probe reads (the bundle's banner adds the first). Not
// performance.mark: Node loads its user-timing code at the first one and, at a dozen calls, compiles its
// functions while we activate, more than what the marks measure.
const marks = ((globalThis as Record<symbol, unknown>)[Symbol.for('huaweiDns.activationMarks')] ??= []) as [string, number][];
const mark = (name: string) => void marks.push([name, performance.now()]);
mark('loaded');

/** The parts that need no ExtensionContext. */
function platformParts() {
  return { settings: new SettingsReader(), log: createLogger() };
}

/** What prepare() made, before activate() when src/entry.ts can (see there). */
let prepared: ReturnType<typeof platformParts> | undefined;

/**
 * Reads the settings (a walk of the configuration, the largest step before the features) while the host is
 * still fetching the context; activate() takes what this made, or makes it itself.
 */
export function prepare(): void {
  prepared ??= platformParts();
  mark('prepared');
}

export function activate(context: vscode.ExtensionContext): TestHooks.TestApi | undefined {
  mark('activate');
  // esbuild turns these requires into lazy inits: outside the sandbox and the tests they are never evaluated.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const sandbox = process.env.HUAWEI_DNS_SANDBOX === '1' ? (require('./dev/sandbox') as typeof Sandbox) : undefined;
  const testHooks = process.env.DNS_BATCH_TASKS_TEST === '1' ? (require('./dev/testApi') as typeof TestHooks) : undefined;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const seams = testHooks?.createTestSeams();
  const { settings, log } = prepared ?? platformParts();
  prepared = undefined;
  mark('platform');
  const auth = registerAuth(context, settings, log, sandbox ? { beforeRestore: sandbox.sandboxStartHook(log) } : {});
  mark('auth');
  const services: Services = { context, settings, log, session: auth.session };
  const model = new TasksModel(services);
  const zones = registerZoneFeatures(services, model, seams?.reveal);
  mark('zones');
  const lint = registerZoneLint(services, zones.catalog);
  mark('lint');
  const panels = registerFailedItemsPanels(services, model, zones, seams?.panels);
  mark('panels');
  const retry = registerRetry(services, {
    tasks: model,
    zoneFiles: zones.catalog,
    activePanelTask: () => panels.activeTaskId(),
  }, seams?.retry);
  mark('retry');
  const view = registerTasksView(services, model, panels, retry.relations);
  mark('tasks');
  const compare = registerCompare(services, { zoneFiles: zones.catalog, tasks: model });
  mark('compare');
  context.subscriptions.push(settings, log, auth, model, zones, lint, panels, retry, view, compare);
  if (sandbox) context.subscriptions.push(sandbox.autoTrackAccountTasks(model, () => auth.session.scopeKey()));
  return seams && testHooks?.createTestApi({ services, model, view, panels, zones, lint, retry, compare, seams });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
