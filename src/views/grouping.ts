// Failed items grouped by their error message: one fix often clears a whole group. Pure.
import type { ErrorItem } from '../core/types';

export interface MessageGroup {
  message: string;
  items: ErrorItem[];
}

/** Groups in order of size (largest first), ties by first appearance; items keep the server's order. */
export function groupByMessage(items: readonly ErrorItem[]): MessageGroup[] {
  const groups = new Map<string, { group: MessageGroup; first: number }>();
  items.forEach((item, index) => {
    const existing = groups.get(item.errorMessage);
    if (existing) existing.group.items.push(item);
    else groups.set(item.errorMessage, { group: { message: item.errorMessage, items: [item] }, first: index });
  });
  return [...groups.values()]
    .sort((a, b) => b.group.items.length - a.group.items.length || a.first - b.first)
    .map((g) => g.group);
}
