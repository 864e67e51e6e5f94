// The failed-items webview. Talks to the host only through the validated protocol; builds DOM only with
// textContent (see dom.ts). Keeps page, filter and scroll with setState so a hidden panel comes back as it was.
import { formatCount } from '../shared/format';
import {
  parseHostMessage,
  parseViewState,
  type HostMessage, type SortOrder, type TaskView, type ViewState, type WebviewMessage } from '../shared/protocol';
import { AllItems, buildView, toRow, type Row, type View } from './model';
import { button, el } from './dom';
import { Header } from './header';
import { Pager } from './pager';
import { setStrings, t } from '../shared/webviewStrings';
import { VirtualTable } from './table';
import { Toolbar } from './toolbar';
import { perf } from './perf';
import { PROBE_ATTRIBUTE, PROBE_CHANNEL, parseProbeMessage, type RenderedAck } from '../shared/testProbe';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function send(message: WebviewMessage): void {
  vscode.postMessage(message);
}

/** On only when the host's HTML asks for it (test mode): a user's panel never sends probe messages. */
const probeOn = document.body.hasAttribute(PROBE_ATTRIBUTE);

/** The test probe's render acknowledgement, validated before it leaves (src/shared/testProbe.ts). */
function sendProbe(ack: Omit<RenderedAck, 'channel' | 'type'>): void {
  if (!probeOn) return;
  const parsed = parseProbeMessage({ channel: PROBE_CHANNEL, type: 'rendered', ...ack });
  if (parsed.ok) vscode.postMessage(parsed.ack);
  else send({ type: 'log', level: 'error', message: `test probe: not sent (${parsed.reason})` });
}

type Status = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string; requestId?: string; code?: string };

class App {
  private state: ViewState;
  private task: TaskView | undefined;
  private pageRows: Row[] = [];
  private pageTotal = 0;
  private all: AllItems | undefined;
  private allDone = false;
  private view: View = { rows: [], matches: 0, source: 0, items: [] };
  private status: Status = { kind: 'loading' };
  private readonly expanded = new Set<string>();
  private readonly notFound = new Set<string>();
  private readonly revealed = new Set<string>();
  private pendingScroll: number | undefined;
  private recomputeTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRecompute = 0;
  private stateTimer: ReturnType<typeof setTimeout> | undefined;
  /** What Retry does: repeat the request that failed. */
  private retry: WebviewMessage = { type: 'refresh' };

  private readonly root = document.getElementById('app')!;
  private readonly header: Header;
  private readonly toolbar: Toolbar;
  private readonly pager: Pager;
  private readonly table: VirtualTable;
  private readonly banner = el('div', { className: 'banner', attrs: { role: 'alert' } });
  private readonly notice = el('div', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly overlay = el('div', { className: 'overlay' });

  constructor(restored: ViewState | undefined) {
    this.state = restored ?? { taskId: '', pageSize: 0, offset: 0, filter: '', scrollTop: 0, grouped: false, sort: 'none' };
    this.pendingScroll = restored?.scrollTop;
    this.header = new Header({ refresh: () => this.request({ type: 'refresh' }), copyId: () => send({ type: 'copyTaskId' }) });
    this.toolbar = new Toolbar({
      filter: (f) => this.setFilter(f),
      grouped: (g) => this.update({ grouped: g }, 0),
      loadAll: () => {
        perf.mark('load-all-clicked');
        this.request({ type: 'loadAll' });
      },
      cancel: () => send({ type: 'cancelLoadAll' }),
      copySelection: () => this.copyRows(this.table.selectedRows()),
      copyAll: () => send({ type: 'copyAll', filter: this.state.filter }),
      export: (format) => send({ type: 'export', format, filter: this.state.filter }),
    });
    this.pager = new Pager({ go: (offset, limit) => this.goToPage(offset, limit) });
    this.table = new VirtualTable({
      reveal: (row) => send({ type: 'reveal', name: row.item, message: row.errorMessage }),
      copyRows: (rows) => this.copyRows(rows),
      toggleGroup: (message, expand) => this.toggleGroup(message, expand),
      sort: (order) => this.setSort(order),
      scrolled: (top) => this.saveState({ scrollTop: top }),
      statusOf: (row) => (this.notFound.has(row.item) ? t('notFound') : this.revealed.has(row.item) ? t('revealed') : ''),
    });
    this.toolbar.setFilter(this.state.filter);
    this.toolbar.setGrouped(this.state.grouped);
    this.table.setSort(this.state.sort);
    const body = el('div', { className: 'body' }, this.table.element, this.overlay);
    this.root.replaceChildren(this.header.element, this.banner, this.toolbar.element, this.pager.element, this.notice, body);
    this.root.setAttribute('aria-busy', 'true');
    this.banner.hidden = true;
    this.draw();
  }

  onMessage(message: HostMessage): void {
    switch (message.type) {
      case 'init':
        if (this.state.taskId !== message.taskId) {
          this.state = { ...this.state, taskId: message.taskId, offset: 0, filter: '', scrollTop: 0 };
          this.toolbar.setFilter('');
        }
        if (!this.state.pageSize) this.state.pageSize = message.pageSize;
        this.root.setAttribute('aria-label', t('appLabel', message.taskId));
        this.saveState({});
        return;
      case 'task':
        this.task = message.task;
        this.header.show(message.task);
        this.draw();
        return;
      case 'loading':
        this.status = { kind: 'loading' };
        this.draw();
        return;
      case 'page':
        if (this.all) return; // Load All owns the table until it is cancelled or refreshed
        perf.mark('page-received');
        this.pageRows = message.items.map((item, i) => toRow(item, message.offset + i));
        this.pageTotal = message.total;
        this.state.offset = message.offset;
        this.state.pageSize = message.limit;
        this.status = { kind: 'ready' };
        this.recompute(this.pendingScroll);
        this.pendingScroll = undefined;
        this.saveState({});
        return;
      case 'error':
        if (message.blocking || (!this.task && !this.all)) {
          this.status = { kind: 'error', message: message.message, requestId: message.requestId, code: message.code };
        } else {
          // Beside data we still show: keep it usable (the pager must not stay "busy").
          if (this.status.kind === 'loading') this.status = { kind: 'ready' };
          this.showBanner(message.message, message.requestId, message.code);
        }
        this.draw();
        return;
      case 'loadAllStarted':
        perf.mark('load-all-started');
        this.all = new AllItems(message.total);
        this.allDone = false;
        this.status = { kind: 'ready' };
        this.toolbar.setProgress(0, message.total);
        this.recompute(0);
        return;
      case 'loadAllChunk':
        if (!this.all) return;
        for (const c of message.chunks) this.all.place(c.offset, c.items);
        this.all.total = Math.max(this.all.total, message.total);
        this.toolbar.setProgress(this.all.loaded, this.all.total);
        this.scheduleRecompute();
        return;
      case 'loadAllDone':
        this.onLoadAllDone(message.outcome);
        return;
      case 'revealResult':
        if (message.result === 'not-found') this.notFound.add(message.name);
        if (message.result === 'revealed' || message.result === 'picked') {
          this.notFound.delete(message.name);
          this.revealed.add(message.name);
        }
        this.table.draw();
        return;
      case 'notice':
        this.notice.textContent = message.message;
        return;
      case 'focusItem':
        this.toolbar.setFilter(message.item);
        this.setFilter(message.item);
        return;
      case 'reset':
        this.all = undefined;
        this.allDone = false;
        this.notFound.clear();
        this.revealed.clear();
        this.toolbar.setProgress(undefined, 0);
        this.recompute(0);
        return;
    }
  }

  private onLoadAllDone(outcome: 'done' | 'cancelled' | 'failed'): void {
    this.toolbar.setProgress(undefined, 0);
    if (outcome === 'done' && this.all) {
      this.allDone = true;
      this.recompute();
      perf.mark('load-all-shown');
      this.notice.textContent = t('allLoaded', formatCount(this.all.loaded));
      return;
    }
    // Cancelled or failed: back to the server page we had (the host keeps paging from there).
    this.all = undefined;
    this.allDone = false;
    if (outcome === 'cancelled') this.notice.textContent = t('loadAllCancelled');
    this.recompute(0);
  }

  private request(message: WebviewMessage): void {
    this.retry = message;
    this.banner.hidden = true;
    if (message.type === 'refresh') {
      this.all = undefined;
      this.allDone = false;
      this.notFound.clear();
    }
    send(message);
  }

  private goToPage(offset: number, limit: number): void {
    this.state.offset = offset;
    this.state.pageSize = limit;
    // A new page starts at its top; the filter stays.
    this.pendingScroll = 0;
    this.saveState({ scrollTop: 0 });
    this.request({ type: 'requestPage', offset, limit });
  }

  private setFilter(filter: string): void {
    this.update({ filter }, 0);
  }

  private setSort(sort: SortOrder): void {
    this.table.setSort(sort);
    this.update({ sort });
  }

  private toggleGroup(message: string, expand?: boolean): void {
    const open = expand ?? !this.expanded.has(message);
    if (open) this.expanded.add(message);
    else this.expanded.delete(message);
    this.recompute();
  }

  private update(patch: Partial<ViewState>, scrollTop?: number): void {
    this.saveState(patch);
    this.recompute(scrollTop);
  }

  private copyRows(rows: Row[]): void {
    if (rows.length === 0) return;
    send({ type: 'copyRows', items: rows.map(({ item, errorMessage }) => ({ item, errorMessage })) });
  }

  private showBanner(message: string, requestId?: string, code?: string): void {
    this.banner.replaceChildren(
      el(
        'span',
        {},
        el('span', { text: message }),
        requestId && el('span', { className: 'detail', text: t('requestId', requestId) }),
        code && el('span', { className: 'detail', text: t('code', code) }),
      ),
      button(t('retry'), () => this.request(this.retry)),
    );
    this.banner.hidden = false;
  }

  /** During Load All, recompute at most every 250 ms: sorting 100,000 rows on every chunk would freeze the UI. */
  private scheduleRecompute(): void {
    if (this.recomputeTimer) return;
    const wait = Math.max(0, 250 - (performance.now() - this.lastRecompute));
    this.recomputeTimer = setTimeout(() => {
      this.recomputeTimer = undefined;
      this.recompute();
    }, wait);
  }

  private recompute(scrollTop?: number): void {
    if (this.recomputeTimer) clearTimeout(this.recomputeTimer);
    this.recomputeTimer = undefined;
    this.lastRecompute = performance.now();
    const source = this.all ? this.all.rows() : this.pageRows;
    this.view = buildView(source, { filter: this.state.filter, sort: this.state.sort, grouped: this.state.grouped, expanded: this.expanded });
    this.table.setRows(this.view.rows, scrollTop);
    this.draw();
  }

  /** Everything around the table: header, pager, counts, empty/loading/error states. */
  private draw(): void {
    const loading = this.status.kind === 'loading';
    this.root.setAttribute('aria-busy', String(loading));
    this.toolbar.setCounts(this.view.matches, this.view.source, this.state.filter);
    this.toolbar.setEnabled({ loadAll: !this.all && this.status.kind === 'ready' && (this.task?.errorCount ?? 0) > 0, data: this.view.source > 0 });
    if (this.all) this.pager.hide();
    else this.pager.show(this.state.offset, this.state.pageSize || 500, this.pageTotal, loading);
    this.drawOverlay();
    this.acknowledge();
  }

  private drawOverlay(): void {
    const s = this.status;
    let content: HTMLElement | undefined;
    if (s.kind === 'error') {
      content = el(
        'div',
        { className: 'state error', attrs: { role: 'alert' } },
        el('h2', { text: t('errorTitle') }),
        el('p', { text: s.message }),
        s.requestId ? el('p', { className: 'detail', text: t('requestId', s.requestId) }) : null,
        s.code ? el('p', { className: 'detail', text: t('code', s.code) }) : null,
        button(t('retry'), () => this.request(this.retry), { className: 'primary' }),
      );
    } else if (s.kind === 'loading' && this.view.source === 0) {
      content = el('div', { className: 'state loading', attrs: { role: 'status' } }, el('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), t(this.task ? 'loadingPage' : 'loadingTask'));
    } else if (this.view.rows.length === 0 && s.kind === 'ready' && (!this.all || this.allDone)) {
      content = el('div', { className: 'state empty', attrs: { role: 'status' } }, this.emptyText());
    }
    this.overlay.replaceChildren(...(content ? [content] : []));
    this.overlay.hidden = !content;
  }

  private emptyText(): string {
    if (this.state.filter.trim() && this.view.source > 0) return t('emptyFilter', this.state.filter.trim());
    if (this.task && this.task.errorCount === 0) {
      return this.task.pending ? t('emptyPending') : t('emptyDone', formatCount(this.task.successCount));
    }
    return t('emptyPage');
  }

  private acknowledge(): void {
    const mode = this.status.kind === 'error' ? 'error' : this.status.kind === 'loading' ? 'loading' : this.all ? 'all' : this.view.source === 0 ? 'empty' : 'page';
    const total = this.all ? this.all.total : this.pageTotal;
    // After the browser has painted: the measure a person sees.
    requestAnimationFrame(() => {
      if (mode === 'page') perf.mark('page-shown');
      sendProbe({ mode, offset: this.state.offset, rows: this.view.matches, total, grouped: this.state.grouped });
    });
  }

  private saveState(patch: Partial<ViewState>): void {
    this.state = { ...this.state, ...patch };
    if (this.stateTimer) return;
    // Scroll fires often; one write per frame-ish is enough.
    this.stateTimer = setTimeout(() => {
      this.stateTimer = undefined;
      if (this.state.taskId) vscode.setState({ ...this.state, scrollTop: this.table.scrollTop });
    }, 100);
  }
}

const restored = parseViewState(vscode.getState());
/** Built on the first `init`: it brings the words in the user's language, which every label needs. */
let app: App | undefined;
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    // Never act on it; tell the host log (the reason only, not the payload).
    send({ type: 'log', level: 'warn', message: `ignored a malformed message from the host (${parsed.reason})` });
    return;
  }
  try {
    if (!app && parsed.message.type === 'init') {
      setStrings(parsed.message.strings);
      app = new App(restored);
    }
    app?.onMessage(parsed.message);
  } catch (err) {
    send({ type: 'log', level: 'error', message: `handling ${parsed.message.type}: ${err instanceof Error ? err.message : String(err)}` });
  }
});
perf.observeLongTasks();
send({ type: 'ready', state: restored });
