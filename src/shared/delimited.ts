// CSV / TSV / JSON text for exported and copied failed items. Pure, so both the host and tests use it.
import type { WireErrorItem } from './protocol';

/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, and tab/CR lead-ins. */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * Makes one cell safe: formula lead-ins get a leading apostrophe, then RFC 4180 quoting when needed, or always
 * with `quoteAll`. CSV quotes every cell: a spreadsheet in a locale whose separator is `;` splits an unquoted
 * `x;=cmd|' /C calc'!A0` into two cells, the second a formula.
 */
export function escapeCell(value: string, delimiter: ',' | '\t' = ',', quoteAll = false): string {
  const safe = FORMULA_LEAD.test(value) ? `'${value}` : value;
  const needsQuotes = quoteAll || safe.includes(delimiter) || /["\r\n]/.test(safe);
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function delimited(items: readonly WireErrorItem[], delimiter: ',' | '\t', header: readonly [string, string]): string {
  const quoteAll = delimiter === ',';
  const cell = (v: string) => escapeCell(v, delimiter, quoteAll);
  const lines = [header.map(cell).join(delimiter)];
  for (const { item, errorMessage } of items) {
    lines.push(`${cell(item)}${delimiter}${cell(errorMessage)}`);
  }
  // CRLF as RFC 4180 says; spreadsheets read both.
  return lines.join('\r\n') + '\r\n';
}

export const CSV_HEADER = ['item', 'error_message'] as const;

export function toCsv(items: readonly WireErrorItem[]): string {
  return delimited(items, ',', CSV_HEADER);
}

/** TSV for the clipboard (pastes into spreadsheets as columns). `header` off for a single copied row. */
export function toTsv(items: readonly WireErrorItem[], options: { header?: boolean } = {}): string {
  const text = delimited(items, '\t', CSV_HEADER);
  if (options.header !== false) return text;
  return text.slice(text.indexOf('\r\n') + 2);
}

/** JSON in the API's own field names, so an export can be fed back to scripts that read the API. */
export function toJson(taskId: string, items: readonly WireErrorItem[]): string {
  const error_items = items.map(({ item, errorMessage }) => ({ item, error_message: errorMessage }));
  return JSON.stringify({ id: taskId, error_items }, null, 2) + '\n';
}
