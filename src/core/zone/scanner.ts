// Byte-level cursor over one zone file: whitespace, parentheses, comments, quotes, line counting.
// Works on the Buffer directly (no per-line strings). Problems are recorded, never thrown.
// Lines end at LF, CRLF or a bare CR. Inside parentheses every line continues the entry (as in BIND, even one
// starting in column 1); a parenthesis that is never closed is found when the read reaches the end of the file:
// the parser then reads that entry again, and it ends with the parenthesis' line. The read that found it
// also learnt which other '(' after it have no match, so each later one is known at once (at most two passes).
import * as bytes from './bytes';

// Module constants: V8 folds those into the hot loops, where an imported binding is read through the
// module object on every use.
const { TAB, LF, CR, SP, QUOTE, LPAREN, RPAREN, SEMI, BACKSLASH } = bytes;

/** 1 for bytes that end an unquoted word. */
const DELIM = new Uint8Array(256);
for (const b of [SP, TAB, CR, LF, QUOTE, SEMI, LPAREN, RPAREN]) DELIM[b] = 1;
/** 1 for bytes that skipRest must look at; every other byte is just rdata. */
const REST = new Uint8Array(256);
for (const b of [CR, LF, QUOTE, SEMI, LPAREN, RPAREN, BACKSLASH]) REST[b] = 1;

export type ScanProblem = 'unclosed-quote' | 'unclosed-paren' | 'unexpected-paren';

export class ZoneScanner {
  pos = 0;
  /** 1-based line of `pos`. */
  line = 1;
  depth = 0;
  /** The current word: buf[tokStart, tokEnd); for a quoted word, the bytes between the quotes. */
  tokStart = 0;
  tokEnd = 0;
  tokQuoted = false;
  /** Set when the current entry is broken (an unclosed quote); the parser then calls endEntry(). */
  failed: ScanProblem | undefined;
  /**
   * Set when the entry reached the end of the file inside parentheses not yet known to be unclosed: the
   * parser undoes the entry and reads it again from its start (restart()), now ending at that line.
   */
  rewind = false;
  readonly len: number;
  private parenLine = 0;
  /** The entry's open parenthesis is one known to have no match: the end of its line ends the entry. */
  private broken = false;
  /** Positions of the '(' still open, outermost first. */
  private readonly opens: number[] = [];
  /** Positions of '(' that have no matching ')' anywhere after them. */
  private readonly unmatched = new Set<number>();
  /** Position of a CR at or after the last line-end search (len when there is none): bare CRs are rare. */
  private crAt = -1;

  constructor(
    readonly buf: Buffer,
    private readonly onProblem: (line: number, problem: ScanProblem) => void,
  ) {
    this.len = buf.length;
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = 3;
  }

  /** True when buf[p] ends a line: LF, or a CR not followed by LF (the CR of CRLF is a blank). */
  isBreak(p: number): boolean {
    const c = this.buf[p];
    return c === LF || (c === CR && this.buf[p + 1] !== LF);
  }

  /**
   * Skips blanks, comments, parentheses and (inside parentheses) line breaks. True when a word follows in the
   * same entry; false at the entry's end (pos on its line break, or at EOF) or when the entry failed.
   */
  skipSpace(): boolean {
    const buf = this.buf;
    while (this.pos < this.len) {
      const c = buf[this.pos] as number;
      if (c === SP || c === TAB) {
        this.pos++;
      } else if (c === LF || c === CR) {
        if (c === CR && buf[this.pos + 1] === LF) {
          this.pos++;
          continue;
        }
        if (this.depth === 0) return false;
        if (this.broken) {
          this.closeBroken();
          return false;
        }
        this.pos++;
        this.line++;
      } else if (c === SEMI) {
        this.pos = this.lineEnd(this.pos);
      } else if (c === LPAREN) {
        this.openParen();
      } else if (c === RPAREN) {
        this.closeParen();
      } else {
        return true;
      }
    }
    this.atEnd();
    return false;
  }

  /** Reads the word at pos (quoted or not). False if a quote is left open (the entry has then failed). */
  readWord(): boolean {
    const buf = this.buf;
    let p = this.pos;
    if (buf[p] === QUOTE) {
      this.tokQuoted = true;
      this.tokStart = ++p;
      const end = this.scanQuoted(p);
      if (end < 0) return false;
      this.tokEnd = end;
      this.pos = end + 1;
      return true;
    }
    this.tokQuoted = false;
    this.tokStart = p;
    const len = this.len;
    while (p < len) {
      const c = buf[p] as number;
      if (DELIM[c] === 1) break;
      // An escaped byte never ends the word (but an escaped line break is still a line break).
      if (c === BACKSLASH && p + 1 < len && buf[p + 1] !== LF && buf[p + 1] !== CR) p += 2;
      else p++;
    }
    if (p > len) p = len;
    this.tokEnd = p;
    this.pos = p;
    return true;
  }

  /** Skips the rest of the entry (the rdata) honouring quotes, comments and parentheses. */
  skipRest(): void {
    const buf = this.buf;
    const len = this.len;
    let p = this.pos;
    while (p < len) {
      const c = buf[p] as number;
      if (REST[c] === 0) {
        p++;
      } else if (c === LF || c === CR) {
        if (c === CR && buf[p + 1] === LF) {
          p++;
          continue;
        }
        if (this.depth === 0) break;
        if (this.broken) {
          this.pos = p;
          this.closeBroken();
          return;
        }
        this.line++;
        p++;
      } else if (c === QUOTE) {
        const end = this.scanQuoted(p + 1);
        if (end < 0) return;
        p = end + 1;
      } else if (c === SEMI) {
        p = this.lineEnd(p);
      } else if (c === LPAREN) {
        this.pos = p;
        this.openParen();
        p++;
      } else if (c === RPAREN) {
        this.pos = p;
        this.closeParen();
        p++;
      } else if (p + 1 < len && buf[p + 1] !== LF && buf[p + 1] !== CR) {
        p += 2; // backslash: the next byte is data
      } else {
        p++;
      }
    }
    this.pos = p > len ? len : p;
    if (p >= len) this.atEnd();
  }

  /** Moves past the end of the current entry: its line break, or (after a failure) the rest of that line. */
  endEntry(): void {
    if (this.rewind) return;
    if (this.failed) {
      this.failed = undefined;
      this.depth = 0;
      this.broken = false;
      this.opens.length = 0;
      this.pos = this.lineEnd(this.pos);
    }
    if (this.pos < this.len && this.isBreak(this.pos)) {
      this.pos++;
      this.line++;
    }
  }

  /** Reads the entry again from `pos` (its column 1) after a rewind; the unclosed parenthesis is now known. */
  restart(pos: number, line: number): void {
    this.pos = pos;
    this.line = line;
    this.depth = 0;
    this.failed = undefined;
    this.rewind = false;
    this.broken = false;
    this.opens.length = 0;
  }

  /** Skips to the end of the current line (not past its line break). */
  skipLine(): void {
    this.pos = this.lineEnd(this.pos);
  }

  /** Position of the line break ending the line at p (or len). */
  private lineEnd(p: number): number {
    const buf = this.buf;
    let nl = buf.indexOf(LF, p);
    if (nl < 0) nl = this.len;
    if (this.crAt < p) this.crAt = this.nextCr(p);
    while (this.crAt < nl) {
      if (buf[this.crAt + 1] !== LF) return this.crAt;
      this.crAt = this.nextCr(this.crAt + 1);
    }
    return nl;
  }

  private nextCr(p: number): number {
    const i = this.buf.indexOf(CR, p);
    return i < 0 ? this.len : i;
  }

  /** Index of the closing quote for a string whose content starts at p; -1 (and a failure) if the line ends first. */
  private scanQuoted(p: number): number {
    const buf = this.buf;
    const len = this.len;
    while (p < len) {
      const c = buf[p] as number;
      if (c === QUOTE) return p;
      if (c === LF || (c === CR && buf[p + 1] !== LF)) break;
      if (c === BACKSLASH && p + 1 < len) {
        // An escaped line break continues the string on the next line.
        const n = buf[p + 1];
        if (n === LF) {
          p += 2;
          this.line++;
        } else if (n === CR) {
          p += buf[p + 2] === LF ? 3 : 2;
          this.line++;
        } else {
          p += 2;
        }
      } else {
        p++;
      }
    }
    this.pos = p > len ? len : p;
    this.fail('unclosed-quote', this.line);
    return -1;
  }

  private openParen(): void {
    if (this.depth === 0) {
      this.parenLine = this.line;
      this.broken = this.unmatched.size > 0 && this.unmatched.has(this.pos);
    }
    if (!this.broken) this.opens.push(this.pos);
    this.depth++;
    this.pos++;
  }

  private closeParen(): void {
    if (this.depth === 0) {
      this.onProblem(this.line, 'unexpected-paren');
    } else {
      this.depth--;
      if (!this.broken) this.opens.pop();
      if (this.depth === 0) this.broken = false;
    }
    this.pos++;
  }

  /** The entry's unclosed parenthesis ends with its line: one diagnostic, at the line that opened it. */
  private closeBroken(): void {
    this.onProblem(this.parenLine, 'unclosed-paren');
    this.depth = 0;
    this.broken = false;
    this.opens.length = 0;
  }

  /** End of the file: parentheses still open there have no match; the entry is read again unless known. */
  private atEnd(): void {
    if (this.depth === 0) return;
    if (this.broken) {
      this.closeBroken();
      return;
    }
    for (const p of this.opens) this.unmatched.add(p);
    this.opens.length = 0;
    this.depth = 0;
    this.rewind = true;
    this.failed = 'unclosed-paren';
  }

  private fail(problem: ScanProblem, line: number): void {
    if (this.failed) return;
    this.failed = problem;
    this.onProblem(line, problem);
  }
}
