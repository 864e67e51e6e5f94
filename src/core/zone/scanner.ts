// Byte-level cursor over one zone file: whitespace, parentheses, comments, quotes, line counting.
// Works on the Buffer directly (no per-line strings). Problems are recorded, never thrown.

export const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const SEMI = 0x3b;
const LPAREN = 0x28;
const RPAREN = 0x29;
const BACKSLASH = 0x5c;

/** 1 for bytes that end an unquoted word. */
const DELIM = new Uint8Array(256);
for (const b of [SP, TAB, CR, LF, QUOTE, SEMI, LPAREN, RPAREN]) DELIM[b] = 1;

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
  /** Set when the current entry is broken beyond repair; the parser then calls recover(). */
  failed: ScanProblem | undefined;
  failLine = 0;
  readonly len: number;
  private parenLine = 0;

  constructor(
    readonly buf: Buffer,
    private readonly onProblem: (line: number, problem: ScanProblem) => void,
  ) {
    this.len = buf.length;
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = 3;
  }

  /**
   * Skips blanks, comments, parentheses and (inside parentheses) newlines. True when a word follows in the
   * same entry; false at the entry's end (pos on its LF, or at EOF) or when the entry failed.
   */
  skipSpace(): boolean {
    const buf = this.buf;
    while (this.pos < this.len) {
      const c = buf[this.pos] as number;
      if (c === SP || c === TAB || c === CR) {
        this.pos++;
      } else if (c === LF) {
        if (this.depth === 0) return false;
        if (this.opensNewEntry(this.pos + 1)) return false;
        this.pos++;
        this.line++;
      } else if (c === SEMI) {
        this.skipComment();
      } else if (c === LPAREN) {
        this.openParen();
        if (this.failed) return false;
      } else if (c === RPAREN) {
        this.closeParen();
      } else {
        return true;
      }
    }
    if (this.depth > 0) this.fail('unclosed-paren', this.parenLine);
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
      // An escaped byte never ends the word (but an escaped newline is still a newline).
      if (c === BACKSLASH && p + 1 < len && buf[p + 1] !== LF) p += 2;
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
      if (c === LF) {
        if (this.depth === 0) break;
        if (this.opensNewEntry(p + 1)) {
          this.pos = p;
          return;
        }
        this.line++;
        p++;
      } else if (c === QUOTE) {
        const end = this.scanQuoted(p + 1);
        if (end < 0) return;
        p = end + 1;
      } else if (c === SEMI) {
        this.pos = p;
        this.skipComment();
        p = this.pos;
      } else if (c === LPAREN) {
        this.pos = p;
        this.openParen();
        if (this.failed) return;
        p++;
      } else if (c === RPAREN) {
        this.pos = p;
        this.closeParen();
        p++;
      } else if (c === BACKSLASH && p + 1 < len && buf[p + 1] !== LF) {
        p += 2;
      } else {
        p++;
      }
    }
    this.pos = p > len ? len : p;
    if (p >= len && this.depth > 0) this.fail('unclosed-paren', this.parenLine);
  }

  /** Moves past the end of the current entry, or past the damage if it failed. */
  endEntry(): void {
    if (this.failed) {
      this.recover();
      return;
    }
    if (this.pos < this.len && this.buf[this.pos] === LF) {
      this.pos++;
      this.line++;
    }
  }

  /** Skips to the end of the current line (not past its LF). */
  skipLine(): void {
    const nl = this.buf.indexOf(LF, this.pos);
    this.pos = nl < 0 ? this.len : nl;
  }

  /**
   * Inside parentheses, a line starting in column 1 with a word is taken as the next entry: the parenthesis
   * was never closed. (Continuation lines are indented, or start with ')' or ';'.) This keeps a broken record
   * from swallowing the rest of the file.
   */
  private opensNewEntry(p: number): boolean {
    if (p >= this.len) return false;
    const c = this.buf[p] as number;
    if (c === SP || c === TAB || c === CR || c === LF || c === RPAREN || c === SEMI) return false;
    this.fail('unclosed-paren', this.parenLine);
    this.pos = p - 1;
    return true;
  }

  private skipComment(): void {
    this.skipLine();
  }

  /** Index of the closing quote for a string whose content starts at p; -1 (and a failure) if none on the line. */
  private scanQuoted(p: number): number {
    const buf = this.buf;
    const len = this.len;
    while (p < len) {
      const c = buf[p] as number;
      if (c === QUOTE) return p;
      if (c === LF) break;
      if (c === BACKSLASH && p + 1 < len && buf[p + 1] !== LF) p += 2;
      else p++;
    }
    this.pos = p > len ? len : p;
    this.fail('unclosed-quote', this.line);
    return -1;
  }

  private openParen(): void {
    if (this.depth === 0) this.parenLine = this.line;
    this.depth++;
    this.pos++;
  }

  private closeParen(): void {
    if (this.depth === 0) this.onProblem(this.line, 'unexpected-paren');
    else this.depth--;
    this.pos++;
  }

  private fail(problem: ScanProblem, line: number): void {
    if (this.failed) return;
    this.failed = problem;
    this.failLine = line;
    this.onProblem(line, problem);
  }

  /**
   * After a failure (one diagnostic already reported): resume at the next line starting in column 1. For an
   * unclosed parenthesis pos is already on the LF before that line (or at the end of the file).
   */
  private recover(): void {
    this.failed = undefined;
    this.depth = 0;
    const buf = this.buf;
    for (;;) {
      this.skipLine();
      if (this.pos >= this.len) return;
      this.pos++;
      this.line++;
      const c = buf[this.pos];
      if (c !== SP && c !== TAB) return;
    }
  }
}
