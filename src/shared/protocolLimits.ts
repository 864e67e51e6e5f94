// The webview protocol's size limits, apart from its zod schemas (src/shared/protocol.ts, loaded lazily), so
// the host can fit its messages to them without loading the schema library at activation. Pure.

/** Longest string we accept from either side (item names and messages are far shorter in practice). */
export const MAX_TEXT = 64 * 1024;
/** Items per message: a page is at most 500, Load All batches stay well under this. */
export const MAX_ITEMS_PER_MESSAGE = 20_000;
