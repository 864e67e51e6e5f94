// The failed-items panels: one per task, opened by huaweiDns.showFailedItems (or by the tasks view through
// show()) and restored after a reload.
import * as vscode from 'vscode';
import { Commands, WebviewTypes } from '../constants';
import { taskIdFromArgument } from '../core/taskId';
import { errorMessage } from '../platform/errorDetails';
import { Disposable } from '../platform/lifecycle';
import { askTaskId } from '../platform/taskIdPrompt';
import type { Services } from '../services';
import type { ViewState } from '../shared/protocol';
import type { TrackedTasks } from '../tasks';
import { lazy } from '../core/lazy';
import { protocol } from './protocolLoader';
import type * as PanelModule from './failedItemsPanel';
import type { FailedItemsPanel, PanelZoneFiles } from './failedItemsPanel';
import type { PanelObserver } from './observer';

export type { ObservedPanel, PanelObserver } from './observer';

// The panel itself (its messages, Load All, export) is loaded when a first panel opens, not at activation;
// esbuild puts it in a file of its own (esbuild.mjs LAZY).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const panelModule = lazy(() => require('./failedItemsPanel') as typeof PanelModule);

/** What the panels need of the zone-file feature: reveal an item, and its failures in the Problems panel. */
export interface PanelsZoneFiles extends PanelZoneFiles {
  showFailures(taskId: string): Promise<unknown>;
}

export interface FailedItemsFeature extends vscode.Disposable {
  /** Opens (or focuses) the panel of a task. */
  show(taskId: string): void;
  /** The task of the panel in front, if a panel is. */
  activeTaskId(): string | undefined;
}

class FailedItemsPanels extends Disposable implements FailedItemsFeature {
  private readonly open = new Map<string, FailedItemsPanel>();

  constructor(
    private readonly services: Services,
    private readonly tasks: TrackedTasks,
    private readonly zones: PanelsZoneFiles,
    private readonly observer: PanelObserver | undefined,
  ) {
    super();
    this._register(
      vscode.commands.registerCommand(Commands.showFailedItems, (arg: unknown): Promise<void> => this.showFromCommand(arg)),
    );
    const serializer: vscode.WebviewPanelSerializer = {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown): Promise<void> => {
        this.restore(panel, state);
        return Promise.resolve();
      },
    };
    this._register(vscode.window.registerWebviewPanelSerializer(WebviewTypes.failedItems, serializer));
    observer?.restoresThrough(serializer);
    this._register({
      dispose: () => {
        for (const p of [...this.open.values()]) p.panel.dispose();
      },
    });
  }

  activeTaskId(): string | undefined {
    return [...this.open.values()].find((p) => p.panel.active)?.taskId;
  }

  private async showFromCommand(arg: unknown): Promise<void> {
    const taskId =
      arg === undefined
        ? await askTaskId({ title: vscode.l10n.t('Show the failed items of which task?'), tracked: this.tasks.all() })
        : taskIdFromArgument(arg);
    if (!taskId) return;
    this.show(taskId);
    // From a failed record's CodeLens or hover ({ taskId, item }): open the panel at that item.
    const item = typeof arg === 'object' && arg !== null ? (arg as { item?: unknown }).item : undefined;
    if (typeof item === 'string' && item) this.open.get(taskId)?.focusItem(item);
  }

  show(taskId: string): void {
    const existing = this.open.get(taskId);
    if (existing) {
      existing.reveal();
      return;
    }
    if (this.services.settings.get().showFailuresOnOpen) {
      this.zones.showFailures(taskId).catch((err: unknown) => this.services.log.warn(`showFailuresOnOpen: ${errorMessage(err)}`));
    }
    const panel = vscode.window.createWebviewPanel(
      WebviewTypes.failedItems,
      vscode.l10n.t('Failed items'),
      vscode.ViewColumn.Active,
      // Options are set again by FailedItemsPanel; no retainContextWhenHidden: state survives via setState.
      { enableScripts: true },
    );
    this.adopt(panel, taskId, undefined);
  }

  /** What the serializer does after a reload: the panel back on its saved task and page, or closed. */
  private restore(panel: vscode.WebviewPanel, rawState: unknown): void {
    const state = protocol().parseViewState(rawState);
    if (!state || this.open.has(state.taskId)) {
      // Nothing to restore it to (or a duplicate): close rather than leave a blank panel.
      this.services.log.warn('Failed-items panel: could not restore a panel without a valid saved state');
      panel.dispose();
      return;
    }
    this.adopt(panel, state.taskId, state);
  }

  private adopt(panel: vscode.WebviewPanel, taskId: string, state: ViewState | undefined): void {
    const controller = new (panelModule().FailedItemsPanel)(this.services, this.tasks, this.zones, panel, taskId, this.observer, state);
    this.open.set(taskId, controller);
    panel.onDidDispose(() => {
      if (this.open.get(taskId) === controller) this.open.delete(taskId);
    });
    this.observer?.opened(controller);
  }
}

/** `observer`: only the test harness passes one (src/extension.ts in test mode). */
export function registerFailedItemsPanels(
  services: Services,
  tasks: TrackedTasks,
  zones: PanelsZoneFiles,
  observer?: PanelObserver,
): FailedItemsFeature {
  return new FailedItemsPanels(services, tasks, zones, observer);
}
