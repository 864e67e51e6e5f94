// The one message protocol between the failed-items webview and the extension host. Both ends validate
// every message with these schemas: anything unknown or malformed is logged and dropped, never acted on.
// It holds only what the product needs: a message on another channel (`channel` set: the test probe of
// src/shared/testProbe.ts) is not the product's, and the product drops it unread (isOtherChannel).
import * as z from 'zod';
import { MAX_ITEMS_PER_MESSAGE, MAX_TEXT } from './protocolLimits';

/** Page sizes the panel offers; the server accepts 1..500. */
export const PAGE_SIZES = [50, 100, 200, 500] as const;

const text = z.string().max(MAX_TEXT);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const errorItemSchema = z.object({ item: text, errorMessage: text });
export type WireErrorItem = z.infer<typeof errorItemSchema>;

/** The header as the host has already put it into words (the webview does no l10n or date parsing). */
export const taskViewSchema = z.object({
  id: text,
  type: text,
  typeLabel: text,
  status: text,
  statusLabel: text,
  created: text,
  updated: text.optional(),
  successCount: count,
  errorCount: count,
  totalCount: count,
  pending: z.boolean(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const revealResultSchema = z.enum(['revealed', 'picked', 'not-found', 'cancelled']);
export type RevealResult = z.infer<typeof revealResultSchema>;

/** What the webview keeps with getState/setState, and what the serializer gets back after a reload. */
export const viewStateSchema = z.object({
  taskId: text,
  pageSize: z.number().int().min(1).max(500),
  offset: count,
  filter: text,
  scrollTop: z.number().min(0),
  grouped: z.boolean(),
  sort: z.enum(['none', 'item-asc', 'item-desc', 'message-asc', 'message-desc']),
});
export type ViewState = z.infer<typeof viewStateSchema>;
export type SortOrder = ViewState['sort'];

// ---- host -> webview ----------------------------------------------------------------------------------

export const hostMessageSchema = z.discriminatedUnion('type', [
  /** First answer to `ready`: what to show until data arrives. */
  z.object({
    type: z.literal('init'),
    taskId: text,
    pageSize: z.number().int().min(1).max(500),
    /** The webview's words in the user's language (keys of src/shared/webviewStrings.ts). */
    strings: z.record(z.string().max(64), text).optional(),
  }),
  z.object({ type: z.literal('task'), task: taskViewSchema }),
  z.object({ type: z.literal('loading'), what: z.enum(['task', 'page']) }),
  /** One server page; `total` is the task's error count as the server reported it with this page. */
  z.object({
    type: z.literal('page'),
    offset: count,
    limit: z.number().int().min(1).max(500),
    total: count,
    items: z.array(errorItemSchema).max(500),
  }),
  z.object({
    type: z.literal('error'),
    message: text,
    requestId: text.optional(),
    code: text.optional(),
    /** True when the failure is the whole view (nothing to show); false for a failure beside shown data. */
    blocking: z.boolean(),
  }),
  z.object({ type: z.literal('loadAllStarted'), total: count }),
  /** Items that arrived during Load All, placed at `offset` (pages can arrive out of order). */
  z.object({
    type: z.literal('loadAllChunk'),
    chunks: z.array(z.object({ offset: count, items: z.array(errorItemSchema).max(500) })).max(MAX_ITEMS_PER_MESSAGE / 500),
    loaded: count,
    total: count,
  }),
  z.object({ type: z.literal('loadAllDone'), outcome: z.enum(['done', 'cancelled', 'failed']), total: count }),
  z.object({ type: z.literal('revealResult'), name: text, result: revealResultSchema }),
  z.object({ type: z.literal('notice'), message: text }),
  /** Show one item: the filter set to its name (a CodeLens or hover on its record opened the panel). */
  z.object({ type: z.literal('focusItem'), item: text }),
  /** Drop everything shown (Load All results, reveal marks): the session changed; a page follows. */
  z.object({ type: z.literal('reset') }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

// ---- webview -> host ----------------------------------------------------------------------------------

export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** Handshake: the script is listening. Carries the restored state (page, filter) if any. */
  z.strictObject({ type: z.literal('ready'), state: viewStateSchema.optional() }),
  z.strictObject({ type: z.literal('requestPage'), offset: count, limit: z.number().int().min(1).max(500) }),
  z.strictObject({ type: z.literal('refresh') }),
  z.strictObject({ type: z.literal('loadAll') }),
  z.strictObject({ type: z.literal('cancelLoadAll') }),
  z.strictObject({ type: z.literal('reveal'), name: text, message: text.optional() }),
  z.strictObject({ type: z.literal('copyTaskId') }),
  /** Copy the given rows (a row or the selection) as TSV. */
  z.strictObject({ type: z.literal('copyRows'), items: z.array(errorItemSchema).max(200_000) }),
  /** Copy or export everything loaded that matches the filter: the host holds the items, so only the filter travels. */
  z.strictObject({ type: z.literal('copyAll'), filter: text }),
  z.strictObject({ type: z.literal('export'), format: z.enum(['csv', 'json']), filter: text }),
  z.strictObject({ type: z.literal('log'), level: z.enum(['debug', 'warn', 'error']), message: text }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** A message on another channel than the product's (see the top of this file): not read, not acted on. */
export function isOtherChannel(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'channel' in raw;
}

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string };

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : typeof raw;
  // Only the shape of the problem, never the payload itself (it may be large or hostile).
  const first = result.error.issues[0];
  return { ok: false, reason: `${type.slice(0, 40)}: ${first ? `${first.path.join('.')} ${first.message}` : 'invalid'}` };
}

export const parseHostMessage = (raw: unknown): ParseResult<HostMessage> => parseWith(hostMessageSchema, raw);
export const parseWebviewMessage = (raw: unknown): ParseResult<WebviewMessage> => parseWith(webviewMessageSchema, raw);
export const parseViewState = (raw: unknown): ViewState | undefined => {
  const r = viewStateSchema.safeParse(raw);
  return r.success ? r.data : undefined;
};
