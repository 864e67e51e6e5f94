// Owner names: bytes as written in a zone file -> absolute, lower-case name in BIND presentation form.
// Fast path for the common case (plain ASCII labels): one latin1 slice, no per-byte string building.
import * as bytes from './bytes';

// Module constants: V8 folds those into the hot loops, where an imported binding is read through the
// module object on every use.
const { DOT, AT, BACKSLASH } = bytes;

/** Longest owner token we decode; DNS names are at most 255 octets, so longer tokens are garbage. */
export const MAX_NAME_TOKEN = 1024;

/** 1: plain printable, 2: ASCII upper-case, 3: dot, 0: needs the slow path (escapes, specials, non-ASCII). */
export const CLASS = new Uint8Array(256);
for (let b = 0x21; b < 0x7f; b++) CLASS[b] = 1;
for (const ch of '"$();@\\') CLASS[ch.charCodeAt(0)] = 0;
for (let b = 0x41; b <= 0x5a; b++) CLASS[b] = 2;
CLASS[DOT] = 3;

/** Characters BIND escapes with a backslash inside a label. */
const SPECIAL = new Uint8Array(256);
for (const ch of '"().;\\@$') SPECIAL[ch.charCodeAt(0)] = 1;

/** Node's un-checked latin1 decoder: the fast way to turn an ASCII byte range into a string. */
type Latin1Slice = (this: Uint8Array, s: number, e: number) => string;
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice: Latin1Slice }).latin1Slice;
export function latin1(buf: Uint8Array, start: number, end: number): string {
  return latin1Slice.call(buf, start, end);
}

function presentByte(b: number): string {
  if (b >= 0x41 && b <= 0x5a) return String.fromCharCode(b + 32); // ASCII-only case folding
  if (b <= 0x20 || b >= 0x7f) return '\\' + String(b).padStart(3, '0');
  if (SPECIAL[b] === 1) return '\\' + String.fromCharCode(b);
  return String.fromCharCode(b);
}

/**
 * The absolute name for the token buf[start, end). `@` alone is the origin; a token ending in an unescaped
 * dot is absolute; anything else is relative to `origin` (itself absolute, e.g. `example.com.` or `.`).
 */
export function nameFromBytes(buf: Uint8Array, start: number, end: number, origin: string): string {
  if (end - start === 1 && buf[start] === AT) return origin;
  let upper = false;
  let plain = true;
  for (let i = start; i < end; i++) {
    const k = CLASS[buf[i] as number];
    if (k === 0) { plain = false; break; }
    if (k === 2) upper = true;
  }
  if (!plain) return slowName(buf, start, end, origin);
  let text = latin1(buf, start, end);
  if (upper) text = text.toLowerCase();
  if (buf[end - 1] === DOT) return text;
  return origin === '.' ? text + '.' : text + '.' + origin;
}

function slowName(buf: Uint8Array, start: number, end: number, origin: string): string {
  let out = '';
  let absolute = false;
  for (let i = start; i < end; i++) {
    let b = buf[i] as number;
    absolute = false;
    if (b === BACKSLASH && i + 1 < end) {
      const d1 = (buf[i + 1] as number) - 48;
      const d2 = (buf[i + 2] ?? 0) - 48;
      const d3 = (buf[i + 3] ?? 0) - 48;
      if (i + 3 < end && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && d3 >= 0 && d3 <= 9) {
        b = (d1 * 100 + d2 * 10 + d3) & 0xff;
        i += 3;
      } else {
        b = buf[i + 1] as number;
        i += 1;
      }
      out += presentByte(b);
    } else if (b === DOT) {
      out += '.';
      absolute = true;
    } else {
      out += presentByte(b);
    }
  }
  if (absolute) return out;
  return origin === '.' ? out + '.' : out + '.' + origin;
}

/** A name as a user typed it (any case, trailing dot or not, escapes or raw UTF-8) in the indexer's form. */
export function normalizeName(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '.') return '.';
  const bytes = Buffer.from(trimmed, 'utf8');
  return nameFromBytes(bytes, 0, bytes.length, '.');
}

/**
 * normalizeName(text) written as latin1 bytes into `out`, for a plain name (printable ASCII without blanks,
 * escapes or specials, as most are): its length. 0 for any other text, or one longer than `out`: normalizeName
 * must read it. Lets a caller look up thousands of names without a string or buffer for each.
 */
export function plainNameInto(text: string, out: Uint8Array): number {
  const n = text.length;
  if (n === 0 || n + 1 > out.length) return 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < 0x80 ? CLASS[c] : 0;
    if (k === 0) return 0;
    out[i] = k === 2 ? c + 32 : c;
  }
  if (text.charCodeAt(n - 1) === DOT) return n;
  out[n] = DOT;
  return n + 1;
}
