// The records as the rules read them: parallel typed arrays, names and values as bytes. The indexer's compact
// form is already this shape (zero copies); any other ZoneIndex is copied into it through records()/details().
import type { ZoneRecord } from '../zone/index';
import { originAt } from '../zone/origins';

export interface RecordTable {
  readonly count: number;
  /** Owner id of each record; ids are dense from 0 to ownerCount - 1 and equal for equal names. */
  readonly owner: Int32Array;
  readonly ownerCount: number;
  /** Owner id k is nameBytes[nameOffsets[k], nameOffsets[k + 1]): absolute, lower case, BIND escapes. */
  readonly nameBytes: Uint8Array;
  readonly nameOffsets: Int32Array;
  readonly apex: string;
  readonly apexBytes: Uint8Array;
  /** Owner id of the apex, -1 when no record is there. */
  readonly apexOwner: number;
  readonly type: Int32Array;
  /** Type mnemonics as the indexer reports them (upper case as written: `A`, `TYPE1`). */
  readonly types: readonly string[];
  readonly line: Int32Array;
  readonly file: Int32Array;
  readonly files: readonly string[];
  /** Seconds. */
  readonly ttl: ArrayLike<number>;
  /** Record i's bytes are texts[text[i]][start[i], end[i]). */
  readonly texts: readonly Uint8Array[];
  readonly text: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The spans hold whole entries (owner, TTL, class and type before the rdata) rather than bare rdata. */
  readonly whole: boolean;
  ownerName(id: number): string;
  /** The $ORIGIN in effect at record i. */
  origin(i: number): string;
}

/** What lint reads of a zone index (the index returned by indexZoneFile has all of it). */
export interface LintableIndex {
  records(): Iterable<ZoneRecord>;
  details(record: ZoneRecord): { ttl: number; rdata: string; origin: string };
  readonly apex: string;
  readonly diagnostics: readonly { file: string; line: number; message: string }[];
  readonly size: number;
  readonly files: readonly string[];
}

/** Copies up to `limit` records of any index into a table (the path for hand-made indexes and $GENERATE). */
export function tableFromIndex(index: LintableIndex, limit: number): RecordTable {
  const ownerIds = new Map<string, number>();
  const ownerNames: string[] = [];
  const typeIds = new Map<string, number>();
  const types: string[] = [];
  const files = [...index.files];
  const fileIds = new Map(files.map((f, k) => [f, k]));
  const owner: number[] = [];
  const type: number[] = [];
  const line: number[] = [];
  const file: number[] = [];
  const ttl: number[] = [];
  const origins: string[] = [];
  const values: Buffer[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const r of index.records()) {
    if (owner.length >= limit) break;
    const d = index.details(r);
    let o = ownerIds.get(r.name);
    if (o === undefined) {
      o = ownerNames.length;
      ownerNames.push(r.name);
      ownerIds.set(r.name, o);
    }
    let t = typeIds.get(r.type);
    if (t === undefined) {
      t = types.length;
      types.push(r.type);
      typeIds.set(r.type, t);
    }
    let f = fileIds.get(r.file);
    if (f === undefined) {
      f = files.length;
      files.push(r.file);
      fileIds.set(r.file, f);
    }
    const bytes = Buffer.from(d.rdata, 'utf8');
    owner.push(o);
    type.push(t);
    line.push(r.line);
    file.push(f);
    ttl.push(d.ttl);
    origins.push(d.origin);
    values.push(bytes);
    start.push(at);
    at += bytes.length;
    end.push(at);
  }
  const nameParts = ownerNames.map((n) => Buffer.from(n, 'utf8'));
  const nameOffsets = new Int32Array(nameParts.length + 1);
  for (let k = 0; k < nameParts.length; k++) nameOffsets[k + 1] = (nameOffsets[k] as number) + (nameParts[k] as Buffer).length;
  return {
    count: owner.length,
    owner: Int32Array.from(owner),
    ownerCount: ownerNames.length,
    nameBytes: Buffer.concat(nameParts),
    nameOffsets,
    apex: index.apex,
    apexBytes: Buffer.from(index.apex, 'utf8'),
    apexOwner: ownerIds.get(index.apex) ?? -1,
    type: Int32Array.from(type),
    types,
    line: Int32Array.from(line),
    file: Int32Array.from(file),
    files,
    ttl: Float64Array.from(ttl),
    texts: [Buffer.concat(values)],
    text: new Int32Array(owner.length),
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    whole: false,
    ownerName: (id) => ownerNames[id] as string,
    origin: (i) => origins[i] as string,
  };
}

/** The parts of the indexer's compact form (zone/store.ts CompactZoneIndex) the rules read. */
export interface CompactRecords {
  apex: string;
  names: { bytes: Uint8Array; offsets: Int32Array; count: number };
  types: readonly string[];
  files: readonly string[];
  texts: readonly Uint8Array[];
  count: number;
  recName: Int32Array;
  recType: Int32Array;
  recLine: Int32Array;
  recFile: Int32Array;
  recStart: Int32Array;
  recEnd: Int32Array;
  /** Just after the type word; absent in an older compact form (then the whole entry is read). */
  recData?: Int32Array;
  recTtl: ArrayLike<number>;
  originFrom: readonly number[];
  originNames: readonly string[];
  generates: readonly unknown[];
  origin: string;
}

type Latin1Slice = (this: Uint8Array, s: number, e: number) => string;
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice: Latin1Slice }).latin1Slice;

/** The compact form read in place (no copy); only without $GENERATE ranges, whose records it does not list. */
export function tableFromCompact(d: CompactRecords): RecordTable | undefined {
  if (d.generates.length > 0) return undefined;
  const { bytes, offsets, count: ownerCount } = d.names;
  const ownerName = (id: number): string => latin1Slice.call(bytes, offsets[id] as number, offsets[id + 1] as number);
  const apexBytes = Buffer.from(d.apex, 'latin1');
  let apexOwner = -1;
  // Owner ids follow first appearance, and the apex (its SOA) usually comes first, so this scan mostly stops at
  // id 0; where the apex has no record it passes every id, but compares names only of the apex's length.
  for (let id = 0; id < ownerCount; id++) {
    if ((offsets[id + 1] as number) - (offsets[id] as number) === apexBytes.length && ownerName(id) === d.apex) {
      apexOwner = id;
      break;
    }
  }
  return {
    count: d.count,
    owner: d.recName,
    ownerCount,
    nameBytes: bytes,
    nameOffsets: offsets,
    apex: d.apex,
    apexBytes,
    apexOwner,
    type: d.recType,
    types: d.types,
    line: d.recLine,
    file: d.recFile,
    files: d.files,
    ttl: d.recTtl,
    texts: d.texts,
    text: d.recFile,
    start: d.recData ?? d.recStart,
    end: d.recEnd,
    whole: d.recData === undefined,
    ownerName,
    origin: originOf(d),
  };
}

/** The $ORIGIN in effect at record index i of the compact form. */
function originOf(d: CompactRecords): (i: number) => string {
  return (i) => originAt(d, i);
}

/**
 * A table of just some records of the compact form, by record index (in the order given), read in place like
 * tableFromCompact: owners get dense ids of their own, values stay in the file bytes. The retry plan lints the
 * few thousand records at its failed names this way, without a string per record. Undefined with $GENERATE
 * ranges (their records have no index of their own).
 */
export function tableFromCompactRecords(d: CompactRecords, indexes: ArrayLike<number>): RecordTable | undefined {
  if (d.generates.length > 0) return undefined;
  const n = indexes.length;
  const owner = new Int32Array(n);
  const type = new Int32Array(n);
  const line = new Int32Array(n);
  const file = new Int32Array(n);
  const ttl = new Float64Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const local = new Map<number, number>();
  const ownerIds: number[] = [];
  const data = d.recData ?? d.recStart;
  for (let k = 0; k < n; k++) {
    const i = indexes[k] as number;
    const id = d.recName[i] as number;
    let o = local.get(id);
    if (o === undefined) {
      o = ownerIds.length;
      local.set(id, o);
      ownerIds.push(id);
    }
    owner[k] = o;
    type[k] = d.recType[i] as number;
    line[k] = d.recLine[i] as number;
    file[k] = d.recFile[i] as number;
    ttl[k] = d.recTtl[i] as number;
    start[k] = data[i] as number;
    end[k] = d.recEnd[i] as number;
  }
  const { bytes, offsets } = d.names;
  const nameOffsets = new Int32Array(ownerIds.length + 1);
  for (let o = 0; o < ownerIds.length; o++) {
    const id = ownerIds[o] as number;
    nameOffsets[o + 1] = (nameOffsets[o] as number) + ((offsets[id + 1] as number) - (offsets[id] as number));
  }
  // Byte loops, and names as strings only when asked: a view (subarray) or a string per owner costs more than
  // the copy, for the ten thousand owners of a retry plan.
  const nameBytes = new Uint8Array(nameOffsets[ownerIds.length] as number);
  const apexBytes = Buffer.from(d.apex, 'latin1');
  let apexOwner = -1;
  for (let o = 0; o < ownerIds.length; o++) {
    const id = ownerIds[o] as number;
    const from = offsets[id] as number;
    const len = (offsets[id + 1] as number) - from;
    const to = nameOffsets[o] as number;
    let apex = apexOwner < 0 && len === apexBytes.length;
    for (let j = 0; j < len; j++) {
      const b = bytes[from + j] as number;
      nameBytes[to + j] = b;
      if (apex && b !== apexBytes[j]) apex = false;
    }
    if (apex) apexOwner = o;
  }
  return new PositionsTable(d, indexes, owner, ownerIds, nameBytes, nameOffsets, apexBytes, apexOwner, type, line, file, ttl, start, end);
}

/**
 * tableFromCompactRecords' table. A class, not an object literal: V8 widens the field types of a literal the
 * second time its site runs, which threw away the rules' optimised code at the start of a process's second
 * retry plan; and methods, not closures, so that code inlines one target rather than a new one per table.
 */
class PositionsTable implements RecordTable {
  readonly count: number;
  readonly ownerCount: number;
  readonly apex: string;
  readonly types: readonly string[];
  readonly files: readonly string[];
  readonly texts: readonly Uint8Array[];
  readonly text: Int32Array;
  readonly whole: boolean;
  private readonly names: (string | undefined)[] = [];

  constructor(
    private readonly d: CompactRecords,
    private readonly indexes: ArrayLike<number>,
    readonly owner: Int32Array,
    private readonly ownerIds: readonly number[],
    readonly nameBytes: Uint8Array,
    readonly nameOffsets: Int32Array,
    readonly apexBytes: Uint8Array,
    readonly apexOwner: number,
    readonly type: Int32Array,
    readonly line: Int32Array,
    readonly file: Int32Array,
    readonly ttl: Float64Array,
    readonly start: Int32Array,
    readonly end: Int32Array,
  ) {
    this.count = owner.length;
    this.ownerCount = ownerIds.length;
    this.apex = d.apex;
    this.types = d.types;
    this.files = d.files;
    this.texts = d.texts;
    this.text = file;
    this.whole = d.recData === undefined;
  }

  ownerName(o: number): string {
    let name = this.names[o];
    if (name === undefined) {
      const id = this.ownerIds[o] as number;
      const { bytes, offsets } = this.d.names;
      this.names[o] = name = latin1Slice.call(bytes, offsets[id] as number, offsets[id + 1] as number);
    }
    return name;
  }

  origin(k: number): string {
    return originAt(this.d, this.indexes[k] as number);
  }
}
