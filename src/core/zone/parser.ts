// Zone-file parser: entries and directives on top of the scanner, records into a RecordStore.
// Includes are read synchronously (this runs in a worker thread or a test); every problem becomes a diagnostic.
import * as fs from 'fs';
import * as path from 'path';
import { latin1, MAX_NAME_TOKEN, nameFromBytes } from './names';
import { LF, ZoneScanner, type ScanProblem } from './scanner';
import { parseRange, parseTemplate } from './generate';
import type { RecordStore } from './store';

const MAX_INCLUDE_DEPTH = 16;
const SP = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const SEMI = 0x3b;
const DOLLAR = 0x24;

const PROBLEMS: Record<ScanProblem, string> = {
  'unclosed-quote': 'Unclosed quote: the rest of the line is skipped',
  'unclosed-paren': 'Unclosed parenthesis: skipped to the next line starting in column 1',
  'unexpected-paren': 'Unexpected ")"',
};

/** typeCache value for a class word (IN, CH…). */
const CLASS_WORD = -2;
const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'NONE', 'ANY']);

/** Digits with optional s/m/h/d/w units (BIND's TTL syntax), starting with a digit. */
function isTtl(buf: Buffer, s: number, e: number): boolean {
  const c0 = buf[s] as number;
  if (c0 < 0x30 || c0 > 0x39) return false;
  for (let i = s + 1; i < e; i++) {
    const c = (buf[i] as number) | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || c === 0x73 || c === 0x6d || c === 0x68 || c === 0x64 || c === 0x77)) return false;
  }
  return true;
}

function isClass(word: string): boolean {
  return CLASSES.has(word) || /^CLASS\d{1,5}$/.test(word);
}

/** A type mnemonic (letters, digits, '-'), starting with a letter: A, NSEC3PARAM, TYPE65534, X-FOO. */
function isTypeWord(word: string): boolean {
  return /^[A-Z][A-Z0-9-]{0,31}$/.test(word);
}

export interface ParseOptions {
  /** Real path of the folder that bounds $INCLUDE. */
  realRoot: string;
}

export interface FileState {
  origin: string;
  /** The origin's bytes (latin1 of the presentation form). */
  originBytes: Uint8Array;
  /** Interned id of the previous owner, -1 when there is none yet. */
  owner: number;
}

export function setOrigin(state: FileState, origin: string): void {
  state.origin = origin;
  state.originBytes = Buffer.from(origin, 'latin1');
}

export class ZoneParser {
  /** Real paths of the files being parsed, innermost last (include cycle guard). */
  private readonly stack: string[] = [];
  private readonly typeCache = new Map<number, number>();

  constructor(private readonly store: RecordStore, private readonly options: ParseOptions) {}

  parseFile(file: string, buf: Buffer, state: FileState): void {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      real = file;
    }
    this.stack.push(real);
    try {
      this.parseBuffer(file, buf, state);
    } finally {
      this.stack.pop();
    }
  }

  private parseBuffer(file: string, buf: Buffer, state: FileState): void {
    const store = this.store;
    const fileId = store.addFile(file);
    const sc = new ZoneScanner(buf, (line, problem) => store.diagnose(file, line, PROBLEMS[problem]));
    const len = sc.len;
    while (sc.pos < len) {
      const c = buf[sc.pos] as number;
      if (c === LF) {
        sc.pos++;
        sc.line++;
        continue;
      }
      const entryLine = sc.line;
      if (c === SEMI) {
        sc.skipLine();
        continue;
      }
      if (c === SP || c === TAB || c === CR || c === 0x28) {
        // Blank owner (decided by column 1 only); a whitespace-only or comment-only line is no entry.
        if (!sc.skipSpace()) {
          sc.endEntry();
          continue;
        }
        if (state.owner < 0) {
          store.diagnose(file, entryLine, 'No previous owner: the origin is used');
          state.owner = store.internName(state.origin);
        }
        this.recordAfterOwner(sc, file, fileId, state.owner, entryLine);
        continue;
      }
      sc.readWord();
      if (sc.failed) {
        sc.endEntry();
        continue;
      }
      if (c === DOLLAR) {
        this.directive(sc, file, fileId, state, entryLine);
        continue;
      }
      if (sc.tokEnd - sc.tokStart > MAX_NAME_TOKEN) {
        store.diagnose(file, entryLine, 'Owner name too long');
        sc.skipRest();
        sc.endEntry();
        continue;
      }
      state.owner = store.names.internOwner(buf, sc.tokStart, sc.tokEnd, state.origin, state.originBytes);
      this.recordAfterOwner(sc, file, fileId, state.owner, entryLine);
    }
  }

  /** [ttl] [class] type rdata… — TTL and class in either order. */
  private recordAfterOwner(sc: ZoneScanner, file: string, fileId: number, owner: number, entryLine: number): void {
    const typeId = this.readTtlClassType(sc, file, entryLine);
    if (typeId >= 0) this.store.add(owner, typeId, entryLine, fileId);
    sc.skipRest();
    sc.endEntry();
  }

  /** Reads up to the type; returns its id, or -1 (with a diagnostic unless the entry already failed). */
  private readTtlClassType(sc: ZoneScanner, file: string, entryLine: number): number {
    const buf = sc.buf;
    let haveTtl = false;
    let haveClass = false;
    for (;;) {
      if (!sc.skipSpace() || !sc.readWord()) {
        if (!sc.failed) this.store.diagnose(file, entryLine, 'Missing record type');
        return -1;
      }
      const s = sc.tokStart;
      const e = sc.tokEnd;
      if (sc.tokQuoted || e - s > 40) {
        this.store.diagnose(file, entryLine, 'Expected a TTL, class or record type');
        return -1;
      }
      if (!haveTtl && isTtl(buf, s, e)) {
        haveTtl = true;
        continue;
      }
      const key = this.typeKey(buf, s, e);
      const cached = key >= 0 ? this.typeCache.get(key) : undefined;
      if (cached !== undefined && cached >= 0) return cached;
      if (cached === CLASS_WORD && !haveClass) {
        haveClass = true;
        continue;
      }
      const word = latin1(buf, s, e).toUpperCase();
      if (!haveClass && isClass(word)) {
        if (key >= 0) this.typeCache.set(key, CLASS_WORD);
        haveClass = true;
        continue;
      }
      if (!isTypeWord(word)) {
        this.store.diagnose(file, entryLine, `Unknown record type "${word.slice(0, 40)}"`);
        return -1;
      }
      const id = this.store.internType(word);
      if (key >= 0 && !isClass(word)) this.typeCache.set(key, id);
      return id;
    }
  }

  /**
   * A small integer for words of up to 4 ASCII bytes (case folded), so common types and classes are found
   * without making a string; it stays a V8 small integer (< 2^28), which a Map hashes fastest. -1 otherwise.
   */
  private typeKey(buf: Buffer, s: number, e: number): number {
    if (e - s > 4) return -1;
    let key = 0;
    for (let i = s; i < e; i++) {
      const c = buf[i] as number;
      if (c >= 0x80) return -1;
      key = (key << 7) | (c >= 0x61 && c <= 0x7a ? c - 32 : c);
    }
    return key;
  }

  private directive(sc: ZoneScanner, file: string, fileId: number, state: FileState, entryLine: number): void {
    const buf = sc.buf;
    const name = latin1(buf, sc.tokStart, sc.tokEnd).toUpperCase();
    const args: string[] = [];
    const raw: { s: number; e: number; quoted: boolean }[] = [];
    while (sc.skipSpace() && sc.readWord()) {
      raw.push({ s: sc.tokStart, e: sc.tokEnd, quoted: sc.tokQuoted });
      args.push(latin1(buf, sc.tokStart, sc.tokEnd));
      if (args.length > 64) break;
    }
    if (sc.failed) {
      sc.endEntry();
      return;
    }
    sc.skipRest();
    sc.endEntry();
    const nameAt = (k: number): string | undefined => {
      const t = raw[k];
      return t ? nameFromBytes(buf, t.s, t.e, state.origin) : undefined;
    };
    switch (name) {
      case '$ORIGIN': {
        const origin = nameAt(0);
        if (origin === undefined) this.store.diagnose(file, entryLine, '$ORIGIN needs a name');
        else setOrigin(state, origin);
        return;
      }
      case '$TTL':
        if (args[0] === undefined || !isTtl(buf, (raw[0] as { s: number }).s, (raw[0] as { e: number }).e)) {
          this.store.diagnose(file, entryLine, '$TTL needs a time value');
        }
        return;
      case '$INCLUDE': {
        const target = raw[0];
        if (!target) {
          this.store.diagnose(file, entryLine, '$INCLUDE needs a file name');
          return;
        }
        const rel = Buffer.from(buf.subarray(target.s, target.e)).toString('utf8').replace(/\\(.)/g, '$1');
        this.include(file, entryLine, rel, nameAt(1), state);
        return;
      }
      case '$GENERATE':
        this.generate(file, fileId, entryLine, args, state);
        return;
      default:
        this.store.diagnose(file, entryLine, `Unknown directive ${name.slice(0, 40)}`);
    }
  }

  private include(file: string, line: number, rel: string, origin: string | undefined, state: FileState): void {
    const store = this.store;
    const target = path.resolve(path.dirname(file), rel);
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      store.diagnose(file, line, `$INCLUDE: cannot read ${rel}`);
      return;
    }
    const root = this.options.realRoot;
    if (real !== root && !real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) {
      store.diagnose(file, line, `$INCLUDE: ${rel} is outside the workspace`);
      return;
    }
    if (this.stack.includes(real)) {
      store.diagnose(file, line, `$INCLUDE: ${rel} includes itself (cycle)`);
      return;
    }
    if (this.stack.length >= MAX_INCLUDE_DEPTH) {
      store.diagnose(file, line, `$INCLUDE: nested deeper than ${MAX_INCLUDE_DEPTH}`);
      return;
    }
    let data: Buffer;
    try {
      data = fs.readFileSync(real);
    } catch {
      store.diagnose(file, line, `$INCLUDE: cannot read ${rel}`);
      return;
    }
    // The included file starts with the current owner; origin and owner come back afterwards.
    const inner: FileState = { origin: state.origin, originBytes: state.originBytes, owner: state.owner };
    if (origin !== undefined) setOrigin(inner, origin);
    this.parseFile(target, data, inner);
  }

  /** `$GENERATE range lhs [ttl] [class] type rhs`: stored as a range, never expanded here. */
  private generate(file: string, fileId: number, line: number, args: string[], state: FileState): void {
    const range = args[0] === undefined ? undefined : parseRange(args[0]);
    const parts = args[1] === undefined ? undefined : parseTemplate(args[1]);
    let k = 2;
    let haveTtl = false;
    let haveClass = false;
    let type: string | undefined;
    for (; k < args.length && type === undefined; k++) {
      const word = (args[k] as string).toUpperCase();
      if (!haveTtl && /^\d[0-9SMHDW]*$/.test(word)) haveTtl = true;
      else if (!haveClass && isClass(word)) haveClass = true;
      else type = word;
    }
    if (!range || !parts || type === undefined || !isTypeWord(type)) {
      this.store.diagnose(file, line, '$GENERATE: expected range, owner, [ttl] [class], type and rdata');
      return;
    }
    this.store.addGenerate({ ...range, parts, origin: state.origin, typeId: this.store.internType(type), line, fileId });
  }
}
