// Record sets as zone-file text, both sides of a comparison written the same way (owners relative to the apex,
// values in their comparison form, sets and values in one canonical order) so a text diff shows only what
// differs in substance.
import { normalizeRecordValue, ownerKey } from './values';

export interface RenderedSet {
  name: string;
  type: string;
  ttl: number;
  records: readonly string[];
  /** Written as a comment line instead of records (e.g. a live set's status that is not served). */
  commentedOut?: string;
}

/** `a.b.example.com.` sorts as `com example b a`: a zone's names stay together under their parents. */
function sortKey(name: string): string {
  return name.split('.').reverse().join('\u0001');
}

function relativeOwner(name: string, apex: string): string {
  if (name === apex) return '@';
  if (apex !== '.' && name.endsWith(`.${apex}`)) return name.slice(0, -apex.length - 1);
  return name;
}

/**
 * Zone-file text for `sets` under `$ORIGIN apex`: one line per value, `owner TTL IN TYPE value`, owners relative
 * to the apex, values normalised and sorted, sets sorted by name (parents first) then type. `header` lines
 * become comments at the top. `omitTtl` writes every TTL as the same placeholder (when TTLs are not compared).
 */
export function renderZoneText(sets: readonly RenderedSet[], apex: string, header: readonly string[] = [], options: { omitTtl?: boolean } = {}): string {
  const zone = ownerKey(apex);
  const rows = sets.map((set) => {
    const name = ownerKey(set.name);
    const type = set.type.toUpperCase();
    return { key: `${sortKey(name)}\u0000${type}`, lines: linesOf(set, relativeOwner(name, zone), type, zone, options.omitTtl === true) };
  });
  // Sets of the same owner and type (a live zone can hold several, e.g. one per resolution line, or an active and
  // an inactive one) are ordered by their text, so the order the API listed them in never shows as a difference.
  rows.sort((a, b) => byCodeUnits(a.key, b.key) || byCodeUnits(a.lines.join('\n'), b.lines.join('\n')));
  const out: string[] = header.map((h) => `; ${oneLine(h)}`);
  out.push(`$ORIGIN ${zone}`);
  for (const row of rows) out.push(...row.lines);
  return out.join('\n') + '\n';
}

/** The lines of one set: one per distinct value (normalised, sorted), or one with an empty value. */
function linesOf(set: RenderedSet, owner: string, type: string, zone: string, omitTtl: boolean): string[] {
  const ttl = omitTtl ? '-' : String(set.ttl);
  const values = [...new Set(set.records.map((r) => normalizeRecordValue(type, r, zone)))].sort();
  return (values.length > 0 ? values : ['']).map((value) => {
    const line = `${owner}\t${ttl}\tIN\t${type}\t${oneLine(value)}`;
    return set.commentedOut === undefined ? line : `; ${oneLine(set.commentedOut)}: ${line}`;
  });
}

/** A line break (of any style, or several) as one blank: a value or a header can never start a line of its own. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/** UTF-16 code-unit order, the order of `<` on strings (not the locale's). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
