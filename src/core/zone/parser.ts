// Zone-file parser: entries and directives on top of the scanner, records into a RecordStore.
// Includes are read synchronously (this runs in a worker thread or a test); every problem becomes a diagnostic.
import * as fs from 'fs';
import * as path from 'path';
import { latin1, MAX_NAME_TOKEN, nameFromBytes } from './names';
import { ZoneScanner, type ScanProblem } from './scanner';
import { parseRange, parseTemplate } from './generate';
import { isClassWord } from './details';
import type { ZoneMessageId } from './messages';
import type { RecordStore } from './store';
import { isTtl, ttlValue } from './ttl';
import * as bytes from './bytes';

// Module constants: V8 folds those into the hot loops, where an imported binding is read through the
// module object on every use.
const { CR, DOLLAR, LF, LPAREN, RPAREN, SEMI, SP, TAB } = bytes;

const MAX_INCLUDE_DEPTH = 16;

const PROBLEMS: Record<ScanProblem, ZoneMessageId> = {
  'unclosed-quote': 'unclosedQuote',
  'unclosed-paren': 'unclosedParen',
  'unexpected-paren': 'unexpectedParen',
};

/** Slots of the type cache (a zone uses a few dozen type and class words). */
const TYPE_CACHE = 1024;
/** The type cache's slot of a typeKey (up to 30 bits: fold them all into the 10 of the slot). */
const typeSlot = (key: number): number => (key ^ (key >>> 10) ^ (key >>> 20)) & (TYPE_CACHE - 1);
/** typeKey's 6-bit code of a byte of a type or class word: A-Z and a-z 1-26, 0-9 27-36, '-' 37; 0 for any other. */
const TYPE_CODE = new Uint8Array(256);
for (let k = 0; k < 26; k++) TYPE_CODE[0x41 + k] = TYPE_CODE[0x61 + k] = 1 + k;
for (let k = 0; k < 10; k++) TYPE_CODE[0x30 + k] = 27 + k;
TYPE_CODE[0x2d] = 37;
/** Type cache value for a class word (IN, CH…). */
const CLASS_WORD = -2;
/** TTL of a record that has none, with no $TTL and no record before it. */
const DEFAULT_TTL = 300;
const isClass = isClassWord;

/** A type mnemonic (letters, digits, '-'), starting with a letter: A, NSEC3PARAM, TYPE65534, X-FOO. */
function isTypeWord(word: string): boolean {
  return /^[A-Z][A-Z0-9-]{0,31}$/.test(word);
}

export interface IncludeLimits {
  /** $INCLUDE directives followed per index. */
  includes: number;
  /** Bytes parsed per index, the entry file and every include counted each time it is parsed. */
  bytes: number;
  /** Size of one included file. */
  fileBytes: number;
}

/**
 * Bounds for hostile include graphs (K includes per file to depth D would otherwise parse K^D files). Real zones
 * stay far below: a 1,000,000-record zone is about 40 MB.
 */
export const DEFAULT_INCLUDE_LIMITS: IncludeLimits = { includes: 1000, bytes: 512 * 1024 * 1024, fileBytes: 256 * 1024 * 1024 };

export interface ParseOptions {
  /** Real path of the folder that bounds $INCLUDE. */
  realRoot: string;
  limits?: Partial<IncludeLimits>;
  /** Bytes to use instead of reading an included file (an editor's unsaved text), by real path. */
  texts?: ReadonlyMap<string, Buffer>;
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
  /**
   * Type id (or CLASS_WORD) by typeKey, direct-mapped: a word's slot holds its key and id, a colliding word
   * replaces it. A Map lookup for each TTL, class and type word was one of the index's hottest lines.
   */
  private readonly typeKeys = new Int32Array(TYPE_CACHE).fill(-1);
  private readonly typeIds = new Int32Array(TYPE_CACHE);
  /** The last $TTL (it stays in effect after the include that set it returns, as in BIND), -1 before any. */
  private defaultTtl = -1;
  /** The previous record's TTL (RFC 1035's default when there is no $TTL), -1 before any. */
  private lastTtl = -1;
  /** The TTL written on the entry being read, -1 if none. */
  private ownTtl = -1;
  private soaType = -1;

  private readonly limits: IncludeLimits;
  private includes = 0;
  private bytes = 0;
  private overBudget = false;
  /** Included files already read (by real path), and the (file, origin, owner) already parsed. */
  private readonly texts = new Map<string, Buffer>();
  private readonly parsed = new Set<string>();

  constructor(private readonly store: RecordStore, private readonly options: ParseOptions) {
    this.limits = { ...DEFAULT_INCLUDE_LIMITS, ...options.limits };
    if (options.texts) for (const [real, data] of options.texts) this.texts.set(real, data);
  }

  /** The TTL for a record that writes `own` (-1: none), and remembers it as the previous record's. */
  private effectiveTtl(own: number): number {
    const ttl = own >= 0 ? own : this.defaultTtl >= 0 ? this.defaultTtl : this.lastTtl >= 0 ? this.lastTtl : DEFAULT_TTL;
    this.lastTtl = ttl;
    return ttl;
  }

  parseFile(file: string, buf: Buffer, state: FileState): void {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      real = file;
    }
    this.stack.push(real);
    this.bytes += buf.length;
    try {
      this.parseBuffer(file, buf, state);
    } finally {
      this.stack.pop();
    }
  }

  private parseBuffer(file: string, buf: Buffer, state: FileState): void {
    const store = this.store;
    const fileId = store.addFile(file, buf);
    store.setOrigin(state.origin);
    const sc = new ZoneScanner(buf, (line, problem) => store.diagnose(file, line, PROBLEMS[problem]));
    const len = sc.len;
    while (sc.pos < len) {
      const c = buf[sc.pos] as number;
      if (c === LF || c === CR) {
        sc.pos++;
        if (c === LF || buf[sc.pos] !== LF) sc.line++; // the LF of CRLF counts the line
        continue;
      }
      if (c === SEMI) {
        sc.skipLine();
        continue;
      }
      const entryLine = sc.line;
      const entryStart = sc.pos;
      const count = store.count;
      const diagnostics = store.diagnostics.length;
      const owner = state.owner;
      const lastTtl = this.lastTtl;
      const apex = store.apex;
      this.entry(sc, file, fileId, state, c, entryLine, entryStart);
      if (sc.rewind) {
        // A parenthesis with no match: undo the entry and read it again; it now ends with that line.
        store.truncate(count);
        store.diagnostics.length = diagnostics;
        state.owner = owner;
        this.lastTtl = lastTtl;
        store.apex = apex;
        sc.restart(entryStart, entryLine);
      }
    }
  }

  /** One entry starting at column 1 with byte c: a record (with or without owner) or a directive. */
  private entry(sc: ZoneScanner, file: string, fileId: number, state: FileState, c: number, entryLine: number, entryStart: number): void {
    const store = this.store;
    const buf = sc.buf;
    if (c === SP || c === TAB) {
      // Blank owner (decided by column 1 only); a whitespace-only or comment-only line is no entry.
      if (!sc.skipSpace()) {
        sc.endEntry();
        return;
      }
      if (state.owner < 0) {
        store.diagnose(file, entryLine, 'noPreviousOwner');
        state.owner = store.internName(state.origin);
      }
      this.recordAfterOwner(sc, file, fileId, state.owner, entryLine, entryStart);
      return;
    }
    // `(` in column 1 opens the entry's parentheses; the owner is the word after it (BIND: `(a) A …` is `a`).
    // A stray `)` there is reported (skipSpace) and skipped the same way, so it never becomes an empty owner.
    if ((c === LPAREN || c === RPAREN) && !sc.skipSpace()) {
      sc.endEntry();
      return;
    }
    sc.readWord();
    if (sc.failed) {
      sc.endEntry();
      return;
    }
    if (c === DOLLAR) {
      this.directive(sc, file, fileId, state, entryLine, entryStart);
      return;
    }
    if (sc.tokEnd - sc.tokStart > MAX_NAME_TOKEN) {
      store.diagnose(file, entryLine, 'ownerTooLong');
      sc.skipRest();
      sc.endEntry();
      return;
    }
    state.owner = store.names.internOwner(buf, sc.tokStart, sc.tokEnd, state.origin, state.originBytes);
    this.recordAfterOwner(sc, file, fileId, state.owner, entryLine, entryStart);
  }

  /** [ttl] [class] type rdata… — TTL and class in either order. */
  private recordAfterOwner(sc: ZoneScanner, file: string, fileId: number, owner: number, entryLine: number, entryStart: number): void {
    const store = this.store;
    const typeId = this.readTtlClassType(sc, file, entryLine);
    const i = typeId >= 0 ? store.add(owner, typeId, entryLine, fileId, entryStart, this.effectiveTtl(this.ownTtl)) : -1;
    if (i >= 0) store.recData[i] = sc.pos;
    sc.skipRest();
    if (i >= 0) {
      store.recEnd[i] = sc.pos;
      if (store.apex === undefined && fileId === 0 && typeId === this.soa()) store.apex = store.names.name(owner);
    }
    sc.endEntry();
  }

  private soa(): number {
    if (this.soaType < 0) this.soaType = this.store.internType('SOA');
    return this.soaType;
  }

  /** Reads up to the type; returns its id, or -1 (with a diagnostic unless the entry already failed). */
  private readTtlClassType(sc: ZoneScanner, file: string, entryLine: number): number {
    const buf = sc.buf;
    let haveTtl = false;
    let haveClass = false;
    this.ownTtl = -1;
    for (;;) {
      if (!sc.skipSpace() || !sc.readWord()) {
        if (!sc.failed) this.store.diagnose(file, entryLine, 'missingType');
        return -1;
      }
      const s = sc.tokStart;
      const e = sc.tokEnd;
      if (sc.tokQuoted || e - s > 40) {
        this.store.diagnose(file, entryLine, 'expectedType');
        return -1;
      }
      if (!haveTtl && isTtl(buf, s, e)) {
        haveTtl = true;
        this.ownTtl = ttlValue(buf, s, e);
        continue;
      }
      const key = this.typeKey(buf, s, e);
      const slot = key >= 0 ? typeSlot(key) : -1;
      const cached = slot >= 0 && this.typeKeys[slot] === key ? (this.typeIds[slot] as number) : -1;
      if (cached >= 0) return cached;
      if (cached === CLASS_WORD && !haveClass) {
        haveClass = true;
        continue;
      }
      const word = latin1(buf, s, e).toUpperCase();
      if (!haveClass && isClass(word)) {
        if (slot >= 0) this.cacheType(slot, key, CLASS_WORD);
        haveClass = true;
        continue;
      }
      if (!isTypeWord(word)) {
        this.store.diagnose(file, entryLine, 'unknownType', word.slice(0, 40));
        return -1;
      }
      const id = this.store.internType(word);
      if (slot >= 0 && !isClass(word)) this.cacheType(slot, key, id);
      return id;
    }
  }

  private cacheType(slot: number, key: number, id: number): void {
    this.typeKeys[slot] = key;
    this.typeIds[slot] = id;
  }

  /**
   * A small integer for words of up to 5 letters, digits or '-' (case folded: 6 bits each, none zero, so
   * words of different lengths differ), so the type and class words of nearly every record (CNAME included)
   * are found without making a string; it stays below 2^30, a V8 small integer. -1 otherwise.
   */
  private typeKey(buf: Buffer, s: number, e: number): number {
    if (e - s > 5) return -1;
    let key = 0;
    for (let i = s; i < e; i++) {
      const code = TYPE_CODE[buf[i] as number] as number;
      if (code === 0) return -1;
      key = (key << 6) | code;
    }
    return key;
  }

  private directive(sc: ZoneScanner, file: string, fileId: number, state: FileState, entryLine: number, entryStart: number): void {
    const buf = sc.buf;
    const name = latin1(buf, sc.tokStart, sc.tokEnd).toUpperCase();
    const args: string[] = [];
    const raw: Token[] = [];
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
    const endLine = sc.line;
    const broken = sc.failed !== undefined;
    sc.endEntry();
    if (broken) return;
    const nameAt = (k: number): string | undefined => {
      const t = raw[k];
      return t ? nameFromBytes(buf, t.s, t.e, state.origin) : undefined;
    };
    switch (name) {
      case '$ORIGIN': {
        const origin = nameAt(0);
        if (origin === undefined) this.store.diagnose(file, entryLine, 'originNeedsName');
        else {
          setOrigin(state, origin);
          this.store.setOrigin(origin);
        }
        return;
      }
      case '$TTL': {
        const t = raw[0];
        if (t === undefined || t.quoted || !isTtl(buf, t.s, t.e)) this.store.diagnose(file, entryLine, 'ttlNeedsValue');
        else this.defaultTtl = ttlValue(buf, t.s, t.e);
        return;
      }
      case '$INCLUDE': {
        const target = raw[0];
        if (!target) {
          this.store.diagnose(file, entryLine, 'includeNeedsFile');
          return;
        }
        const rel = unescapeBytes(buf, target.s, target.e).toString('utf8');
        this.include(file, entryLine, rel, nameAt(1), state);
        return;
      }
      case '$GENERATE':
        this.generate(file, fileId, entryLine, endLine, entryStart, buf, raw, state);
        return;
      default:
        this.store.diagnose(file, entryLine, 'unknownDirective', name.slice(0, 40));
    }
  }

  private include(file: string, line: number, rel: string, origin: string | undefined, state: FileState): void {
    const store = this.store;
    const target = path.resolve(path.dirname(file), rel);
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      store.diagnose(file, line, 'includeUnreadable', rel);
      return;
    }
    const root = this.options.realRoot;
    if (real !== root && !real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) {
      store.diagnose(file, line, 'includeOutside', rel);
      return;
    }
    if (this.stack.includes(real)) {
      store.diagnose(file, line, 'includeCycle', rel);
      return;
    }
    if (this.stack.length >= MAX_INCLUDE_DEPTH) {
      store.diagnose(file, line, 'includeTooDeep', MAX_INCLUDE_DEPTH);
      return;
    }
    // The included file starts with the current owner; origin and owner come back afterwards.
    const inner: FileState = { origin: state.origin, originBytes: state.originBytes, owner: state.owner };
    if (origin !== undefined) setOrigin(inner, origin);
    // The same file with the same origin and owner gives the same records: parse it once per index.
    const key = `${real}\0${inner.origin}\0${inner.owner}`;
    if (this.parsed.has(key)) return;
    if (this.overBudget) return; // said once, where it happened
    if (this.includes >= this.limits.includes) {
      this.overBudget = true;
      store.diagnose(file, line, 'includeTooMany', this.limits.includes, rel);
      return;
    }
    const data = this.read(file, line, rel, real);
    if (!data) return;
    if (this.bytes + data.length > this.limits.bytes) {
      this.overBudget = true;
      store.diagnose(file, line, 'includeTooMuch', mib(this.limits.bytes), rel);
      return;
    }
    this.includes++;
    this.parsed.add(key);
    this.parseFile(target, data, inner);
    this.store.setOrigin(state.origin);
  }

  /**
   * The bytes of an included file, read once per index. Only a regular file within the size limit: a FIFO or
   * device would block the worker forever (it is opened without blocking and checked before any read).
   */
  private read(file: string, line: number, rel: string, real: string): Buffer | undefined {
    const cached = this.texts.get(real);
    if (cached) return cached;
    let fd: number;
    try {
      fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch {
      this.store.diagnose(file, line, 'includeUnreadable', rel);
      return undefined;
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) {
        this.store.diagnose(file, line, 'includeNotFile', rel);
        return undefined;
      }
      if (st.size > this.limits.fileBytes) {
        this.store.diagnose(file, line, 'includeTooLarge', rel, mib(this.limits.fileBytes));
        return undefined;
      }
      const data = fs.readFileSync(fd);
      this.texts.set(real, data);
      return data;
    } catch {
      this.store.diagnose(file, line, 'includeUnreadable', rel);
      return undefined;
    } finally {
      fs.closeSync(fd);
    }
  }

  /** `$GENERATE range lhs [ttl] [class] type rhs`: stored as a range, never expanded here. */
  private generate(file: string, fileId: number, line: number, endLine: number, start: number, buf: Buffer, raw: readonly Token[], state: FileState): void {
    const text = (t: Token | undefined): string | undefined => (t === undefined ? undefined : latin1(buf, t.s, t.e));
    const rangeText = text(raw[0]);
    const lhs = text(raw[1]);
    const range = rangeText === undefined ? undefined : parseRange(rangeText);
    const parts = lhs === undefined ? undefined : parseTemplate(lhs);
    let k = 2;
    let ttl = -1;
    let cls: string | undefined;
    let type: string | undefined;
    for (; k < raw.length && type === undefined; k++) {
      const t = raw[k] as Token;
      const word = latin1(buf, t.s, t.e).toUpperCase();
      if (ttl < 0 && !t.quoted && isTtl(buf, t.s, t.e)) ttl = ttlValue(buf, t.s, t.e);
      else if (cls === undefined && isClass(word)) cls = word;
      else type = word;
    }
    // BIND takes the rhs as one token (quotes removed); anything after it is kept as written.
    const rest = raw.slice(k).map((t, n) => (n === 0 || !t.quoted ? latin1(buf, t.s, t.e) : '"' + latin1(buf, t.s, t.e) + '"'));
    const rhs = rest.length === 0 ? undefined : parseTemplate(rest.join(' '));
    if (!range || !parts || type === undefined || !isTypeWord(type) || !rhs) {
      this.store.diagnose(file, line, 'generateSyntax');
      return;
    }
    this.store.addGenerate({ ...range, parts, origin: state.origin, typeId: this.store.internType(type), line, fileId,
      record: this.store.count, ttl: this.effectiveTtl(ttl), cls, rhs, endLine }, start);
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
}

/** The bytes of a presentation-form word with `\\DDD` and `\\X` escapes decoded (a file name, say). */
export function unescapeBytes(buf: Uint8Array, s: number, e: number): Buffer {
  const out = Buffer.alloc(e - s);
  let n = 0;
  for (let i = s; i < e; i++) {
    let b = buf[i] as number;
    if (b === 0x5c && i + 1 < e) {
      const d = (k: number): number => ((buf[i + k] as number) >= 0x30 && (buf[i + k] as number) <= 0x39 ? (buf[i + k] as number) - 0x30 : -1);
      if (i + 3 < e && d(1) >= 0 && d(2) >= 0 && d(3) >= 0) {
        b = (d(1) * 100 + d(2) * 10 + d(3)) & 0xff;
        i += 3;
      } else {
        b = buf[++i] as number;
      }
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

interface Token {
  s: number;
  e: number;
  quoted: boolean;
}
