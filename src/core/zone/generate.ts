// $GENERATE ranges: kept as a template, expanded only while iterating, matched by a regular expression on
// lookup, so `$GENERATE 1-2000000000 ...` costs a few bytes of memory.
import { nameFromBytes } from './names';

/** Values of one range a lookup gives at an owner without `$` (far more than the 50 a record set takes). */
export const MAX_SAME_OWNER = 1000;

export interface GenerateRange {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  /** The lhs as latin1 text (one char per byte), `\$` already kept as a literal part. */
  readonly parts: readonly (string | Modifier)[];
  readonly origin: string;
  readonly typeId: number;
  readonly line: number;
  readonly fileId: number;
  /** Index of the record that stands for the whole range. */
  readonly record: number;
  /** Effective TTL in seconds, and the class as written (upper case) if any. */
  readonly ttl: number;
  readonly cls: string | undefined;
  /** The rdata template, parsed like the lhs. */
  readonly rhs: readonly (string | Modifier)[];
  readonly endLine: number;
}

export interface Modifier {
  readonly offset: number;
  readonly width: number;
  readonly base: 'd' | 'o' | 'x' | 'X' | 'n' | 'N';
}

/** Parses `start-stop[/step]`; undefined when malformed. */
export function parseRange(text: string): { start: number; stop: number; step: number } | undefined {
  const m = /^(\d{1,10})-(\d{1,10})(?:\/(\d{1,10}))?$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const stop = Number(m[2]);
  const step = m[3] === undefined ? 1 : Number(m[3]);
  if (stop < start || step < 1 || stop > 0xffffffff) return undefined;
  return { start, stop, step };
}

/** Splits an lhs template into literal text and `$` / `${offset,width,base}` modifiers. */
export function parseTemplate(lhs: string): (string | Modifier)[] | undefined {
  const parts: (string | Modifier)[] = [];
  let lit = '';
  for (let i = 0; i < lhs.length; i++) {
    const ch = lhs[i] as string;
    if (ch === '\\' && lhs[i + 1] === '$') {
      lit += '\\$';
      i++;
    } else if (ch === '\\' && i + 1 < lhs.length) {
      lit += ch + (lhs[i + 1] as string);
      i++;
    } else if (ch === '$') {
      if (lit) parts.push(lit);
      lit = '';
      if (lhs[i + 1] === '{') {
        const close = lhs.indexOf('}', i);
        if (close < 0) return undefined;
        const m = /^([+-]?\d+)(?:,(\d+)(?:,([doxXnN]))?)?$/.exec(lhs.slice(i + 2, close));
        if (!m) return undefined;
        parts.push({ offset: Number(m[1]), width: m[2] ? Math.min(Number(m[2]), 255) : 0, base: (m[3] ?? 'd') as Modifier['base'] });
        i = close;
      } else {
        parts.push({ offset: 0, width: 0, base: 'd' });
      }
    } else {
      lit += ch;
    }
  }
  if (lit) parts.push(lit);
  return parts;
}

/**
 * BIND's nibble format: hex digits lowest first, dot-separated; the width counts output characters, dots
 * included, so `${0,3,n}` of 1 is `1.0`.
 */
function nibbles(value: number, width: number, upper: boolean): string {
  const digits = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = '';
  let w = width;
  let v = value;
  do {
    out += digits[v & 0xf] as string;
    v >>>= 4;
    if (w > 0) w--;
    if (w > 0 || v !== 0) {
      out += '.';
      if (w > 0) w--;
    }
  } while (v !== 0 || w > 0);
  return out;
}

function formatValue(value: number, m: Modifier): string {
  // As BIND's printf: d is signed; o, x, X and the nibble modes print the value as a 32-bit unsigned number.
  if (m.base === 'd') {
    const digits = Math.abs(value).toString(10);
    return value < 0 ? '-' + digits.padStart(m.width - 1, '0') : digits.padStart(m.width, '0');
  }
  const u = value < 0 || value > 0xffffffff ? value >>> 0 : value;
  if (m.base === 'n' || m.base === 'N') return nibbles(u, m.width, m.base === 'N');
  const text = u.toString(m.base === 'o' ? 8 : 16).padStart(m.width, '0');
  return m.base === 'X' ? text.toUpperCase() : text;
}

function expand(parts: readonly (string | Modifier)[], i: number): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : formatValue(i + p.offset, p);
  return out;
}

/** The rdata of iteration value i, as written after expansion (names in it stay as written). */
export function generatedRdata(g: GenerateRange, i: number): string {
  return Buffer.from(expand(g.rhs, i), 'latin1').toString('utf8');
}

/** The absolute owner for iteration value i. */
export function generatedName(g: GenerateRange, i: number): string {
  const bytes = Buffer.from(expand(g.parts, i), 'latin1');
  return nameFromBytes(bytes, 0, bytes.length, g.origin);
}

/** The iteration values of g whose owner is `name` (an absolute, normalized name). */
export function matchGenerated(g: GenerateRange, name: string): number[] {
  const first = g.parts.find((p): p is Modifier => typeof p !== 'string');
  if (!first) {
    if (generatedName(g, g.start) !== name) return [];
    // Every value gives this one owner. With a `$` in the rdata each is a record of its own (a retry must send
    // them all); without, they are one record repeated. Bounded: a set takes 50 values, and
    // `$GENERATE 0-4294967295 same A 10.0.0.$` must not fill memory.
    if (!g.rhs.some((p) => typeof p !== 'string')) return [g.start];
    const hits: number[] = [];
    for (let i = g.start; i <= g.stop && hits.length < MAX_SAME_OWNER; i += g.step) hits.push(i);
    return hits;
  }
  // Try every plausible number found in the name; verify by formatting (exact, whatever the base or width).
  const candidates = new Set<number>();
  const digits = first.base === 'd' ? /-?\d+/g : first.base === 'o' ? /[0-7]+/g : /[0-9a-f]+/g;
  const text = first.base === 'n' || first.base === 'N' ? name.replace(/\./g, '').split('').reverse().join('') : name;
  for (const m of text.matchAll(digits)) {
    const whole = m[0];
    // Substrings too, since a number may be glued to letters of the same alphabet (e.g. hex), anywhere in the
    // run: an ip6.arpa name is one run of nibbles with the value at its end. No value is over 12 characters.
    for (let a = 0; a < whole.length; a++) {
      for (let b = whole.length; b > a && b - a <= 12; b--) {
        const v = parseInt(whole.slice(a, b), first.base === 'd' ? 10 : first.base === 'o' ? 8 : 16);
        candidates.add(v - first.offset);
        if (first.base !== 'd') candidates.add(v - 0x100000000 - first.offset); // a negative value printed unsigned
      }
    }
  }
  const hits: number[] = [];
  for (const i of candidates) {
    if (i < g.start || i > g.stop || (i - g.start) % g.step !== 0) continue;
    if (generatedName(g, i) === name) hits.push(i);
  }
  return hits.sort((x, y) => x - y);
}
