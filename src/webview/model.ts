// What the table shows, derived from what the host sent: a page, or (after Load All) every item, then
// filtered, sorted and optionally grouped. No DOM here, so it is unit-tested in Node.
import { compareText, groupByMessage, normalizeFilter } from '../shared/items';
import type { SortOrder, WireErrorItem } from '../shared/protocol';

/** An item with its lower-cased text computed once (filtering 100,000 items on each keystroke). */
export interface Row extends WireErrorItem {
  /** Position in the task's full list of failed items (server order). */
  readonly index: number;
  readonly lItem: string;
  readonly lMessage: string;
}

export type ViewRow =
  | { kind: 'item'; row: Row; grouped: boolean }
  | { kind: 'group'; message: string; count: number; expanded: boolean; first: Row | undefined };

export function toRow(item: WireErrorItem, index: number): Row {
  return { item: item.item, errorMessage: item.errorMessage, index, lItem: item.item.toLowerCase(), lMessage: item.errorMessage.toLowerCase() };
}

export interface ViewOptions {
  filter: string;
  sort: SortOrder;
  grouped: boolean;
  expanded: ReadonlySet<string>;
}

export interface View {
  rows: ViewRow[];
  /** Items that match the filter (not counting group header rows). */
  matches: number;
  /** The items the filter ran over. */
  source: number;
  /** Matching items in view order (what "copy all" / selection ranges refer to). */
  items: Row[];
}

export function filterRows(rows: readonly Row[], filter: string): Row[] {
  const needle = normalizeFilter(filter);
  if (!needle) return rows.slice();
  return rows.filter((r) => r.lItem.includes(needle) || r.lMessage.includes(needle));
}

export function sortRows(rows: Row[], sort: SortOrder): Row[] {
  if (sort === 'none') return rows;
  const byItem = sort.startsWith('item');
  const sign = sort.endsWith('desc') ? -1 : 1;
  // Case-insensitive, stable on server order for equal keys.
  return rows.sort((a, b) => sign * (byItem ? compareText(a.lItem, b.lItem) : compareText(a.lMessage, b.lMessage)) || a.index - b.index);
}

export function buildView(source: readonly Row[], options: ViewOptions): View {
  const items = sortRows(filterRows(source, options.filter), options.sort);
  if (!options.grouped) {
    return { rows: items.map((row) => ({ kind: 'item', row, grouped: false })), matches: items.length, source: source.length, items };
  }
  const rows: ViewRow[] = [];
  const ordered: Row[] = [];
  for (const g of groupByMessage(items)) {
    const expanded = options.expanded.has(g.message);
    rows.push({ kind: 'group', message: g.message, count: g.items.length, expanded, first: g.items[0] });
    for (const row of g.items) {
      ordered.push(row);
      if (expanded) rows.push({ kind: 'item', row, grouped: true });
    }
  }
  return { rows, matches: items.length, source: source.length, items: ordered };
}

/** Items that arrive during Load All, placed by offset (pages can arrive out of order). */
export class AllItems {
  private readonly slots: (Row | undefined)[] = [];
  private compact: Row[] | undefined = [];
  loaded = 0;

  constructor(public total: number) {}

  place(offset: number, items: readonly WireErrorItem[]): void {
    items.forEach((item, i) => {
      const at = offset + i;
      if (this.slots[at] === undefined) this.loaded++;
      this.slots[at] = toRow(item, at);
    });
    this.total = Math.max(this.total, this.slots.length);
    this.compact = undefined;
  }

  /** Loaded items in server order, without the gaps of pages still on their way. */
  rows(): Row[] {
    if (!this.compact) {
      const out: Row[] = [];
      for (const r of this.slots) if (r) out.push(r);
      this.compact = out;
    }
    return this.compact;
  }
}
