// Filtering, sorting and grouping of failed items: the same code runs in the webview (what is shown) and in
// the host (what is copied or exported), so both always agree on "the items matching this filter".
import type { SortOrder, WireErrorItem } from './protocol';

/** Case-insensitive substring match on the item name or the message. Empty filter matches everything. */
export function itemMatcher(filter: string): (item: WireErrorItem) => boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return () => true;
  return (i) => i.item.toLowerCase().includes(needle) || i.errorMessage.toLowerCase().includes(needle);
}

export function filterItems<T extends WireErrorItem>(items: readonly T[], filter: string): T[] {
  const matches = itemMatcher(filter);
  return items.filter(matches);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A sorted copy (stable: equal keys keep server order). 'none' returns the items as given. */
export function sortItems<T extends WireErrorItem>(items: readonly T[], order: SortOrder): readonly T[] {
  if (order === 'none') return items;
  const key = order.startsWith('item') ? 'item' : 'errorMessage';
  const sign = order.endsWith('desc') ? -1 : 1;
  return [...items].sort((a, b) => sign * collator.compare(a[key], b[key]));
}

export interface MessageGroup<T extends WireErrorItem = WireErrorItem> {
  message: string;
  items: T[];
}

/** Distinct messages with their items, most frequent first; ties by message text so the order is stable. */
export function groupByMessage<T extends WireErrorItem>(items: readonly T[]): MessageGroup<T>[] {
  const byMessage = new Map<string, T[]>();
  for (const i of items) {
    const list = byMessage.get(i.errorMessage);
    if (list) list.push(i);
    else byMessage.set(i.errorMessage, [i]);
  }
  return [...byMessage.entries()]
    .map(([message, list]) => ({ message, items: list }))
    .sort((a, b) => b.items.length - a.items.length || collator.compare(a.message, b.message));
}
