// A record's class and rdata, read again from its bytes only when asked (the index keeps just the span).
// The lexing matches the scanner's: comments and parentheses are separators, quotes keep everything (an
// escaped line break continues the string, an unescaped one ends it), a backslash escapes the next byte.
import { isTtl } from './ttl';
import * as bytes from './bytes';

// Module constants: V8 folds those into the hot loops, where an imported binding is read through the
// module object on every use.
const { TAB, LF, CR, SP, QUOTE, LPAREN, RPAREN, SEMI, BACKSLASH } = bytes;

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'NONE', 'ANY']);

export function isClassWord(word: string): boolean {
  return CLASSES.has(word) || /^CLASS\d{1,5}$/.test(word);
}

export interface EntryText {
  /** The class as written (upper case), or undefined when the record has none. */
  cls: string | undefined;
  rdata: string;
}

type Utf8Slice = (this: Uint8Array, s: number, e: number) => string;
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice: Utf8Slice }).utf8Slice;

/**
 * Class and rdata of the entry buf[s, e) (s at column 1 of its first line, so a blank there means no owner).
 * The rdata is in presentation form: comments and parentheses gone, blanks outside quotes collapsed to one
 * space, quoted strings exactly as written. With `data` (the index's recData, just after the type word) only
 * the rdata is read, from there: `cls` is then undefined.
 */
export function entryText(buf: Uint8Array, s: number, e: number, data?: number): EntryText {
  const first = buf[s];
  let skip = first === SP || first === TAB || first === CR ? 0 : 1; // the owner word
  let haveTtl = false;
  let cls: string | undefined;
  let typeSeen = data !== undefined;
  let rdata = '';
  // Rdata words separated by exactly one space are sliced as one run (most records: a single slice).
  let runStart = -1;
  let runEnd = -1;
  let p = data ?? s;
  while (p < e) {
    const c = buf[p] as number;
    if (c === SP || c === TAB || c === CR || c === LF || c === LPAREN || c === RPAREN) {
      p++;
      continue;
    }
    if (c === SEMI) {
      while (p < e && buf[p] !== LF && buf[p] !== CR) p++;
      continue;
    }
    const start = p;
    if (c === QUOTE) {
      p++;
      while (p < e) {
        const q = buf[p] as number;
        if (q === QUOTE) {
          p++;
          break;
        }
        if (q === LF || q === CR) break; // unclosed: the string ends with its line
        p += q === BACKSLASH && p + 1 < e ? (buf[p + 1] === CR && buf[p + 2] === LF ? 3 : 2) : 1;
      }
    } else {
      while (p < e) {
        const q = buf[p] as number;
        if (q === SP || q === TAB || q === CR || q === LF || q === LPAREN || q === RPAREN || q === SEMI || q === QUOTE) break;
        p += q === BACKSLASH && p + 1 < e && buf[p + 1] !== LF && buf[p + 1] !== CR ? 2 : 1;
      }
    }
    if (p > e) p = e;
    if (typeSeen) {
      if (runStart < 0) {
        runStart = start;
      } else if (start !== runEnd && !(start === runEnd + 1 && buf[runEnd] === SP)) {
        rdata += utf8Slice.call(buf, runStart, runEnd) + (start === runEnd ? '' : ' ');
        runStart = start;
      }
      runEnd = p;
    } else if (skip > 0) {
      skip--;
    } else if (c === QUOTE) {
      typeSeen = true; // the parser refused such a record; keep what follows
      runStart = start;
      runEnd = p;
    } else if (!haveTtl && isTtl(buf, start, p)) {
      haveTtl = true;
    } else {
      const word = cls === undefined ? classWord(buf, start, p) : undefined;
      if (word !== undefined) cls = word;
      else typeSeen = true;
    }
  }
  if (runStart >= 0) rdata += utf8Slice.call(buf, runStart, runEnd);
  return { cls, rdata };
}

/** The class word at buf[s, e) in upper case, or undefined; no string is made for a word that is not one. */
function classWord(buf: Uint8Array, s: number, e: number): string | undefined {
  const n = e - s;
  if (n < 2 || n > 10) return undefined;
  const c0 = (buf[s] as number) & 0xdf;
  if (c0 !== 0x49 && c0 !== 0x43 && c0 !== 0x48 && c0 !== 0x4e && c0 !== 0x41) return undefined; // I C H N A
  const word = utf8Slice.call(buf, s, e).toUpperCase();
  return isClassWord(word) ? word : undefined;
}

/** Line breaks in buf[s, e): LF, CRLF and a bare CR each count once. */
export function lineBreaks(buf: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let p = s; p < e; p++) {
    const c = buf[p];
    if (c === LF) n++;
    else if (c === CR && buf[p + 1] !== LF) n++;
  }
  return n;
}
