// A record's class and rdata, read again from its bytes only when asked (the index keeps just the span).
// The lexing matches the scanner's: comments and parentheses are separators, quotes keep everything (an
// escaped line break continues the string, an unescaped one ends it), a backslash escapes the next byte.
import { isTtl } from './ttl';

const SP = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;
const SEMI = 0x3b;
const LPAREN = 0x28;
const RPAREN = 0x29;
const BACKSLASH = 0x5c;

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
 * space, quoted strings exactly as written.
 */
export function entryText(buf: Uint8Array, s: number, e: number): EntryText {
  const first = buf[s];
  let skip = first === SP || first === TAB || first === CR ? 0 : 1; // the owner word
  let haveTtl = false;
  let cls: string | undefined;
  let typeSeen = false;
  let rdata = '';
  let sep = false;
  let p = s;
  while (p < e) {
    const c = buf[p] as number;
    if (c === SP || c === TAB || c === CR || c === LF || c === LPAREN || c === RPAREN) {
      sep = true;
      p++;
      continue;
    }
    if (c === SEMI) {
      while (p < e && buf[p] !== LF && buf[p] !== CR) p++;
      sep = true;
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
      if (sep && rdata !== '') rdata += ' ';
      rdata += utf8Slice.call(buf, start, p);
    } else if (skip > 0) {
      skip--;
    } else if (c === QUOTE) {
      typeSeen = true; // the parser refused such a record; keep what follows
      rdata = utf8Slice.call(buf, start, p);
    } else if (!haveTtl && isTtl(buf, start, p)) {
      haveTtl = true;
    } else {
      const word = utf8Slice.call(buf, start, p).toUpperCase();
      if (cls === undefined && isClassWord(word)) cls = word;
      else typeSeen = true;
    }
    sep = false;
  }
  return { cls, rdata };
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
