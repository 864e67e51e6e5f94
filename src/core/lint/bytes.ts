// Byte-level reading of a record for the rules: no string is made unless a finding needs one, so checking a
// million records costs little more than indexing them. The lexing matches the indexer's (zone/details.ts):
// blanks, line breaks and parentheses separate words; `;` starts a comment outside quotes; a quoted string
// keeps everything (an escaped line break continues it, an unescaped one ends it); `\` escapes one byte.

import { finish, newSeed } from '../zone/nameTable';
import * as bytes from '../zone/bytes';

// Module constants: V8 folds those into the hot loops, where an imported binding is read through the
// module object on every use.
const { TAB, LF, CR, SP, QUOTE, LPAREN, RPAREN, STAR, DOT, SEMI, AT, BACKSLASH } = bytes;

// Byte classes for the word loop: one table load per byte instead of up to eight compares.
const C_BLANK = 1; // space, tab, CR, LF, parentheses: separate words
const C_STOP = 2; // also ends an unquoted word: `;` and `"`
const BYTE_CLASS = new Uint8Array(256);
for (const c of [SP, TAB, CR, LF, LPAREN, RPAREN]) BYTE_CLASS[c] = C_BLANK | C_STOP;
BYTE_CLASS[SEMI] = C_STOP;
BYTE_CLASS[QUOTE] = C_STOP;

/** Words of one record kept for the checks (more are counted, not kept). */
export const MAX_WORDS = 8;

/** Reads the words of buf[s, e); `rdata()` positions it after the type (or at s for bare rdata). */
export class WordCursor {
  buf: Uint8Array = new Uint8Array(0);
  pos = 0;
  end = 0;
  /** Last word read: [start, stop), quoted when it began with `"`. */
  start = 0;
  stop = 0;
  quoted = false;
  /** A backslash was seen in the last word. */
  escaped = false;

  reset(buf: Uint8Array, s: number, e: number): void {
    this.buf = buf;
    this.pos = s;
    this.end = e;
  }

  next(): boolean {
    const buf = this.buf;
    const e = this.end;
    let p = this.pos;
    for (;;) {
      if (p >= e) {
        this.pos = p;
        return false;
      }
      const c = buf[p] as number;
      if ((BYTE_CLASS[c] as number) & C_BLANK) {
        p++;
      } else if (c === SEMI) {
        while (p < e && buf[p] !== LF && buf[p] !== CR) p++;
      } else {
        break;
      }
    }
    const start = p;
    let escaped = false;
    if (buf[p] === QUOTE) {
      p++;
      while (p < e) {
        const q = buf[p] as number;
        if (q === QUOTE) {
          p++;
          break;
        }
        if (q === LF || q === CR) break; // unclosed: the string ends with its line
        if (q === BACKSLASH && p + 1 < e) {
          escaped = true;
          p += buf[p + 1] === CR && buf[p + 2] === LF ? 3 : 2;
        } else {
          if (q === BACKSLASH) escaped = true;
          p++;
        }
      }
      this.quoted = true;
    } else {
      while (p < e) {
        const q = buf[p] as number;
        if ((BYTE_CLASS[q] as number) & C_STOP) break;
        if (q === BACKSLASH) {
          escaped = true;
          p += p + 1 < e && buf[p + 1] !== LF && buf[p + 1] !== CR ? 2 : 1;
        } else {
          p++;
        }
      }
      this.quoted = false;
    }
    if (p > e) p = e;
    this.start = start;
    this.stop = p;
    this.escaped = escaped;
    this.pos = p;
    return true;
  }

  /**
   * Moves past owner, TTL, class and type of a whole entry (s at column 1 of its first line); false when the
   * entry has no rdata position. A quoted word before the type is rdata (the indexer keeps it so).
   */
  skipToRdata(): boolean {
    const buf = this.buf;
    const first = buf[this.pos];
    let skip = first === SP || first === TAB || first === CR ? 0 : 1;
    let haveTtl = false;
    let haveClass = false;
    for (;;) {
      const before = this.pos;
      if (!this.next()) return false;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (this.quoted) {
        this.pos = before;
        return true;
      }
      if (!haveTtl && isTtlWord(buf, this.start, this.stop)) {
        haveTtl = true;
        continue;
      }
      if (!haveClass && isClassWord(buf, this.start, this.stop)) {
        haveClass = true;
        continue;
      }
      return true; // that was the type
    }
  }
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

/** Digits with optional s/m/h/d/w units, starting with a digit (the indexer's TTL syntax). */
export function isTtlWord(buf: Uint8Array, s: number, e: number): boolean {
  if (s >= e || !isDigit(buf[s] as number)) return false;
  for (let i = s + 1; i < e; i++) {
    const c = lower(buf[i] as number);
    if (!(isDigit(c) || c === 0x73 || c === 0x6d || c === 0x68 || c === 0x64 || c === 0x77)) return false;
  }
  return true;
}

/** The bytes equal `word` (lower case ASCII) ignoring ASCII case. */
export function wordIs(buf: Uint8Array, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (lower(buf[s + i] as number) !== word.charCodeAt(i)) return false;
  return true;
}

/** IN CH HS CS NONE ANY CLASSnn, any case. */
export function isClassWord(buf: Uint8Array, s: number, e: number): boolean {
  const n = e - s;
  if (n === 2) return wordIs(buf, s, e, 'in') || wordIs(buf, s, e, 'ch') || wordIs(buf, s, e, 'hs') || wordIs(buf, s, e, 'cs');
  if (n === 3) return wordIs(buf, s, e, 'any');
  if (n === 4) return wordIs(buf, s, e, 'none');
  if (n < 6 || n > 10 || !wordIs(buf, s, s + 5, 'class')) return false;
  for (let i = s + 5; i < e; i++) if (!isDigit(buf[i] as number)) return false;
  return true;
}

/** A decimal number from 0 to max written with digits only; -1 otherwise. */
export function numberAt(buf: Uint8Array, s: number, e: number, max: number): number {
  if (s >= e || e - s > 10) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i] as number;
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 0x30);
  }
  return v <= max ? v : -1;
}

/** Four decimal numbers 0..255 without leading zeros, dot-separated. */
export function isIpv4(buf: Uint8Array, s: number, e: number): boolean {
  let parts = 0;
  let i = s;
  while (i <= e) {
    const from = i;
    let v = 0;
    while (i < e && isDigit(buf[i] as number)) v = v * 10 + ((buf[i++] as number) - 0x30);
    const len = i - from;
    if (len === 0 || len > 3 || v > 255 || (len > 1 && buf[from] === 0x30)) return false;
    parts++;
    if (i === e) return parts === 4;
    if (buf[i] !== DOT || parts === 4) return false;
    i++;
  }
  return false;
}

/** Shape bits of a name (see nameShapeOf). */
export const SHAPE_EMPTY_LABEL = 1;
export const SHAPE_WILDCARD = 2;
export const SHAPE_STRAY_STAR = 4;

export interface ByteNameShape {
  labels: number;
  /** Wire octets if absolute (length bytes and the root). */
  wire: number;
  longest: number;
  bits: number;
}

/**
 * Labels, wire length, longest label and star/empty-label bits of a name in presentation form (escapes
 * `\X`, `\DDD`; raw UTF-8 counts its bytes). Dots split labels unless escaped. `.` alone is the root.
 */
export function nameShapeOf(buf: Uint8Array, s: number, e: number, out: ByteNameShape): ByteNameShape {
  // Locals, written to `out` once: this runs for every owner and every target of a million-record zone.
  let labels = 0;
  let wire = 1;
  let longest = 0;
  let bits = 0;
  if (e - s === 1 && buf[s] === DOT) {
    out.labels = 0;
    out.wire = 1;
    out.longest = 0;
    out.bits = 0;
    return out;
  }
  let octets = 0;
  let stars = 0;
  let i = s;
  while (i < e) {
    const c = buf[i] as number;
    if (c === DOT) {
      if (octets === 0) bits |= SHAPE_EMPTY_LABEL;
      if (stars > 0) bits |= labels === 0 && octets === 1 ? SHAPE_WILDCARD : SHAPE_STRAY_STAR;
      labels++;
      wire += octets + 1;
      if (octets > longest) longest = octets;
      octets = 0;
      stars = 0;
      i++;
      continue;
    }
    let octet = c;
    if (c === BACKSLASH && i + 1 < e) {
      if (i + 3 < e && isDigit(buf[i + 1] as number) && isDigit(buf[i + 2] as number) && isDigit(buf[i + 3] as number)) {
        octet = (((buf[i + 1] as number) - 0x30) * 100 + ((buf[i + 2] as number) - 0x30) * 10 + ((buf[i + 3] as number) - 0x30)) & 0xff;
        i += 4;
      } else {
        octet = buf[i + 1] as number;
        i += 2;
      }
    } else {
      i++;
    }
    if (octet === STAR) stars++;
    octets++;
  }
  if (octets > 0) {
    // the last label of a relative name (or of one ending in an escaped dot)
    if (stars > 0) bits |= labels === 0 && octets === 1 ? SHAPE_WILDCARD : SHAPE_STRAY_STAR;
    labels++;
    wire += octets + 1;
    if (octets > longest) longest = octets;
  }
  out.labels = labels;
  out.wire = wire;
  out.longest = longest;
  out.bits = bits;
  return out;
}

const scratch: ByteNameShape = { labels: 0, wire: 0, longest: 0, bits: 0 };

/** A target as Huawei Cloud DNS takes it: `@`, or non-empty labels of at most 63 octets (`.` if rootAllowed). */
export function isTargetAt(buf: Uint8Array, s: number, e: number, quoted: boolean, rootAllowed: boolean): boolean {
  if (quoted || s >= e) return false;
  if (e - s === 1) {
    if (buf[s] === AT) return true;
    if (buf[s] === DOT) return rootAllowed;
  }
  const shape = nameShapeOf(buf, s, e, scratch);
  return (shape.bits & SHAPE_EMPTY_LABEL) === 0 && shape.longest <= 63 && shape.labels > 0;
}

/** buf[s, e) ends with `suffix` and the byte before it is an unescaped dot (or it is all of it). */
export function isAtOrBelowBytes(buf: Uint8Array, s: number, e: number, apex: Uint8Array): boolean {
  const n = apex.length;
  if (n === 1 && apex[0] === DOT) return true;
  const cut = e - n;
  if (cut < s) return false;
  for (let k = 0; k < n; k++) if (buf[cut + k] !== apex[k]) return false;
  if (cut === s) return true;
  if (buf[cut - 1] !== DOT) return false;
  let slashes = 0;
  while (cut - 2 - slashes >= s && buf[cut - 2 - slashes] === BACKSLASH) slashes++;
  return slashes % 2 === 0;
}

const hexValue = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1);

/**
 * An IPv6 address in buf[s, e) (RFC 4291 text forms: `::` once, a trailing dotted IPv4, no zone id) into its
 * eight groups; false when it is not one.
 */
export function parseIpv6(buf: Uint8Array, s: number, e: number, out: Uint16Array): boolean {
  const COLON = 0x3a;
  if (e - s < 2 || e - s > 45) return false;
  let groups = 0;
  let gap = -1;
  let i = s;
  if (buf[i] === COLON) {
    if (buf[i + 1] !== COLON) return false;
    gap = 0;
    i += 2;
  }
  while (i < e) {
    const from = i;
    let v = 0;
    let h: number;
    while (i < e && i - from < 5 && (h = hexValue(buf[i] as number)) >= 0) {
      v = v * 16 + h;
      i++;
    }
    const digits = i - from;
    if (i < e && buf[i] === DOT) {
      // a dotted IPv4 as the last two groups
      if (groups > 6 || !isIpv4(buf, from, e)) return false;
      let part = 0;
      let octets = 0;
      const quad = [0, 0, 0, 0];
      for (let k = from; k <= e; k++) {
        if (k === e || buf[k] === DOT) {
          quad[octets++] = part;
          part = 0;
        } else {
          part = part * 10 + ((buf[k] as number) - 0x30);
        }
      }
      out[groups++] = ((quad[0] as number) << 8) | (quad[1] as number);
      out[groups++] = ((quad[2] as number) << 8) | (quad[3] as number);
      i = e;
      break;
    }
    if (digits === 0 || digits > 4 || groups === 8) return false;
    out[groups++] = v;
    if (i === e) break;
    if (buf[i] !== COLON) return false;
    i++;
    if (i < e && buf[i] === COLON) {
      if (gap >= 0) return false;
      gap = groups;
      i++;
    } else if (i === e) {
      return false; // a single trailing colon
    }
  }
  if (gap < 0) return groups === 8;
  if (groups > 7) return false;
  const tail = groups - gap;
  for (let k = 0; k < tail; k++) out[7 - k] = out[groups - 1 - k] as number;
  for (let k = gap; k < 8 - tail; k++) out[k] = 0;
  return true;
}

const FNV_PRIME = 16777619;

/**
 * A fresh start for the value hashes of one lint run. With a fixed FNV offset, values crafted to collide
 * could be computed once and put in any zone file; a per-run seed keeps full collisions from being precomputed.
 */
export const hashSeed = newSeed;

/**
 * The first slot of a value of set (owner, type) in a table of `mask + 1` slots (at most 2^30). The state is
 * mixed by the owner-name table's finaliser before it is masked: FNV's low bits depend only on the low bits of
 * the bytes, so unmixed, the values of a set whose bytes differ only above bit 3 (`a`/`q`/`A`/`Q`) all started
 * in one slot of every 16, whatever the seed, and linear probing ran them into one long cluster.
 */
export function valueSlot(h: number, owner: number, type: number, mask: number): number {
  return finish(h ^ Math.imul(owner, 0x9e3779b1) ^ type) & mask;
}

/** FNV-1a step over bytes (lower-cased when `fold`). */
export function hashBytes(h: number, buf: Uint8Array, s: number, e: number, fold: boolean): number {
  for (let i = s; i < e; i++) h = Math.imul(h ^ (fold ? lower(buf[i] as number) : (buf[i] as number)), FNV_PRIME);
  return h;
}

export function hashString(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

export function hashNumber(h: number, v: number): number {
  return Math.imul(h ^ (v | 0), FNV_PRIME) ^ 0x5bd1e995;
}

/** True when buf[s, e) has only bytes a name keeps as they are (printable ASCII, none of `"$();@\`). */
export function isPlainName(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = buf[i] as number;
    if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x24 || c === 0x28 || c === 0x29 || c === 0x3b || c === AT || c === BACKSLASH) return false;
  }
  return true;
}
