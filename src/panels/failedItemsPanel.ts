// One webview panel showing one task's failed items. The host side owns the data (server pages, Load All)
// and every action with side effects (clipboard, files, commands); the webview only shows and asks.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BatchTask, DnsClient, ErrorItem } from '../core/types';
import { Disposable } from '../platform/lifecycle';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { toCsv, toJson, toTsv } from '../shared/delimited';
import { filterItems } from '../shared/items';
import {
  parseWebviewMessage,
  type HostMessage,
  type RevealResult,
  type ViewState,
  type WebviewMessage,
} from '../shared/protocol';
import type { TrackedTasks } from '../views/trackedTasks';
import { describeError } from './errors';
import { newNonce, renderHtml } from './html';
import { isPending, toTaskView } from './taskView';
import { webviewStrings } from './webviewStrings';

export type RenderedAck = Extract<WebviewMessage, { type: 'rendered' }>;

/** Test seams: set by integration tests instead of driving native dialogs. */
export interface PanelHooks {
  /** Where Export writes, instead of asking with a save dialog. */
  saveTarget?: (format: 'csv' | 'json') => vscode.Uri | undefined;
}

/** What tests can see of a panel. */
export interface PanelProbe {
  readonly taskId: string;
  readonly panel: vscode.WebviewPanel;
  readonly html: string;
  readonly posted: readonly HostMessage[];
  readonly received: readonly WebviewMessage[];
  readonly rejected: readonly string[];
  /** Resolves with the first `rendered` acknowledgement (past or future) that satisfies `predicate`. */
  waitForRendered(predicate: (ack: RenderedAck) => boolean, timeoutMs?: number): Promise<RenderedAck>;
  /** Feeds a raw message to the host as if the webview had sent it (validated like a real one). */
  receive(raw: unknown): Promise<void>;
  readonly loadedItems: readonly ErrorItem[];
}

/** Load All streams pages to the webview in batches: fewer messages, still visibly progressive. */
const STREAM_FLUSH_MS = 60;
const STREAM_FLUSH_ITEMS = 5_000;
const RESEND_CHUNK = 500;

export class FailedItemsPanel extends Disposable implements PanelProbe {
  private readonly _posted: HostMessage[] = [];
  private readonly _received: WebviewMessage[] = [];
  private readonly _rejected: string[] = [];
  private readonly renderedWaiters = new Set<{ predicate: (a: RenderedAck) => boolean; resolve: (a: RenderedAck) => void }>();
  private _html = '';
  private ready = false;
  private task: BatchTask | undefined;
  private pageSize: number;
  private offset = 0;
  private pageItems: ErrorItem[] = [];
  /** Every item once Load All finished; while it is undefined, "loaded" means the current page. */
  private allItems: ErrorItem[] | undefined;
  private loadAllAbort: AbortController | undefined;
  private pageRequest = 0;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly services: Services,
    private readonly tasks: TrackedTasks,
    readonly panel: vscode.WebviewPanel,
    readonly taskId: string,
    private readonly hooks: PanelHooks,
    restored: ViewState | undefined,
  ) {
    super();
    this.pageSize = restored?.pageSize ?? clampPageSize(services.settings.get().pageSize);
    this.offset = restored?.offset ?? 0;
    const webview = panel.webview;
    const root = services.context.extensionUri;
    webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
    };
    this._register(webview.onDidReceiveMessage((raw) => this.receive(raw)));
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(
      tasks.onDidChangeTask((summary) => {
        if (summary.id === this.taskId) void this.onTaskChanged();
      }),
    );
    this._register(
      tasks.onDidUntrack((id) => {
        if (id === this.taskId) this.post({ type: 'notice', message: vscode.l10n.t('This task is no longer tracked in the Batch Tasks view.') });
      }),
    );
    this._register(
      services.session.onDidChange(() => {
        // Signed in (or switched account) after an error: show this task's data from the new session.
        if (this.ready && !this.isDisposed) {
          this.stopWork();
          this.allItems = undefined;
          this.post({ type: 'reset' });
          void this.loadPage(this.offset);
        }
      }),
    );
    this._register({ dispose: () => this.stopWork() });
    panel.title = vscode.l10n.t('Failed items: {0}', shortId(taskId));
    this.setHtml();
  }

  get html(): string {
    return this._html;
  }
  get posted(): readonly HostMessage[] {
    return this._posted;
  }
  get received(): readonly WebviewMessage[] {
    return this._received;
  }
  get rejected(): readonly string[] {
    return this._rejected;
  }
  get loadedItems(): readonly ErrorItem[] {
    return this.allItems ?? this.pageItems;
  }

  reveal(): void {
    this.panel.reveal();
  }

  waitForRendered(predicate: (ack: RenderedAck) => boolean, timeoutMs = 30_000): Promise<RenderedAck> {
    const past = this._received.find((m): m is RenderedAck => m.type === 'rendered' && predicate(m));
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (a: RenderedAck) => {
          clearTimeout(timer);
          resolve(a);
        },
      };
      const timer = setTimeout(() => {
        this.renderedWaiters.delete(waiter);
        reject(new Error(`No matching 'rendered' from the webview within ${timeoutMs} ms`));
      }, timeoutMs);
      this.renderedWaiters.add(waiter);
    });
  }

  private setHtml(): void {
    const webview = this.panel.webview;
    const root = this.services.context.extensionUri;
    this._html = renderHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'webview.css')).toString(),
      lang: vscode.env.language,
      title: vscode.l10n.t('Failed items'),
    });
    webview.html = this._html;
  }

  private post(message: HostMessage): void {
    record(this._posted, message);
    // Before the handshake the script may not be listening; everything is re-sent on `ready`.
    if (this.ready && !this.isDisposed) void this.panel.webview.postMessage(message);
  }

  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      record(this._rejected, parsed.reason);
      this.services.log.warn(`Failed-items webview: ignored a malformed message (${parsed.reason})`);
      return;
    }
    const message = parsed.message;
    record(this._received, message);
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
        this.loadAllAbort?.abort();
        this.loadAllAbort = undefined;
        this.allItems = undefined;
        return this.loadPage(this.offset);
      case 'loadAll':
        return this.loadAll();
      case 'cancelLoadAll':
        this.loadAllAbort?.abort();
        return;
      case 'reveal':
        return this.revealItem(message.name, message.message);
      case 'copyTaskId':
        await vscode.env.clipboard.writeText(this.taskId);
        return;
      case 'copyRows':
        await vscode.env.clipboard.writeText(toTsv(message.items, { header: message.items.length > 1 }));
        return;
      case 'copyAll':
        await vscode.env.clipboard.writeText(toTsv(filterItems(this.loadedItems, message.filter)));
        return;
      case 'export':
        return this.export(message.format, message.filter);
      case 'rendered':
        for (const w of [...this.renderedWaiters]) {
          if (w.predicate(message)) {
            this.renderedWaiters.delete(w);
            w.resolve(message);
          }
        }
        return;
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
    if (this.allItems) {
      this.resendAll(this.allItems);
      return;
    }
    if (this.loadAllAbort) {
      // A Load All is running; the webview lost what it had, so restart it cleanly.
      this.loadAllAbort.abort();
      this.loadAllAbort = undefined;
    }
    await this.loadPage(this.offset);
  }

  private async client(): Promise<DnsClient | undefined> {
    const client = this.services.session.getClient() ?? (await this.services.session.requireClient());
    if (!client) {
      this.post({ type: 'error', message: vscode.l10n.t('Not signed in. Sign in to Huawei Cloud, then retry.'), blocking: !this.task });
    }
    return client;
  }

  private async loadPage(offset: number): Promise<void> {
    const request = ++this.pageRequest;
    this.offset = offset;
    this.post({ type: 'loading', what: this.task ? 'page' : 'task' });
    const client = await this.client();
    if (!client) return;
    try {
      const task = await client.getTask(this.taskId, { limit: this.pageSize, offset });
      if (request !== this.pageRequest || this.isDisposed) return; // a newer request won
      this.task = task;
      this.pageItems = task.errorItems;
      this.post({ type: 'task', task: toTaskView(task) });
      this.post({ type: 'page', offset, limit: this.pageSize, total: task.errorCount, items: task.errorItems });
      this.schedulePoll();
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

  /** The tree model refreshed this task: follow its counts; reload the page if it is our data that changed. */
  private async onTaskChanged(): Promise<void> {
    const summary = this.tasks.get(this.taskId);
    if (!summary || !this.task || this.loadAllAbort) return;
    const changed = summary.errorCount !== this.task.errorCount || summary.status !== this.task.status;
    if (!changed) return;
    if (this.allItems) {
      this.task = { ...this.task, ...summary, errorItems: this.task.errorItems };
      this.post({ type: 'task', task: toTaskView(this.task) });
      this.post({ type: 'notice', message: vscode.l10n.t('The task changed since Load All; load all again to see every item.') });
    } else {
      await this.loadPage(this.offset);
    }
  }

  /** While the task runs, re-read the current page every poll interval (only while the panel is visible). */
  private schedulePoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (!this.task || !isPending(this.task.status) || this.isDisposed) return;
    const ms = Math.max(1, this.services.settings.get().pollIntervalSeconds) * 1000;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      if (this.isDisposed || this.allItems || this.loadAllAbort) return;
      if (!this.panel.visible) return this.schedulePoll();
      void this.loadPage(this.offset);
    }, ms);
  }

  private async loadAll(): Promise<void> {
    if (this.loadAllAbort) return;
    const client = await this.client();
    if (!client) return;
    const abort = new AbortController();
    this.loadAllAbort = abort;
    this.post({ type: 'loadAllStarted', total: this.task?.errorCount ?? 0 });
    const stream = new ChunkStream((chunks, loaded, total) => {
      if (this.loadAllAbort === abort) this.post({ type: 'loadAllChunk', chunks, loaded, total });
    });
    try {
      const { task, items } = await client.getAllErrorItems(this.taskId, {
        pageSize: 500,
        signal: abort.signal,
        onProgress: (p) => stream.add(p.offset, p.items, p.loaded, p.total),
      });
      stream.flush();
      if (this.loadAllAbort !== abort) return;
      if (stream.sentItems < items.length) this.resendChunks(items); // a client that reported no progress
      this.task = task;
      this.allItems = items;
      this.post({ type: 'task', task: toTaskView(task) });
      this.post({ type: 'loadAllDone', outcome: 'done', total: items.length });
    } catch (err) {
      stream.dispose();
      if (this.loadAllAbort !== abort) return;
      if (abort.signal.aborted) {
        this.post({ type: 'loadAllDone', outcome: 'cancelled', total: this.task?.errorCount ?? 0 });
      } else {
        this.post({ type: 'loadAllDone', outcome: 'failed', total: this.task?.errorCount ?? 0 });
        this.postError(err, false, vscode.l10n.t('Load All failed.'));
      }
    } finally {
      if (this.loadAllAbort === abort) this.loadAllAbort = undefined;
    }
  }

  private resendChunks(items: readonly ErrorItem[]): void {
    for (let i = 0; i < items.length; i += STREAM_FLUSH_ITEMS) {
      const chunks = [];
      for (let j = i; j < Math.min(i + STREAM_FLUSH_ITEMS, items.length); j += RESEND_CHUNK) {
        chunks.push({ offset: j, items: items.slice(j, j + RESEND_CHUNK) });
      }
      this.post({ type: 'loadAllChunk', chunks, loaded: Math.min(i + STREAM_FLUSH_ITEMS, items.length), total: items.length });
    }
  }

  private resendAll(items: readonly ErrorItem[]): void {
    this.post({ type: 'loadAllStarted', total: items.length });
    this.resendChunks(items);
    this.post({ type: 'loadAllDone', outcome: 'done', total: items.length });
  }

  private async revealItem(name: string, message: string | undefined): Promise<void> {
    const result = await vscode.commands.executeCommand<RevealResult | undefined>(Commands.revealInZoneFile, {
      name,
      message,
      taskId: this.taskId,
    });
    this.post({ type: 'revealResult', name, result: result ?? 'cancelled' });
  }

  private async export(format: 'csv' | 'json', filter: string): Promise<void> {
    const items = filterItems(this.loadedItems, filter);
    const target =
      this.hooks.saveTarget?.(format) ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export failed items'),
        defaultUri: defaultExportUri(this.taskId, format),
        filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      }));
    if (!target) return;
    const text = format === 'csv' ? toCsv(items) : toJson(this.taskId, items);
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      this.post({ type: 'notice', message: vscode.l10n.t('Exported {0} items to {1}.', items.length, target.fsPath) });
    } catch (err) {
      // A file-system failure is the user's to fix outside the panel: a notification with details fits.
      void showError(this.services, err, { action: vscode.l10n.t('Export failed items'), taskId: this.taskId });
    }
  }

  private stopWork(): void {
    this.loadAllAbort?.abort();
    this.loadAllAbort = undefined;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }
}

/** Collects Load All pages and hands them on every STREAM_FLUSH_MS or STREAM_FLUSH_ITEMS, whichever first. */
class ChunkStream {
  private pending: { offset: number; items: ErrorItem[] }[] = [];
  private pendingCount = 0;
  private loaded = 0;
  private total = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  sentItems = 0;

  constructor(private readonly send: (chunks: { offset: number; items: ErrorItem[] }[], loaded: number, total: number) => void) {}

  add(offset: number, items: readonly ErrorItem[], loaded: number, total: number): void {
    this.pending.push({ offset, items: [...items] });
    this.pendingCount += items.length;
    this.loaded = Math.max(this.loaded, loaded);
    this.total = total;
    if (this.pendingCount >= STREAM_FLUSH_ITEMS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), STREAM_FLUSH_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const chunks = this.pending;
    this.sentItems += this.pendingCount;
    this.pending = [];
    this.pendingCount = 0;
    this.send(chunks, Math.max(this.loaded, this.sentItems), this.total);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}

/** Message logs for tests, bounded so a panel left open for days does not grow without end. */
const MAX_RECORDED = 2_000;
function record<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > MAX_RECORDED) list.splice(0, list.length - MAX_RECORDED);
}

export function clampPageSize(n: number): number {
  return Math.min(500, Math.max(1, Math.floor(Number.isFinite(n) ? n : 500)));
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

function defaultExportUri(taskId: string, format: 'csv' | 'json'): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `failed-items-${taskId.replace(/[^A-Za-z0-9_-]/g, '_')}.${format}`;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
