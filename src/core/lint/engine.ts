// The rules of issue 11 in one pass over a RecordTable, in index order: per-record rules at once, per-set
// rules as each set grows (the 51st value, a differing TTL, a repeated value), per-name rules (a CNAME beside
// other data) after the pass. State lives in typed arrays indexed by owner id and in one open-addressing
// table of value hashes; a string is made only for a finding or to confirm a repeated value, so a million
// records cost about what indexing them costs.
import * as path from 'path';
import { english, type Translate } from '../l10n';
import {
  hashBytes, hashNumber, hashSeed, hashString, isAtOrBelowBytes, isIpv4, isPlainName, isTargetAt, nameShapeOf, valueSlot,
  numberAt, parseIpv6, wordIs, WordCursor, MAX_WORDS, SHAPE_STRAY_STAR, SHAPE_WILDCARD, type ByteNameShape,
} from './bytes';
import { LINT_MESSAGES, shown, type LintMessageId } from './messages';
import { ZONE_MESSAGES, type ZoneMessageId } from '../zone/index';
import { absoluteName } from './names';
import { LINT_RULES, RECORD_SETS_PER_TASK, type LintFinding, type LintResult, type LintRule } from './rules';
import type { RecordTable } from './table';

export interface LintOptions {
  /** Lowest TTL the account takes (default 1; some accounts need 300). */
  minTtl?: number;
  /** Puts each message into the user's language (the host passes vscode.l10n.t); English by default. */
  translate?: Translate;
}

export interface EngineContext extends LintOptions {
  /** Indexer diagnostics: `syntax` findings (in the user's language when they name their template, ZONE_MESSAGES). */
  diagnostics: readonly { file: string; line: number; message: string; id?: ZoneMessageId; args?: ReadonlyArray<string | number> }[];
  /** Set when only part of the zone was read: `{ total, checked }` records. */
  truncated?: { total: number; checked: number };
}

const MAX_TTL = 2147483647;
const MAX_VALUES = 50;
/** 17 labels take at least 34 octets ("a." × 17), so a name this short has at most 16. */
const SHORT_NAME = 33;

// Type kinds: what the rules do with a (canonical) type.
const K_OTHER = 0;
const K_A = 1;
const K_NS = 2;
const K_CNAME = 5;
const K_SOA = 6;
const K_MX = 15;
const K_TXT = 16;
const K_AAAA = 28;
const K_SRV = 33;
const K_CAA = 257;
const KINDS: Readonly<Record<string, number>> = { A: K_A, NS: K_NS, CNAME: K_CNAME, SOA: K_SOA, MX: K_MX, TXT: K_TXT, AAAA: K_AAAA, SRV: K_SRV, CAA: K_CAA };
/** TYPEnn spellings of the types the rules care about (RFC 3597: `TYPE1` is A). */
const TYPE_NUMBERS: Readonly<Record<number, string>> = { 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 15: 'MX', 16: 'TXT', 28: 'AAAA', 33: 'SRV', 257: 'CAA' };

// Owner flags, worked out once per owner (0 = not yet).
const O_DONE = 1;
const O_STRAY_STAR = 2;
const O_WILDCARD = 4;
const O_LONG_LABEL = 8;
const O_LONG_NAME = 16;
const O_MANY_LABELS = 32;
const O_OUTSIDE = 64;
/** The owner holds more than one record set (so a CNAME there conflicts). */
const O_MULTI = 128;

type Arg = string | number;
type Utf8Slice = (this: Uint8Array, s: number, e: number) => string;
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice: Utf8Slice }).utf8Slice;
const utf8 = (buf: Uint8Array, s: number, e: number): string => utf8Slice.call(buf, s, e);

/** English templates split once at their placeholders: filling one is a few concatenations. */
const compiled = new Map<string, Array<string | number>>();
function fillEnglish(template: string, args: Array<string | number>): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\d+)\}/).map((p, k) => (k % 2 ? Number(p) : p));
    compiled.set(template, parts);
  }
  // Joined, not concatenated: one flat string per finding instead of a tree of pieces that all stay alive.
  const out: string[] = new Array<string>(parts.length);
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k] as string | number;
    out[k] = typeof p === 'number' ? String(args[p] ?? `{${p}}`) : p;
  }
  return out.join('');
}

/**
 * The English translate, one function for every engine: a closure made per engine was a new call target for
 * each lint run, and optimised code that had inlined the last one was thrown away when it died.
 */
const inEnglish: Translate = (m, ...a) => fillEnglish(m, a);

function canonicalIpv6(groups: Uint16Array): string {
  // RFC 5952: lower case, no leading zeros, the longest run (>= 2) of zero groups as "::".
  let best = -1;
  let bestLen = 1;
  for (let k = 0; k < 8;) {
    if (groups[k] !== 0) {
      k++;
      continue;
    }
    let j = k;
    while (j < 8 && groups[j] === 0) j++;
    if (j - k > bestLen) {
      best = k;
      bestLen = j - k;
    }
    k = j;
  }
  const hex = (k: number): string => (groups[k] as number).toString(16);
  if (best < 0) return Array.from({ length: 8 }, (_, k) => hex(k)).join(':');
  const head = Array.from({ length: best }, (_, k) => hex(k)).join(':');
  const tail = Array.from({ length: 8 - best - bestLen }, (_, k) => hex(best + bestLen + k)).join(':');
  return `${head}::${tail}`;
}

/**
 * The third and later record sets of each owner: open addressing over (owner, canonical type) → slot, with
 * each slot's record count, first TTL and first record in typed arrays (a Map of numbers costs several times
 * more per record on a million-record zone).
 */
class SetSlots {
  private keyOwner = new Int32Array(1 << 12).fill(-1);
  private keyType = new Int32Array(1 << 12);
  private slotAt = new Int32Array(1 << 12);
  count = new Int32Array(1 << 11);
  ttl = new Float64Array(1 << 11);
  first = new Int32Array(1 << 11);
  private used = 0;

  /** The slot of set (o, cid), made with count 0, TTL tv and first record i when new. */
  slot(o: number, cid: number, tv: number, i: number): number {
    let mask = this.keyOwner.length - 1;
    let k = (Math.imul(o, 0x9e3779b1) ^ Math.imul(cid + 1, 0x85ebca6b)) & mask;
    for (;;) {
      const ko = this.keyOwner[k] as number;
      if (ko === -1) break;
      if (ko === o && this.keyType[k] === cid) return this.slotAt[k] as number;
      k = (k + 1) & mask;
    }
    const slot = this.used++;
    if (slot >= this.count.length) this.growSlots();
    this.count[slot] = 0;
    this.ttl[slot] = tv;
    this.first[slot] = i;
    if (this.used * 2 > this.keyOwner.length) {
      this.growKeys();
      mask = this.keyOwner.length - 1;
      k = (Math.imul(o, 0x9e3779b1) ^ Math.imul(cid + 1, 0x85ebca6b)) & mask;
      while (this.keyOwner[k] !== -1) k = (k + 1) & mask;
    }
    this.keyOwner[k] = o;
    this.keyType[k] = cid;
    this.slotAt[k] = slot;
    return slot;
  }

  private growSlots(): void {
    const size = this.count.length * 2;
    const count = new Int32Array(size);
    count.set(this.count);
    const ttl = new Float64Array(size);
    ttl.set(this.ttl);
    const first = new Int32Array(size);
    first.set(this.first);
    this.count = count;
    this.ttl = ttl;
    this.first = first;
  }

  private growKeys(): void {
    const oldOwner = this.keyOwner;
    const oldType = this.keyType;
    const oldSlot = this.slotAt;
    const size = oldOwner.length * 2;
    this.keyOwner = new Int32Array(size).fill(-1);
    this.keyType = new Int32Array(size);
    this.slotAt = new Int32Array(size);
    const mask = size - 1;
    for (let j = 0; j < oldOwner.length; j++) {
      const o = oldOwner[j] as number;
      if (o === -1) continue;
      const cid = oldType[j] as number;
      let k = (Math.imul(o, 0x9e3779b1) ^ Math.imul(cid + 1, 0x85ebca6b)) & mask;
      while (this.keyOwner[k] !== -1) k = (k + 1) & mask;
      this.keyOwner[k] = o;
      this.keyType[k] = cid;
      this.slotAt[k] = oldSlot[j] as number;
    }
  }
}

export function lintTable(table: RecordTable, context: EngineContext): LintResult {
  return new Engine(table, context).run();
}

class Engine {
  /** Findings in record order (one record's in the order the checks run)… */
  private readonly findings: LintFinding[] = [];
  /** …and those made outside the pass (syntax, cname-conflict, whole-file), merged in by file and line. */
  private readonly late: LintFinding[] = [];
  private sink = this.findings;
  private readonly t: Translate;
  private readonly minTtl: number;
  private readonly cursor = new WordCursor();
  /** The rdata words of the record last read: [ws, we), quoted flags; `words` counts all of them. */
  private readonly ws = new Int32Array(MAX_WORDS);
  private readonly we = new Int32Array(MAX_WORDS);
  private readonly wq = new Uint8Array(MAX_WORDS);
  private words = 0;
  private readonly groups = new Uint16Array(8);
  private readonly shape: ByteNameShape = { labels: 0, wire: 0, longest: 0, bits: 0 };
  /** Owners whose names hold `*` or `\\` (markedOwners), made when the pass starts. */
  private marked: Uint8Array | undefined;
  /** Canonical type id of each table type id, its kind, and the canonical names. */
  private readonly canon: Int32Array;
  private readonly kind: number[] = [];
  private readonly canonNames: string[] = [];
  private readonly originBytes = new Map<string, Buffer>();
  /** Start of every value hash in this run (see hashSeed). */
  private readonly seed = hashSeed();
  /** The owner name of the last finding, and each message id's last sentence (see message()). */
  private lastOwner = -1;
  private lastName = '';
  private readonly lastMessages = new Map<LintMessageId, { a0?: Arg; a1?: Arg; a2?: Arg; a3?: Arg; text: string }>();
  // Values seen in record sets of two or more: open addressing over (owner, type, value hash) → record + 1.
  // Each slot is four int32s side by side (owner, type, hash, record + 1): one cache line per probe.
  private values: Int32Array = new Int32Array(4 * 1024);
  private vUsed = 0;

  constructor(private readonly table: RecordTable, private readonly context: EngineContext) {
    const t = context.translate;
    this.t = t && t !== english ? t : inEnglish;
    const min = context.minTtl;
    this.minTtl = typeof min === 'number' && Number.isFinite(min) ? Math.max(0, Math.floor(min)) : 1;
    const ids = new Map<string, number>();
    this.canon = new Int32Array(table.types.length);
    table.types.forEach((written, k) => {
      const m = /^TYPE(\d{1,5})$/.exec(written);
      const name = (m ? TYPE_NUMBERS[Number(m[1])] : undefined) ?? written;
      let id = ids.get(name);
      if (id === undefined) {
        id = this.canonNames.length;
        ids.set(name, id);
        this.canonNames.push(name);
        this.kind.push(KINDS[name] ?? K_OTHER);
      }
      this.canon[k] = id;
    });
  }

  run(): LintResult {
    const tb = this.table;
    const translate = this.context.translate;
    const translated = translate !== undefined && translate !== english;
    for (const d of this.context.diagnostics) {
      const message = translated && d.id !== undefined && d.id in ZONE_MESSAGES ? translate(ZONE_MESSAGES[d.id], ...(d.args ?? [])) : d.message;
      this.late.push({ rule: 'syntax', severity: LINT_RULES.syntax, file: d.file, line: d.line, message });
    }
    const owners = tb.ownerCount;
    // The first two record sets of each owner live in typed arrays indexed by owner id (nearly every owner
    // holds one or two: a million-record zone needs no hashing for them); the others are SetSlots slots.
    const s0 = new Int32Array(owners); // canonical type id + 1
    const s0count = new Int32Array(owners);
    const s0first = new Int32Array(owners);
    const s0ttl = new Float64Array(owners);
    const s1 = new Int32Array(owners);
    const s1count = new Int32Array(owners);
    const s1first = new Int32Array(owners);
    const s1ttl = new Float64Array(owners);
    const flags = new Uint8Array(owners);
    const cnames = new Int32Array(owners);
    const extra = new SetSlots();
    this.marked = this.markedOwners();
    const { owner, type, ttl } = tb;
    const apexOwner = tb.apexOwner;
    const kinds = this.kind;
    const canon = this.canon;
    const minTtl = this.minTtl;
    let recordSets = 0;
    let anyCname = false;
    for (let i = 0; i < tb.count; i++) {
      const o = owner[i] as number;
      const cid = canon[type[i] as number] as number;
      const kind = kinds[cid] as number;
      const tv = ttl[i] as number;
      let count: number;
      let firstTtl: number;
      let first: number;
      const c0 = s0[o] as number;
      if (c0 === cid + 1) {
        count = (s0count[o] as number) + 1;
        s0count[o] = count;
        firstTtl = s0ttl[o] as number;
        first = s0first[o] as number;
      } else if (c0 === 0) {
        s0[o] = cid + 1;
        s0count[o] = count = 1;
        s0ttl[o] = firstTtl = tv;
        s0first[o] = first = i;
      } else if ((s1[o] as number) === cid + 1) {
        count = (s1count[o] as number) + 1;
        s1count[o] = count;
        firstTtl = s1ttl[o] as number;
        first = s1first[o] as number;
      } else if ((s1[o] as number) === 0) {
        s1[o] = cid + 1;
        s1count[o] = count = 1;
        s1ttl[o] = firstTtl = tv;
        s1first[o] = first = i;
        flags[o] = (flags[o] as number) | O_MULTI;
      } else {
        const slot = extra.slot(o, cid, tv, i);
        count = (extra.count[slot] as number) + 1;
        extra.count[slot] = count;
        firstTtl = extra.ttl[slot] as number;
        first = extra.first[slot] as number;
      }
      const apexNs = kind === K_NS && o === apexOwner;
      if (count === 1 && kind !== K_SOA && !apexNs) recordSets++;
      // SOA takes no rule but syntax (it still counts as other data beside a CNAME).
      if (kind === K_SOA) continue;
      if (apexNs) {
        this.report(i, 'apex-ns', 'apexNs');
        continue;
      }
      if (kind === K_CNAME) {
        anyCname = true;
        const n = (cnames[o] as number) + 1;
        cnames[o] = n;
        if (n > 1) this.report(i, 'cname-multiple', 'cnameMultiple', tb.ownerName(o));
      } else if (kind === K_OTHER) {
        this.report(i, 'unsupported-type', 'unsupportedType', this.canonNames[cid]);
      }
      let f = flags[o] as number;
      if ((f & O_DONE) === 0) flags[o] = f = f | this.ownerFlags(o);
      if ((f & ~(O_DONE | O_MULTI)) !== 0) this.ownerRules(i, o, f, kind);
      if (!(tv >= minTtl && tv <= MAX_TTL)) this.report(i, 'ttl-range', 'ttlRange', tv, minTtl);
      if (kind !== K_OTHER) this.checkValue(i, kind, cid);
      if (count > 1) {
        if (tv !== firstTtl) this.report(i, 'ttl-mixed', 'ttlMixed', tv, firstTtl, this.canonNames[cid], tb.line[first]);
        if (count > MAX_VALUES) this.report(i, 'values-per-set', 'valuesPerSet', tb.ownerName(o), this.canonNames[cid], count);
        // The value of record i is in ws/we (checkValue read it, or read it here for other types).
        if (kind === K_OTHER) this.readWords(i);
        const h = this.valueHash(i, kind);
        if (count === 2) {
          // The set's first record enters the table only now: single-record sets (most) never do.
          this.readWords(first);
          this.insertValue(o, cid, this.valueHash(first, kind), first);
        }
        const earlier = this.findValue(o, cid, h, i, kind);
        if (earlier >= 0) this.duplicate(i, earlier, cid);
        else this.insertValue(o, cid, h, i);
      }
    }
    this.sink = this.late;
    if (anyCname) this.cnameConflicts(cnames, flags);
    const entry = tb.files[0] ?? this.context.diagnostics[0]?.file ?? '';
    if (this.context.truncated) this.whole(entry, 'notAllChecked', this.context.truncated.total, this.context.truncated.checked);
    if (recordSets > RECORD_SETS_PER_TASK) this.whole(entry, 'tooManyForOneTask', recordSets, Math.ceil(recordSets / RECORD_SETS_PER_TASK));
    return { findings: this.sorted(), recordSets };
  }

  /**
   * Owners whose name holds a `*` or a backslash, found with the native byte search over all names at once:
   * every other owner of at most SHORT_NAME octets cannot break a name rule, so its bytes are not walked.
   */
  private markedOwners(): Uint8Array {
    const tb = this.table;
    const marked = new Uint8Array(tb.ownerCount);
    const bytes = tb.nameBytes;
    const all = Buffer.from(bytes.buffer, bytes.byteOffset, tb.nameOffsets[tb.ownerCount] ?? 0);
    for (const byte of [0x2a, 0x5c]) {
      for (let at = all.indexOf(byte); at >= 0; at = all.indexOf(byte, at + 1)) {
        // The owner holding byte `at`: the last id whose name starts at or before it.
        let lo = 0;
        let hi = tb.ownerCount - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((tb.nameOffsets[mid] as number) <= at) lo = mid;
          else hi = mid - 1;
        }
        marked[lo] = 1;
        at = Math.max(at, (tb.nameOffsets[lo + 1] as number) - 1); // one mark per owner is enough
      }
    }
    return marked;
  }

  private ownerFlags(o: number): number {
    const tb = this.table;
    const s = tb.nameOffsets[o] as number;
    const e = tb.nameOffsets[o + 1] as number;
    let f = O_DONE;
    if (!isAtOrBelowBytes(tb.nameBytes, s, e, tb.apexBytes)) f |= O_OUTSIDE;
    // An absolute name of SHORT_NAME octets or fewer has at most 16 labels, none over 63 octets, and a wire
    // form of at most SHORT_NAME + 1; without `*` or `\\` it holds no wildcard either.
    if (e - s <= SHORT_NAME && (this.marked as Uint8Array)[o] === 0) return f;
    const shape = nameShapeOf(tb.nameBytes, s, e, this.shape);
    if (shape.bits & SHAPE_STRAY_STAR) f |= O_STRAY_STAR;
    if (shape.bits & SHAPE_WILDCARD) f |= O_WILDCARD;
    if (shape.longest > 63) f |= O_LONG_LABEL;
    else if (shape.wire > 255) f |= O_LONG_NAME;
    else if (shape.labels > 16) f |= O_MANY_LABELS;
    return f;
  }

  private ownerRules(i: number, o: number, f: number, kind: number): void {
    const tb = this.table;
    const name = tb.ownerName(o);
    if (f & O_STRAY_STAR) this.report(i, 'wildcard', 'wildcardLabel', name);
    else if (f & O_WILDCARD && kind === K_NS) this.report(i, 'wildcard', 'wildcardNs', name);
    if (f & (O_LONG_LABEL | O_LONG_NAME | O_MANY_LABELS)) {
      const shape = nameShapeOf(tb.nameBytes, tb.nameOffsets[o] as number, tb.nameOffsets[o + 1] as number, this.shape);
      if (f & O_LONG_LABEL) this.report(i, 'name-too-long', 'labelTooLong', name, shape.longest);
      else if (f & O_LONG_NAME) this.report(i, 'name-too-long', 'nameTooLong', name, shape.wire);
      else this.report(i, 'name-too-long', 'tooManyLabels', name, shape.labels);
    }
    if (f & O_OUTSIDE) this.report(i, 'out-of-zone', 'outOfZone', name, tb.apex);
  }

  /** Positions the cursor at record i's rdata; false when there is none. */
  private rdataOf(i: number): boolean {
    const tb = this.table;
    const c = this.cursor;
    c.reset(tb.texts[tb.text[i] as number] as Uint8Array, tb.start[i] as number, tb.end[i] as number);
    return !tb.whole || c.skipToRdata();
  }

  /** Reads the rdata words of record i (the first MAX_WORDS kept in ws/we/wq); returns their count. */
  private readWords(i: number): number {
    let n = 0;
    if (this.rdataOf(i)) {
      const c = this.cursor;
      const ws = this.ws;
      const we = this.we;
      const wq = this.wq;
      while (c.next()) {
        if (n < MAX_WORDS) {
          ws[n] = c.start;
          we[n] = c.stop;
          wq[n] = c.quoted ? 1 : 0;
        }
        n++;
      }
    }
    this.words = n;
    return n;
  }

  /** Word k of the last read record as a number from 0 to max, or -1. */
  private wordNumber(k: number, max: number): number {
    return numberAt(this.cursor.buf, this.ws[k] as number, this.we[k] as number, max);
  }

  private word(k: number): string {
    return utf8(this.cursor.buf, this.ws[k] as number, this.we[k] as number);
  }

  /** The rdata of record i in presentation form (words joined by one space). */
  private rdataText(i: number): string {
    let out = '';
    if (this.rdataOf(i)) {
      const c = this.cursor;
      while (c.next()) out += (out ? ' ' : '') + utf8(c.buf, c.start, c.stop);
    }
    return out;
  }

  /** rdata-format or txt-format of record i; leaves its words in ws/we/wq. */
  private checkValue(i: number, kind: number, cid: number): void {
    if (kind === K_TXT) {
      this.checkTxt(i);
      return;
    }
    const n = this.readWords(i);
    const buf = this.cursor.buf;
    const ws = this.ws;
    const we = this.we;
    const wq = this.wq;
    const type = this.canonNames[cid] as string;
    // Generic rdata (RFC 3597 `\# len hex`) is valid zone syntax but not a value the API takes.
    if (n > 0 && buf[ws[0] as number] === 0x5c && buf[(ws[0] as number) + 1] === 0x23) {
      this.report(i, 'rdata-format', 'genericRdata', type);
      return;
    }
    switch (kind) {
      case K_A:
        if (n !== 1 || wq[0] || !isIpv4(buf, ws[0] as number, we[0] as number)) this.report(i, 'rdata-format', 'badA', shown(this.rdataText(i)));
        return;
      case K_AAAA:
        if (n !== 1 || wq[0] || !parseIpv6(buf, ws[0] as number, we[0] as number, this.groups)) this.report(i, 'rdata-format', 'badAaaa', shown(this.rdataText(i)));
        return;
      case K_CNAME:
      case K_NS:
        if (n !== 1) this.report(i, 'rdata-format', 'badTargetCount', type, shown(this.rdataText(i)));
        else if (!isTargetAt(buf, ws[0] as number, we[0] as number, wq[0] === 1, false)) this.report(i, 'rdata-format', 'badTarget', shown(this.word(0)), type);
        return;
      case K_MX:
        if (n !== 2 || numberAt(buf, ws[0] as number, we[0] as number, 65535) < 0) this.report(i, 'rdata-format', 'badMx', shown(this.rdataText(i)));
        else if (we[1] === (ws[1] as number) + 1 && buf[ws[1] as number] === 0x2e) this.report(i, 'rdata-format', 'nullMx');
        else if (!isTargetAt(buf, ws[1] as number, we[1] as number, wq[1] === 1, false)) this.report(i, 'rdata-format', 'badTarget', shown(this.word(1)), type);
        return;
      case K_SRV:
        if (n !== 4 || numberAt(buf, ws[0] as number, we[0] as number, 65535) < 0 || numberAt(buf, ws[1] as number, we[1] as number, 65535) < 0
          || numberAt(buf, ws[2] as number, we[2] as number, 65535) < 0) this.report(i, 'rdata-format', 'badSrv', shown(this.rdataText(i)));
        else if (!isTargetAt(buf, ws[3] as number, we[3] as number, wq[3] === 1, true)) this.report(i, 'rdata-format', 'badTarget', shown(this.word(3)), type);
        return;
      case K_CAA:
        if (n !== 3) this.report(i, 'rdata-format', 'badCaa', shown(this.rdataText(i)));
        else if (numberAt(buf, ws[0] as number, we[0] as number, 255) < 0) this.report(i, 'rdata-format', 'badCaaFlag', shown(this.word(0)));
        else if (!(wordIs(buf, ws[1] as number, we[1] as number, 'issue') || wordIs(buf, ws[1] as number, we[1] as number, 'issuewild')
          || wordIs(buf, ws[1] as number, we[1] as number, 'iodef'))) this.report(i, 'rdata-format', 'badCaaTag', shown(this.word(1)));
        return;
      default:
    }
  }

  /** txt-format: string and value lengths (octets, quotes not counted), backslashes, emptiness. Reads the words. */
  private checkTxt(i: number): void {
    let total = 0;
    let longest = 0;
    let nonEmpty = false;
    let escaped = -1;
    let escapedEnd = -1;
    let n = 0;
    if (this.rdataOf(i)) {
      const c = this.cursor;
      const buf = c.buf;
      while (c.next()) {
        if (n < MAX_WORDS) {
          this.ws[n] = c.start;
          this.we[n] = c.stop;
          this.wq[n] = c.quoted ? 1 : 0;
        }
        n++;
        if (c.escaped && escaped < 0) {
          escaped = c.start;
          escapedEnd = c.stop;
        }
        let octets = c.stop - c.start;
        if (c.quoted) octets -= octets > 1 && buf[c.stop - 1] === 0x22 ? 2 : 1;
        total += octets;
        if (octets > longest) longest = octets;
        if (octets > 0) nonEmpty = true;
      }
    }
    this.words = n;
    if (escaped >= 0) {
      // The string holding the backslash, as written.
      this.report(i, 'txt-format', 'txtBackslash', shown(utf8(this.cursor.buf, escaped, escapedEnd), 40));
    } else if (!nonEmpty) {
      this.report(i, 'txt-format', 'txtEmpty');
    } else if (longest > 255) {
      this.report(i, 'txt-format', 'txtStringTooLong', longest);
    } else if (total > 4096) {
      this.report(i, 'txt-format', 'txtTooLong', total);
    }
  }

  /**
   * A hash of record i's value as `duplicate` compares it (its words are in ws/we/wq): names inside made
   * absolute and lower case, numbers as numbers, TXT strings exactly as written. Equal values hash equal;
   * a hit is confirmed with valueKey().
   */
  private valueHash(i: number, kind: number): number {
    const n = Math.min(this.words, MAX_WORDS);
    const buf = this.cursor.buf;
    const ws = this.ws;
    const we = this.we;
    let h = this.seed;
    switch (kind) {
      case K_CNAME:
      case K_NS:
        if (this.words === 1 && !this.wq[0]) return this.nameHash(h, i, 0);
        break;
      case K_AAAA:
        if (this.words === 1 && parseIpv6(buf, ws[0] as number, we[0] as number, this.groups)) {
          for (let k = 0; k < 8; k++) h = hashNumber(h, this.groups[k] as number);
          return h;
        }
        break;
      case K_MX:
        if (this.words === 2 && this.wordNumber(0, 65535) >= 0) return this.nameHash(hashNumber(h, this.wordNumber(0, 65535)), i, 1);
        break;
      case K_SRV:
        if (this.words === 4 && this.wordNumber(0, 65535) >= 0 && this.wordNumber(1, 65535) >= 0 && this.wordNumber(2, 65535) >= 0) {
          return this.nameHash(hashNumber(hashNumber(hashNumber(h, this.wordNumber(0, 65535)), this.wordNumber(1, 65535)), this.wordNumber(2, 65535)), i, 3);
        }
        break;
      case K_CAA:
        if (this.words === 3 && this.wordNumber(0, 255) >= 0) {
          return hashBytes(hashBytes(hashNumber(h, this.wordNumber(0, 255)), buf, ws[1] as number, we[1] as number, true), buf, ws[2] as number, we[2] as number, false);
        }
        break;
      default:
    }
    // As written: the words (only the first MAX_WORDS hashed; valueKey compares all of them).
    for (let k = 0; k < n; k++) h = hashNumber(hashBytes(h, buf, ws[k] as number, we[k] as number, false), 0x20);
    return hashNumber(h, this.words);
  }

  /** Continues hash h with word k of record i as an absolute lower-case name (valueKey's absoluteName). */
  private nameHash(h: number, i: number, k: number): number {
    const buf = this.cursor.buf;
    const s = this.ws[k] as number;
    const e = this.we[k] as number;
    const origin = this.table.origin(i);
    if (e - s === 1 && buf[s] === 0x40) return hashString(h, origin);
    if (!isPlainName(buf, s, e)) return hashString(h, absoluteName(utf8(buf, s, e), origin));
    h = hashBytes(h, buf, s, e, true);
    if (buf[e - 1] === 0x2e) return h;
    h = Math.imul(h ^ 0x2e, 16777619);
    if (origin === '.') return h;
    let bytes = this.originBytes.get(origin);
    if (!bytes) this.originBytes.set(origin, (bytes = Buffer.from(origin, 'latin1')));
    return hashBytes(h, bytes, 0, bytes.length, false);
  }

  /** The value of record i as a string, for confirming a hash hit (same normalisation as valueHash). */
  private valueKey(i: number, kind: number): string {
    const n = this.readWords(i);
    const buf = this.cursor.buf;
    const ws = this.ws;
    const we = this.we;
    const num = (k: number, max: number): number => numberAt(buf, ws[k] as number, we[k] as number, max);
    const name = (k: number): string => absoluteName(this.word(k), this.table.origin(i));
    switch (kind) {
      case K_CNAME:
      case K_NS:
        if (n === 1 && !this.wq[0]) return name(0);
        break;
      case K_AAAA:
        if (n === 1 && parseIpv6(buf, ws[0] as number, we[0] as number, this.groups)) return canonicalIpv6(this.groups);
        break;
      case K_MX:
        if (n === 2 && num(0, 65535) >= 0) return `${num(0, 65535)} ${name(1)}`;
        break;
      case K_SRV:
        if (n === 4 && num(0, 65535) >= 0 && num(1, 65535) >= 0 && num(2, 65535) >= 0) return `${num(0, 65535)} ${num(1, 65535)} ${num(2, 65535)} ${name(3)}`;
        break;
      case K_CAA:
        if (n === 3 && num(0, 255) >= 0) return `${num(0, 255)} ${this.word(1).toLowerCase()} ${this.word(2)}`;
        break;
      default:
    }
    return this.rdataText(i);
  }

  private insertValue(o: number, cid: number, h: number, i: number): void {
    let v = this.values;
    if ((this.vUsed + 1) * 8 > v.length) v = this.growValues();
    const mask = (v.length >> 2) - 1;
    let k = valueSlot(h, o, cid, mask);
    while (v[4 * k + 3] !== 0) k = (k + 1) & mask;
    v[4 * k] = o;
    v[4 * k + 1] = cid;
    v[4 * k + 2] = h;
    v[4 * k + 3] = i + 1;
    this.vUsed++;
  }

  /** The earliest record of set (o, cid) whose value equals record i's, or -1. */
  private findValue(o: number, cid: number, h: number, i: number, kind: number): number {
    const v = this.values;
    const mask = (v.length >> 2) - 1;
    let key: string | undefined;
    for (let k = valueSlot(h, o, cid, mask); v[4 * k + 3] !== 0; k = (k + 1) & mask) {
      if (v[4 * k + 2] !== h || v[4 * k] !== o || v[4 * k + 1] !== cid) continue;
      const other = (v[4 * k + 3] as number) - 1;
      key ??= this.valueKey(i, kind);
      if (this.valueKey(other, kind) === key) return other;
    }
    return -1;
  }

  private growValues(): Int32Array {
    const old = this.values;
    this.values = new Int32Array(old.length * 2);
    this.vUsed = 0;
    for (let k = 0; k < old.length; k += 4) {
      if (old[k + 3] !== 0) this.insertValue(old[k] as number, old[k + 1] as number, old[k + 2] as number, (old[k + 3] as number) - 1);
    }
    return this.values;
  }

  private duplicate(i: number, earlier: number, cid: number): void {
    const tb = this.table;
    const type = this.canonNames[cid] as string;
    if (tb.file[earlier] === tb.file[i]) this.report(i, 'duplicate', 'duplicate', type, tb.line[earlier]);
    else this.report(i, 'duplicate', 'duplicateElsewhere', type, shown(path.basename(tb.files[tb.file[earlier] as number] as string), 120), tb.line[earlier]);
  }

  /** cname-conflict: every CNAME record at an owner that also holds another set. Two cheap passes. */
  private cnameConflicts(cnames: Int32Array, flags: Uint8Array): void {
    const tb = this.table;
    const others = new Map<number, string[]>();
    for (let i = 0; i < tb.count; i++) {
      const o = tb.owner[i] as number;
      if (cnames[o] === 0 || ((flags[o] as number) & O_MULTI) === 0) continue;
      const cid = this.canon[tb.type[i] as number] as number;
      if (this.kind[cid] === K_CNAME) continue;
      let list = others.get(o);
      if (!list) others.set(o, (list = []));
      const name = this.canonNames[cid] as string;
      if (!list.includes(name)) list.push(name);
    }
    for (let i = 0; i < tb.count; i++) {
      const o = tb.owner[i] as number;
      const list = cnames[o] === 0 ? undefined : others.get(o);
      if (!list || this.kind[this.canon[tb.type[i] as number] as number] !== K_CNAME) continue;
      this.report(i, 'cname-conflict', 'cnameConflict', tb.ownerName(o), list.join(', '));
    }
  }

  private report(i: number, rule: LintRule, id: LintMessageId, a0?: Arg, a1?: Arg, a2?: Arg, a3?: Arg): void {
    const tb = this.table;
    const o = tb.owner[i] as number;
    if (o !== this.lastOwner) {
      this.lastOwner = o;
      this.lastName = tb.ownerName(o);
    }
    this.sink.push({
      rule, severity: LINT_RULES[rule], file: tb.files[tb.file[i] as number] as string, line: tb.line[i] as number,
      name: this.lastName, type: tb.types[tb.type[i] as number], message: this.message(id, a0, a1, a2, a3),
    });
  }

  /**
   * The sentence of message id with its arguments (none of them undefined before the last given). A finding
   * whose sentence equals the previous one of its id (every PTR record's unsupported-type, say) shares that
   * string: a million-record zone keeps tens of thousands fewer strings alive.
   */
  private message(id: LintMessageId, a0?: Arg, a1?: Arg, a2?: Arg, a3?: Arg): string {
    const last = this.lastMessages.get(id);
    if (last && last.a0 === a0 && last.a1 === a1 && last.a2 === a2 && last.a3 === a3) return last.text;
    const template = LINT_MESSAGES[id];
    const text = a0 === undefined ? this.t(template) : a1 === undefined ? this.t(template, a0) : a2 === undefined ? this.t(template, a0, a1)
      : a3 === undefined ? this.t(template, a0, a1, a2) : this.t(template, a0, a1, a2, a3);
    if (last) {
      last.a0 = a0;
      last.a1 = a1;
      last.a2 = a2;
      last.a3 = a3;
      last.text = text;
    } else {
      this.lastMessages.set(id, { a0, a1, a2, a3, text });
    }
    return text;
  }

  /** A finding about the whole file: line 1 of the entry file. */
  private whole(file: string, id: LintMessageId, ...args: Array<string | number>): void {
    this.late.push({ rule: 'too-many-for-one-task', severity: LINT_RULES['too-many-for-one-task'], file, line: 1, message: this.t(LINT_MESSAGES[id], ...args) });
  }

  /**
   * By file (entry first, then in index order), then line; findings of one line keep their order. The pass
   * emits in that order already unless $INCLUDE interleaves files, so usually nothing is sorted but `late`.
   */
  private sorted(): LintFinding[] {
    const rank = new Map(this.table.files.map((f, k) => [f, k]));
    const keyed = (list: LintFinding[]): { list: LintFinding[]; keys: Float64Array } => {
      const keys = new Float64Array(list.length);
      let inOrder = true;
      for (let k = 0; k < list.length; k++) {
        const f = list[k] as LintFinding;
        keys[k] = (rank.get(f.file) ?? rank.size) * 2 ** 31 + f.line;
        if (k > 0 && (keys[k] as number) < (keys[k - 1] as number)) inOrder = false;
      }
      if (inOrder) return { list, keys };
      const order = Array.from({ length: list.length }, (_, k) => k);
      order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
      return { list: order.map((k) => list[k] as LintFinding), keys: Float64Array.from(order, (k) => keys[k] as number) };
    };
    const main = keyed(this.findings);
    if (this.late.length === 0) return main.list;
    const late = keyed(this.late);
    const out: LintFinding[] = [];
    let a = 0;
    let b = 0;
    while (a < main.list.length || b < late.list.length) {
      if (b >= late.list.length || (a < main.list.length && (main.keys[a] as number) <= (late.keys[b] as number))) out.push(main.list[a++] as LintFinding);
      else out.push(late.list[b++] as LintFinding);
    }
    return out;
  }
}
