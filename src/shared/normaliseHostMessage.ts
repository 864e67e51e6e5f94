// What the host posts to the failed-items webview, made to fit the protocol before it is sent: the webview
// validates every message and drops one that does not fit, so a single item over 64 KiB, a page holding more
// items than asked for or a count above 2^53 used to leave the panel on "Loading…" (and Load All chunks were
// dropped while exports still held them). Strings are cut visibly, pages and chunks split, counts clamped.
// Pure: no vscode, no DOM.
import { formatCount } from './format';
import type { HostMessage } from './protocol';
import { MAX_ITEMS_PER_MESSAGE, MAX_TEXT } from './protocolLimits';

/** Appended to a cut string: "… (truncated, 70,000 characters)". */
export const TRUNCATED_NOTE = '… (truncated, {0} characters)';
const PAGE_MAX = 500;
const COUNT_KEYS = new Set(['offset', 'total', 'loaded', 'successCount', 'errorCount', 'totalCount']);
const SIZE_KEYS = new Set(['limit', 'pageSize']);

function fitText(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const note = TRUNCATED_NOTE.replace('{0}', formatCount(text.length));
  return text.slice(0, MAX_TEXT - note.length) + note;
}

/** A safe non-negative integer: NaN and negatives are 0, anything past 2^53 (Infinity too) is 2^53 − 1. */
function fitCount(n: number): number {
  if (Number.isNaN(n) || n <= 0) return 0;
  return Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER);
}

function fitSize(n: number): number {
  return Math.min(Math.max(fitCount(n), 1), PAGE_MAX);
}

/** Every string cut to fit, every count and size clamped, at any depth. */
function fit(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return fitText(value);
  if (typeof value === 'number' && key !== undefined) {
    if (COUNT_KEYS.has(key)) return fitCount(value);
    if (SIZE_KEYS.has(key)) return fitSize(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => fit(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fit(v, k);
    return out;
  }
  return value;
}

type Chunk = Extract<HostMessage, { type: 'loadAllChunk' }>['chunks'][number];

/** Load All chunks of at most 500 items, at most MAX_ITEMS_PER_MESSAGE items per message: nothing dropped. */
function splitChunks(m: Extract<HostMessage, { type: 'loadAllChunk' }>): HostMessage[] {
  const small: Chunk[] = [];
  for (const c of m.chunks) {
    for (let i = 0; i < c.items.length; i += PAGE_MAX) small.push({ offset: fitCount(c.offset + i), items: c.items.slice(i, i + PAGE_MAX) });
  }
  const perMessage = MAX_ITEMS_PER_MESSAGE / PAGE_MAX;
  const out: HostMessage[] = [];
  for (let i = 0; i < small.length; i += perMessage) out.push({ ...m, chunks: small.slice(i, i + perMessage) });
  return out.length > 0 ? out : [m];
}

/** The message (or messages, when it had to be split) as the webview's validation accepts it. */
export function normaliseHostMessage(message: HostMessage): HostMessage[] {
  const m = fit(message) as HostMessage;
  if (m.type === 'page') return [{ ...m, items: m.items.slice(0, m.limit) }];
  if (m.type === 'loadAllChunk') return splitChunks(m);
  return [m];
}
