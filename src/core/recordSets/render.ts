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
  const rows = sets.map((s) => {
    const name = ownerKey(s.name);
    const type = s.type.toUpperCase();
    return { set: s, name, type, key: `${sortKey(name)}\u0000${type}` };
  });
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: string[] = header.map((h) => `; ${h.replace(/[\r\n]+/g, ' ')}`);
  out.push(`$ORIGIN ${zone}`);
  for (const { set, name, type } of rows) {
    const owner = relativeOwner(name, zone);
    const ttl = options.omitTtl ? '-' : String(set.ttl);
    const values = [...new Set(set.records.map((r) => normalizeRecordValue(type, r, zone)))].sort();
    for (const value of values.length > 0 ? values : ['']) {
      const line = `${owner}\t${ttl}\tIN\t${type}\t${value.replace(/[\r\n]+/g, ' ')}`;
      out.push(set.commentedOut === undefined ? line : `; ${set.commentedOut.replace(/[\r\n]+/g, ' ')}: ${line}`);
    }
  }
  return out.join('\n') + '\n';
}
