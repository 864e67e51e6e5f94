// TTL values as zone files write them (`3600`, `1h30m`, `2W`), in seconds, and the TTL a record gets when
// its line writes none. Pure.
import { recordFields, ttlEdit, type LineEdit } from './recordText';

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** What the indexer uses when neither the record, a `$TTL` nor an earlier record gives a TTL. */
export const DEFAULT_TTL = 300;
export const MAX_TTL = 2147483647;

/** Seconds, or undefined when the token is not a TTL. */
export function ttlSeconds(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  if (!/^(\d+[smhdw])+$/i.test(token)) return undefined;
  let total = 0;
  for (const m of token.toLowerCase().matchAll(/(\d+)([smhdw])/g)) total += Number(m[1]) * (UNIT[m[2] as string] as number);
  return total;
}

/** The `$TTL` in effect at `line` (0-based), looking back through the lines; undefined when none is written. */
export function defaultTtlAt(lineAt: (line: number) => string | undefined, line: number, maxBack = 200_000): number | undefined {
  for (let l = line - 1; l >= 0 && l >= line - maxBack; l--) {
    const m = /^\$TTL\s+(\S+)/i.exec(lineAt(l) ?? '');
    if (m?.[1]) return ttlSeconds(m[1]);
  }
  return undefined;
}

export interface EffectiveTtl {
  seconds: number;
  /** Written on the record, the `$TTL` above it, the previous record's (RFC 1035), or the default 300. */
  from: 'record' | '$TTL' | 'previous' | 'default';
}

/**
 * The TTL of the record starting on `line` (0-based), resolved the way the indexer does: its own, else the last
 * `$TTL` above, else the TTL of the nearest record above that writes one (the ones between inherit it), else
 * 300. Undefined when the line is no record or a TTL it depends on is not a time value.
 */
export function effectiveTtlAt(lineAt: (line: number) => string | undefined, line: number, maxBack = 200_000): EffectiveTtl | undefined {
  const own = recordFields(lineAt(line) ?? '');
  if (!own) return undefined;
  if (own.ttl) {
    const seconds = ttlSeconds(own.ttl.text);
    return seconds === undefined ? undefined : { seconds, from: 'record' };
  }
  let previous: number | undefined;
  for (let l = line - 1; l >= 0 && l >= line - maxBack; l--) {
    const text = lineAt(l) ?? '';
    const directive = /^\$TTL\s+(\S+)/i.exec(text);
    if (directive?.[1]) {
      // A $TTL anywhere above wins over the previous record's TTL, as in the indexer.
      const seconds = ttlSeconds(directive[1]);
      return seconds === undefined ? undefined : { seconds, from: '$TTL' };
    }
    if (previous !== undefined) continue;
    const ttl = recordFields(text)?.ttl;
    if (ttl) previous = ttlSeconds(ttl.text);
  }
  return previous !== undefined ? { seconds: previous, from: 'previous' } : { seconds: DEFAULT_TTL, from: 'default' };
}

/**
 * The quick fix of a `ttl-range` finding: the record's TTL brought into [minTtl, MAX_TTL], written on the
 * record itself (replacing its own, or inserted when it inherits one, so other records keep theirs).
 */
export function ttlRangeFix(lineAt: (line: number) => string | undefined, line: number, minTtl: number): { ttl: number; edit: LineEdit } | undefined {
  const current = effectiveTtlAt(lineAt, line);
  if (!current) return undefined;
  const ttl = current.seconds > MAX_TTL ? MAX_TTL : current.seconds < minTtl ? minTtl : undefined;
  if (ttl === undefined) return undefined;
  const edit = ttlEdit(lineAt(line) ?? '', ttl);
  return edit && { ttl, edit };
}
