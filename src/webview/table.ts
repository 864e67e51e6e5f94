// A virtual ARIA grid: only the rows in (and just around) the viewport exist in the DOM, recycled as the
// user scrolls, so 100,000 items cost the same to show as 50. Fixed row height keeps the math O(1).
import { formatCount } from '../shared/format';
import { button, el } from './dom';
import type { Row, ViewRow } from './model';
import { explainInWebview, t } from '../shared/webviewStrings';
import type { SortOrder } from '../shared/protocol';

export const ROW_HEIGHT = 24;
const OVERSCAN = 8;

export interface TableCallbacks {
  reveal(row: Row): void;
  copyRows(rows: Row[]): void;
  toggleGroup(message: string, expand?: boolean): void;
  sort(order: SortOrder): void;
  scrolled(scrollTop: number): void;
  /** What the status cell says for an item (e.g. "Not found in zone files"), or ''. */
  statusOf(row: Row): string;
}

interface RowElements {
  root: HTMLDivElement;
  itemCell: HTMLDivElement;
  link: HTMLButtonElement;
  groupToggle: HTMLButtonElement;
  message: HTMLDivElement;
  messageText: HTMLSpanElement;
  /** The explanation (cause and fix) after the server's words, dimmed. */
  explanation: HTMLSpanElement;
  status: HTMLSpanElement;
  copy: HTMLButtonElement;
  index: number;
}

export class VirtualTable {
  readonly element: HTMLDivElement;
  private readonly viewport: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private readonly headers: { item: HTMLButtonElement; message: HTMLButtonElement; itemCell: HTMLDivElement; messageCell: HTMLDivElement };
  private readonly pool: RowElements[] = [];
  private rows: ViewRow[] = [];
  private sortOrder: SortOrder = 'none';
  private active = 0;
  private anchor = -1;
  readonly selection = new Set<Row>();
  private frame = 0;

  constructor(private readonly cb: TableCallbacks) {
    const itemHeader = button(t('colItem'), () => cb.sort(this.nextSort('item')), { className: 'sort' });
    const messageHeader = button(t('colMessage'), () => cb.sort(this.nextSort('message')), { className: 'sort' });
    const itemCell = el('div', { className: 'cell col-item', attrs: { role: 'columnheader', 'aria-sort': 'none' } }, itemHeader);
    const messageCell = el('div', { className: 'cell col-message', attrs: { role: 'columnheader', 'aria-sort': 'none' } }, messageHeader);
    this.headers = { item: itemHeader, message: messageHeader, itemCell, messageCell };
    const headerRow = el(
      'div',
      { className: 'row header', attrs: { role: 'row', 'aria-rowindex': '1' } },
      itemCell,
      messageCell,
      el('div', { className: 'cell col-status', text: t('colStatus'), attrs: { role: 'columnheader' } }),
    );
    this.canvas = el('div', { className: 'canvas', attrs: { role: 'rowgroup' } });
    this.viewport = el('div', { className: 'viewport' }, this.canvas);
    this.element = el(
      'div',
      { className: 'grid', attrs: { role: 'grid', 'aria-label': t('gridLabel'), 'aria-multiselectable': 'true', 'aria-colcount': '3' } },
      el('div', { className: 'thead', attrs: { role: 'rowgroup' } }, headerRow),
      this.viewport,
    );
    this.viewport.addEventListener('scroll', () => {
      this.schedule();
      cb.scrolled(this.viewport.scrollTop);
    });
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
  }

  get scrollTop(): number {
    return this.viewport.scrollTop;
  }

  setSort(order: SortOrder): void {
    this.sortOrder = order;
    const aria = (col: 'item' | 'message'): string =>
      order.startsWith(col) ? (order.endsWith('asc') ? 'ascending' : 'descending') : 'none';
    this.headers.itemCell.setAttribute('aria-sort', aria('item'));
    this.headers.messageCell.setAttribute('aria-sort', aria('message'));
    this.headers.item.textContent = t('colItem') + arrow(order, 'item');
    this.headers.message.textContent = t('colMessage') + arrow(order, 'message');
  }

  private nextSort(col: 'item' | 'message'): SortOrder {
    if (this.sortOrder === `${col}-asc`) return `${col}-desc`;
    if (this.sortOrder === `${col}-desc`) return 'none';
    return `${col}-asc`;
  }

  /** New rows; `scrollTop` undefined keeps the current scroll (clamped). Draws synchronously. */
  setRows(rows: ViewRow[], scrollTop?: number): void {
    this.rows = rows;
    this.element.setAttribute('aria-rowcount', String(rows.length + 1));
    this.canvas.style.height = `${rows.length * ROW_HEIGHT}px`;
    if (this.active >= rows.length) this.active = Math.max(0, rows.length - 1);
    // Drop selected rows that are no longer shown (filtered out), so "copy selection" copies what you see.
    if (this.selection.size) {
      const shown = new Set(rows.flatMap((r) => (r.kind === 'item' ? [r.row] : [])));
      for (const s of [...this.selection]) if (!shown.has(s)) this.selection.delete(s);
    }
    if (scrollTop !== undefined) this.viewport.scrollTop = scrollTop;
    this.draw();
  }

  selectedRows(): Row[] {
    return this.rows.flatMap((r) => (r.kind === 'item' && this.selection.has(r.row) ? [r.row] : []));
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Positions pooled row elements over the visible window. */
  draw(): void {
    const height = this.viewport.clientHeight || 600;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((this.viewport.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    const needed = last - first;
    while (this.pool.length < needed) this.pool.push(this.createRow());
    const focusedInGrid = this.canvas.contains(document.activeElement);
    let activeShown = false;
    for (let i = 0; i < this.pool.length; i++) {
      const r = this.pool[i]!;
      const index = first + i;
      const view = index < last ? this.rows[index] : undefined;
      if (!view) {
        r.root.hidden = true;
        r.index = -1;
        continue;
      }
      r.root.hidden = false;
      this.fill(r, view, index);
      if (index === this.active) activeShown = true;
    }
    // Keep exactly one tab stop in the grid: the active row, or the first visible one.
    const tabIndex = activeShown ? this.active : first;
    for (const r of this.pool) {
      const isStop = r.index === tabIndex && r.index >= 0;
      r.root.tabIndex = isStop ? 0 : -1;
      r.link.tabIndex = r.groupToggle.tabIndex = r.copy.tabIndex = isStop ? 0 : -1;
    }
    if (focusedInGrid && !this.canvas.contains(document.activeElement)) this.focusActive();
  }

  private createRow(): RowElements {
    const link = el('button', { className: 'link', attrs: { type: 'button', title: t('revealHint') } });
    const groupToggle = el('button', { className: 'group-toggle', attrs: { type: 'button' } });
    const itemCell = el('div', { className: 'cell col-item', attrs: { role: 'gridcell' } }, link, groupToggle);
    const messageText = el('span', { className: 'message-text' });
    const explanation = el('span', { className: 'explanation' });
    const message = el('div', { className: 'cell col-message', attrs: { role: 'gridcell' } }, messageText, explanation);
    const status = el('span', { className: 'status' });
    const copy = el('button', { className: 'icon-button', text: t('copyRow'), attrs: { type: 'button' } });
    const statusCell = el('div', { className: 'cell col-status', attrs: { role: 'gridcell' } }, status, copy);
    const root = el('div', { className: 'row', attrs: { role: 'row' } }, itemCell, message, statusCell);
    const elements: RowElements = { root, itemCell, link, groupToggle, message, messageText, explanation, status, copy, index: -1 };
    link.addEventListener('click', (e) => {
      e.stopPropagation();
      const v = this.rows[elements.index];
      if (v?.kind === 'item') this.cb.reveal(v.row);
    });
    groupToggle.addEventListener('click', (e) => {
      e.stopPropagation();
      const v = this.rows[elements.index];
      if (v?.kind === 'group') this.cb.toggleGroup(v.message);
    });
    copy.addEventListener('click', (e) => {
      e.stopPropagation();
      const v = this.rows[elements.index];
      if (v?.kind === 'item') this.cb.copyRows([v.row]);
    });
    root.addEventListener('click', (e) => this.onRowClick(elements.index, e));
    root.addEventListener('focus', () => {
      if (elements.index >= 0) this.active = elements.index;
    });
    this.canvas.append(root);
    return elements;
  }

  private fill(r: RowElements, view: ViewRow, index: number): void {
    r.index = index;
    r.root.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    r.root.setAttribute('aria-rowindex', String(index + 2));
    if (view.kind === 'group') {
      r.root.className = 'row group';
      r.root.setAttribute('aria-expanded', String(view.expanded));
      r.root.removeAttribute('aria-selected');
      r.link.hidden = true;
      r.groupToggle.hidden = false;
      r.groupToggle.textContent = `${view.expanded ? '▾' : '▸'} ${formatCount(view.count)}`;
      r.groupToggle.setAttribute('aria-label', t('groupRow', formatCount(view.count), view.message));
      this.showMessage(r, view.message);
      r.status.textContent = '';
      r.copy.hidden = true;
      return;
    }
    const selected = this.selection.has(view.row);
    r.root.className = `row item${view.grouped ? ' nested' : ''}${selected ? ' selected' : ''}`;
    r.root.removeAttribute('aria-expanded');
    r.root.setAttribute('aria-selected', String(selected));
    r.link.hidden = false;
    r.groupToggle.hidden = true;
    r.link.textContent = view.row.item;
    r.link.title = `${t('revealHint')}: ${view.row.item}`;
    this.showMessage(r, view.row.errorMessage);
    const status = this.cb.statusOf(view.row);
    r.status.textContent = status;
    r.root.classList.toggle('not-found', status === t('notFound'));
    r.copy.hidden = false;
    r.copy.setAttribute('aria-label', t('copyRowLabel', view.row.item));
  }

  /** The server's words, then the cause and fix (none for a text the extension does not know). */
  private showMessage(r: RowElements, message: string): void {
    const explained = this.explain(message);
    r.messageText.textContent = message;
    r.explanation.textContent = explained;
    r.message.title = explained ? `${message}\n${explained}` : message;
  }

  /** Explanations by message: only visible rows are drawn, but they are redrawn on every scroll. */
  private readonly explanations = new Map<string, string>();

  private explain(message: string): string {
    let text = this.explanations.get(message);
    if (text === undefined) {
      const e = explainInWebview(message);
      text = e.kind === 'unknown' ? '' : t('explained', e.summary, e.fix);
      if (this.explanations.size > 10_000) this.explanations.clear();
      this.explanations.set(message, text);
    }
    return text;
  }

  private onRowClick(index: number, e: MouseEvent): void {
    const v = this.rows[index];
    if (!v) return;
    this.active = index;
    if (v.kind === 'group') {
      this.cb.toggleGroup(v.message);
      return;
    }
    if (e.shiftKey && this.anchor >= 0) this.selectRange(this.anchor, index);
    else if (e.ctrlKey || e.metaKey) this.toggleSelected(v.row);
    else {
      this.selection.clear();
      this.selection.add(v.row);
    }
    if (!e.shiftKey) this.anchor = index;
    this.draw();
  }

  private toggleSelected(row: Row): void {
    if (this.selection.has(row)) this.selection.delete(row);
    else this.selection.add(row);
  }

  private selectRange(from: number, to: number): void {
    this.selection.clear();
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      const v = this.rows[i];
      if (v?.kind === 'item') this.selection.add(v.row);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.viewport.clientHeight / ROW_HEIGHT) - 1);
    const v = this.rows[this.active];
    const mod = e.ctrlKey || e.metaKey;
    let target: number | undefined;
    switch (e.key) {
      case 'ArrowDown': target = this.active + 1; break;
      case 'ArrowUp': target = this.active - 1; break;
      case 'PageDown': target = this.active + page; break;
      case 'PageUp': target = this.active - page; break;
      case 'Home': target = 0; break;
      case 'End': target = this.rows.length - 1; break;
      case 'ArrowRight':
      case 'ArrowLeft':
        if (v?.kind === 'group') {
          this.cb.toggleGroup(v.message, e.key === 'ArrowRight');
          e.preventDefault();
        }
        return;
      case 'Enter':
        if (e.target !== e.currentTarget && (e.target as HTMLElement).tagName === 'BUTTON') return; // the button acts
        if (v?.kind === 'group') this.cb.toggleGroup(v.message);
        else if (v?.kind === 'item') this.cb.reveal(v.row);
        e.preventDefault();
        return;
      case ' ':
        if ((e.target as HTMLElement).tagName === 'BUTTON') return;
        if (v?.kind === 'item') {
          this.toggleSelected(v.row);
          this.anchor = this.active;
          this.draw();
        }
        e.preventDefault();
        return;
      case 'a':
        if (!mod) return;
        this.selectRange(0, this.rows.length - 1);
        this.draw();
        e.preventDefault();
        return;
      case 'c':
        if (!mod) return;
        if (window.getSelection()?.toString()) return; // the user selected text: let the browser copy it
        this.cb.copyRows(this.selection.size ? this.selectedRows() : v?.kind === 'item' ? [v.row] : []);
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    const next = Math.min(Math.max(0, target), this.rows.length - 1);
    if (e.shiftKey) {
      if (this.anchor < 0) this.anchor = this.active;
      this.selectRange(this.anchor, next);
    }
    this.setActive(next);
  }

  /** Moves the keyboard focus to a row, scrolling it into view. */
  setActive(index: number): void {
    if (this.rows.length === 0) return;
    this.active = Math.min(Math.max(0, index), this.rows.length - 1);
    const top = this.active * ROW_HEIGHT;
    const height = this.viewport.clientHeight;
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > this.viewport.scrollTop + height) this.viewport.scrollTop = top + ROW_HEIGHT - height;
    this.draw();
    this.focusActive();
  }

  private focusActive(): void {
    this.pool.find((r) => r.index === this.active)?.root.focus({ preventScroll: true });
  }
}

function arrow(order: SortOrder, col: 'item' | 'message'): string {
  if (!order.startsWith(col)) return '';
  return order.endsWith('asc') ? ' ▲' : ' ▼';
}
