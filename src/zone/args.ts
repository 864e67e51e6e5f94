// Arguments of the zone commands, as the tree, the webview and the command palette pass them. Pure.

export interface RevealRequest {
  name: string;
  message?: string;
  taskId?: string;
}

/** `{ name, message?, taskId? }`, a tree node `{ item, errorMessage, taskId }`, a plain name, or nothing. */
export function parseRevealArg(arg: unknown): RevealRequest | undefined {
  if (typeof arg === 'string') return arg.trim() ? { name: arg.trim() } : undefined;
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as Record<string, unknown>;
  const name = typeof o.name === 'string' ? o.name : typeof o.item === 'string' ? o.item : undefined;
  if (!name?.trim()) return undefined;
  const message = typeof o.message === 'string' ? o.message : typeof o.errorMessage === 'string' ? o.errorMessage : undefined;
  const taskId = typeof o.taskId === 'string' ? o.taskId : undefined;
  return { name: name.trim(), ...(message !== undefined ? { message } : {}), ...(taskId !== undefined ? { taskId } : {}) };
}

/** Record types the error message names (whole words, e.g. "CNAME conflicts with A"), upper-case. */
export function typesMentioned(message: string | undefined, types: readonly string[]): Set<string> {
  const found = new Set<string>();
  if (!message) return found;
  const upper = message.toUpperCase();
  for (const t of types) {
    if (new RegExp(`(^|[^A-Z0-9])${t.replace(/[^A-Z0-9]/g, '')}([^A-Z0-9]|$)`).test(upper)) found.add(t);
  }
  return found;
}

/** Orders records so those whose type the message mentions come first (stable otherwise). */
export function rankByMessage<T extends { type: string }>(records: readonly T[], message: string | undefined): T[] {
  const mentioned = typesMentioned(message, [...new Set(records.map((r) => r.type))]);
  return [...records].sort((a, b) => Number(mentioned.has(b.type)) - Number(mentioned.has(a.type)));
}

/** The zone a name belongs to for remembering a chosen file: the name without its first label. */
export function zoneKeyOf(name: string): string {
  const n = name.toLowerCase().replace(/\.?$/, '.');
  const i = n.indexOf('.');
  return i >= 0 && i < n.length - 1 ? n.slice(i + 1) : n;
}
