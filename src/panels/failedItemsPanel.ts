// One webview panel showing one task's failed items. The data comes from the tasks model (the only owner of
// a task's pages and of Load All); the panel turns it into messages, and runs every action with side effects
// (clipboard, files, reveal); the webview only shows and asks. No timer here: the model polls.
import * as vscode from 'vscode';
import type { BatchTask, ErrorItem } from '../core/types';
import { Disposable } from '../platform/lifecycle';
import type { Services } from '../services';
import { shortTaskId } from '../shared/format';
import type { HostMessage, RevealResult, ViewState, WebviewMessage } from '../shared/protocol';
import { normaliser, protocol } from './protocolLoader';
import type { TrackedTasks } from '../tasks';
import { describeError } from './errors';
import { copyAll, copyRows, exportItems } from './itemsExport';
import { LoadAll } from './loadAll';
import type { ObservedPanel, PanelObserver } from './observer';
import { shellHtml, webviewOptions } from './panelWebview';
import { toTaskView } from './taskView';
import { webviewStrings } from './webviewStrings';

/** What the panel needs of the zone-file feature. */
export interface PanelZoneFiles {
  reveal(request: { name: string; message?: string; taskId?: string }): Promise<RevealResult>;
}

export class FailedItemsPanel extends Disposable implements ObservedPanel {
  private readonly loadAll: LoadAll;
  private ready = false;
  /** The item a CodeLens or hover opened the panel at. */
  private focused: string | undefined;
  /** The page on screen, with the task's summary as that answer had it. */
  private task: BatchTask | undefined;
  private pageSize: number;
  private offset = 0;
  private pageRequest = 0;

  constructor(
    private readonly services: Services,
    private readonly tasks: TrackedTasks,
    private readonly zones: PanelZoneFiles,
    readonly panel: vscode.WebviewPanel,
    readonly taskId: string,
    private readonly observer: PanelObserver | undefined,
    restored: ViewState | undefined,
  ) {
    super();
    this.pageSize = restored?.pageSize ?? clampPageSize(services.settings.get().pageSize);
    this.offset = restored?.offset ?? 0;
    this.loadAll = new LoadAll({
      post: (m) => this.post(m),
      fetchAll: async (signal, onProgress) => ((await this.signedIn()) ? tasks.allItems(taskId, { signal, onProgress }) : undefined),
      knownTotal: () => this.task?.errorCount ?? 0,
      setTask: (task) => {
        this.task = { ...task, errorItems: this.task?.errorItems ?? [] };
        this.post({ type: 'task', task: toTaskView(task) });
      },
      postError: (err, blocking, lead) => this.postError(err, blocking, lead),
    });
    const webview = panel.webview;
    webview.options = webviewOptions(services.context.extensionUri);
    this._register(webview.onDidReceiveMessage((raw) => this.receive(raw)));
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(
      tasks.onDidChangeTask((summary) => {
        if (summary.id === this.taskId) this.onTaskChanged();
      }),
    );
    this._register(
      tasks.onDidUntrack((id) => {
        if (id === this.taskId) this.post({ type: 'notice', message: vscode.l10n.t('This task is no longer tracked in the Batch Tasks view.') });
      }),
    );
    this._register(
      tasks.onDidReload(() => {
        // Signed in, out or to another account: show this task's data from the new session.
        if (this.ready && !this.isDisposed) {
          this.loadAll.clear();
          this.task = undefined;
          this.post({ type: 'reset' });
          void this.loadPage(this.offset);
        }
      }),
    );
    this._register({ dispose: () => this.loadAll.stop() });
    panel.title = vscode.l10n.t('Failed items: {0}', shortTaskId(taskId));
    webview.html = shellHtml(webview, services.context.extensionUri, { probe: observer !== undefined });
  }

  get loadedItems(): readonly ErrorItem[] {
    return this.loadAll.items ?? this.task?.errorItems ?? [];
  }

  reveal(): void {
    this.panel.reveal();
  }

  /**
   * Filters the panel to one item. Kept for the next handshake too: a hidden panel's webview reloads when it
   * is revealed, and a message posted just before that reload is lost.
   */
  focusItem(item: string): void {
    this.focused = item;
    this.post({ type: 'focusItem', item });
  }

  private post(message: HostMessage): void {
    // Made to fit the protocol first (long strings cut visibly, pages split, counts clamped): the webview drops
    // a message that does not fit, which left the panel on "Loading…" and lost Load All chunks.
    for (const fitted of normaliser().normaliseHostMessage(message)) this.postFitted(fitted);
  }

  private postFitted(message: HostMessage): void {
    const checked = protocol().parseHostMessage(message);
    if (!checked.ok) {
      // Never expected after normalising; if it happens, an error the person sees instead of a silent drop.
      this.services.log.error(`Failed-items panel: a ${message.type} message does not fit the protocol (${checked.reason})`);
      if (message.type === 'error') return;
      message = { type: 'error', message: vscode.l10n.t('Part of the answer could not be shown; see the log (Huawei DNS: Show Logs).'), blocking: !this.task };
    }
    this.observer?.posted(this.taskId, message);
    // Before the handshake the script may not be listening; everything is re-sent on `ready`.
    if (this.ready && !this.isDisposed) void this.panel.webview.postMessage(message);
  }

  async receive(raw: unknown): Promise<void> {
    if (protocol().isOtherChannel(raw)) return; // the test probe's, when the HTML enabled it: not ours
    const parsed = protocol().parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.observer?.rejected(this.taskId, parsed.reason);
      this.services.log.warn(`Failed-items webview: ignored a malformed message (${parsed.reason})`);
      return;
    }
    const message = parsed.message;
    this.observer?.received(this.taskId, message);
    try {
      await this.handle(message);
    } catch (err) {
      this.services.log.error(`Failed-items panel: ${message.type} failed`, err);
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.onReady(message.state);
      case 'requestPage':
        this.pageSize = clampPageSize(message.limit);
        return this.loadPage(message.offset);
      case 'refresh':
        // The webview dropped Load All results; a Load All still running would only refill them.
        this.loadAll.clear();
        return this.loadPage(this.offset, { refresh: true });
      case 'loadAll':
        return this.loadAll.run();
      case 'cancelLoadAll':
        this.loadAll.cancel();
        return;
      case 'reveal':
        return this.revealItem(message.name, message.message);
      case 'copyTaskId':
        await vscode.env.clipboard.writeText(this.taskId);
        return;
      case 'copyRows':
        await copyRows(message.items);
        return;
      case 'copyAll':
        await copyAll(this.loadedItems, message.filter);
        return;
      case 'export':
        return exportItems(this.services, this.observer && ((format) => this.observer?.saveTarget(format)), this.taskId, this.loadedItems, message.format, message.filter, (notice) =>
          this.post({ type: 'notice', message: notice }),
        );
      case 'log':
        this.services.log[message.level](`Failed-items webview: ${message.message}`);
        return;
    }
  }

  /** The webview (re)loaded: a first open, or shown again after being hidden (no retainContextWhenHidden). */
  private async onReady(state: ViewState | undefined): Promise<void> {
    this.ready = true;
    if (state && state.taskId === this.taskId) {
      this.pageSize = clampPageSize(state.pageSize);
      this.offset = state.offset;
    }
    this.post({ type: 'init', taskId: this.taskId, pageSize: this.pageSize, strings: webviewStrings() });
    if (this.task) this.post({ type: 'task', task: toTaskView(this.task) });
    if (this.focused !== undefined) {
      this.post({ type: 'focusItem', item: this.focused });
      this.focused = undefined; // once: after that the filter is the person's, kept in the webview's state
    }
    const all = this.loadAll.items;
    if (all) {
      this.loadAll.replay(all);
      return;
    }
    // A Load All still running cannot refill a webview that lost what it had: restart cleanly.
    this.loadAll.stop();
    await this.loadPage(this.offset);
  }

  /** Signed in, or offers to sign in; says so in the panel when still signed out. */
  private async signedIn(): Promise<boolean> {
    const client = this.services.session.getClient() ?? (await this.services.session.requireClient());
    if (!client) {
      this.post({ type: 'error', message: vscode.l10n.t('Not signed in. Sign in to Huawei Cloud, then retry.'), blocking: !this.task });
    }
    return client !== undefined;
  }

  /**
   * Shows the page at `offset`, read through the model: a task not tracked yet is tracked first (its first
   * page then comes with it), `refresh` asks the server again, anything else may come from the model's cache.
   */
  private async loadPage(offset: number, options: { refresh?: boolean } = {}): Promise<void> {
    const request = ++this.pageRequest;
    this.offset = offset;
    this.post({ type: 'loading', what: this.task ? 'page' : 'task' });
    if (!(await this.signedIn())) return;
    try {
      if (!this.tasks.isTracked(this.taskId)) await this.tasks.track(this.taskId);
      else if (options.refresh) await this.tasks.refreshTask(this.taskId);
      const task = await this.tasks.page(this.taskId, offset, this.pageSize);
      if (request !== this.pageRequest || this.isDisposed) return; // a newer request won
      this.task = task;
      this.post({ type: 'task', task: toTaskView(task) });
      this.post({ type: 'page', offset, limit: this.pageSize, total: task.errorCount, items: task.errorItems });
    } catch (err) {
      if (request !== this.pageRequest || this.isDisposed) return;
      this.postError(err, !this.task, vscode.l10n.t('Could not load the failed items.'));
    }
  }

  private postError(err: unknown, blocking: boolean, lead: string): void {
    const d = describeError(err);
    this.services.log.error(`${lead} (task ${this.taskId})`, err);
    this.post({ type: 'error', message: `${lead} ${d.message}`, requestId: d.requestId, code: d.code, blocking });
  }

  /** The model has news of this task (a poll, a refresh from the tree): follow it. */
  private onTaskChanged(): void {
    const summary = this.tasks.get(this.taskId);
    if (!summary || !this.task || !this.ready || this.loadAll.running) return;
    const changed = summary.errorCount !== this.task.errorCount || summary.status !== this.task.status;
    if (!changed) return;
    if (this.loadAll.items) {
      this.task = { ...this.task, ...summary };
      this.post({ type: 'task', task: toTaskView(summary) });
      this.post({ type: 'notice', message: vscode.l10n.t('The task changed since Load All; load all again to see every item.') });
    } else {
      void this.loadPage(this.offset);
    }
  }

  private async revealItem(name: string, message: string | undefined): Promise<void> {
    const result = await this.zones.reveal({ name, ...(message !== undefined ? { message } : {}), taskId: this.taskId });
    this.post({ type: 'revealResult', name, result });
  }
}

export function clampPageSize(n: number): number {
  return Math.min(500, Math.max(1, Math.floor(Number.isFinite(n) ? n : 500)));
}
