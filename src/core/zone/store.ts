// Compact record storage (typed arrays + interned names) and the read-only index built over it.
// The same compact form crosses the worker boundary: typed arrays are transferred, names travel as one string.
import { entryText, lineBreaks } from './details';
import { zoneMessage, type ZoneMessageId } from './messages';
import { generatedName, generatedRdata, matchGenerated, type GenerateRange } from './generate';
import { normalizeName, plainNameInto } from './names';
import { NameTable, type NameTableData } from './nameTable';
import { originAt } from './origins';

export interface ZoneRecord {
  name: string;
  type: string;
  line: number;
  /** Absolute path of the file holding the record. */
  file: string;
}

export interface ZoneDiagnostic {
  file: string;
  line: number;
  /** In English. */
  message: string;
  /** The message's template (ZONE_MESSAGES) and arguments, to put it into the user's language. */
  id?: ZoneMessageId;
  args?: Array<string | number>;
}

/** The rest of a record, parsed from its bytes only when asked. */
export interface ZoneRecordDetails {
  /** Seconds: the record's own TTL, else the last $TTL in effect, else the previous record's, else 300. */
  ttl: number;
  /** Upper case as written (`IN`, `CH`, `CLASS1`); `IN` when the record names none. */
  class: string;
  /** Presentation form: comments and parentheses removed, blanks collapsed, quoted strings and names as written. */
  rdata: string;
  /** The $ORIGIN in effect at the record (to make relative names in rdata absolute). */
  origin: string;
  /** Last line of the record (parenthesised records span lines). */
  endLine: number;
}

export interface ZoneIndex {
  /** Every record in file order ($GENERATE ranges expanded); with `file`, only that file's (other files' ranges are not expanded). */
  records(file?: string): Iterable<ZoneRecord>;
  lookup(name: string): ZoneRecord[];
  /** TTL, class, rdata, origin and end line of a record this index returned. Throws for a foreign record. */
  details(record: ZoneRecord): ZoneRecordDetails;
  /** The owner of the first SOA record in the entry file, else the origin it was indexed with. */
  readonly apex: string;
  diagnostics: ZoneDiagnostic[];
  /** Number of records ($GENERATE ranges counted in full). */
  readonly size: number;
  /** The origin the entry file was indexed with. */
  readonly origin: string;
  /** The entry file and every file it included (absolute paths). */
  readonly files: readonly string[];
}

/** What the parser produces and the worker posts back. recName < 0 marks a $GENERATE range: -1 - rangeIndex. */
export interface CompactZoneIndex {
  origin: string;
  /** Owner of the first SOA in the entry file, else origin. */
  apex: string;
  names: NameTableData;
  types: string[];
  files: string[];
  /** The bytes of each file (by file id), kept so details are parsed only when asked. */
  texts: Uint8Array[];
  count: number;
  recName: Int32Array;
  recType: Int32Array;
  recLine: Int32Array;
  recFile: Int32Array;
  /** Index + 1 of the previous record with the same owner (0 = none); chains start at names.head. */
  recNext: Int32Array;
  /** The record's bytes in its file: [recStart, recEnd), recStart at column 1 of its first line. */
  recStart: Int32Array;
  recEnd: Int32Array;
  /** Where the record's rdata starts (just after its type word): lint reads values without re-reading the owner. */
  recData: Int32Array;
  /** Effective TTL in seconds (resolving it needs the records before, so it is kept rather than re-read). */
  recTtl: Uint32Array;
  /** The origin in effect from record originFrom[k] on is originNames[k] (origins change rarely). */
  originFrom: number[];
  originNames: string[];
  generates: GenerateRange[];
  diagnostics: ZoneDiagnostic[];
}

/** Growable append-only record table used while parsing. */
export class RecordStore {
  readonly names: NameTable;
  readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();
  readonly files: string[] = [];
  private readonly fileIds = new Map<string, number>();
  readonly texts: Uint8Array[] = [];
  readonly generates: GenerateRange[] = [];
  readonly diagnostics: ZoneDiagnostic[] = [];
  readonly originFrom: number[] = [];
  readonly originNames: string[] = [];
  apex: string | undefined;
  count = 0;
  recName: Int32Array;
  recType: Int32Array;
  recLine: Int32Array;
  recFile: Int32Array;
  recNext: Int32Array;
  recStart: Int32Array;
  recEnd: Int32Array;
  recData: Int32Array;
  recTtl: Uint32Array;

  /** @param sizeHint bytes of the entry file: records are sized up front (about one per 40 bytes). */
  constructor(sizeHint = 0) {
    const n = Math.max(1024, Math.ceil(sizeHint / 36));
    this.names = new NameTable(undefined, Math.ceil(n * 0.75));
    this.recName = new Int32Array(n);
    this.recType = new Int32Array(n);
    this.recLine = new Int32Array(n);
    this.recFile = new Int32Array(n);
    this.recNext = new Int32Array(n);
    this.recStart = new Int32Array(n);
    this.recEnd = new Int32Array(n);
    this.recData = new Int32Array(n);
    this.recTtl = new Uint32Array(n);
  }

  internName(name: string): number {
    return this.names.internString(name);
  }

  internType(type: string): number {
    let id = this.typeIds.get(type);
    if (id === undefined) {
      id = this.types.length;
      this.types.push(type);
      this.typeIds.set(type, id);
    }
    return id;
  }

  /** The file's id; its bytes are kept the first time (a file parsed again has the same bytes). */
  addFile(file: string, text: Uint8Array = new Uint8Array(0)): number {
    const existing = this.fileIds.get(file);
    if (existing !== undefined) return existing;
    const id = this.files.length;
    this.files.push(file);
    this.texts.push(text);
    this.fileIds.set(file, id);
    return id;
  }

  /** Records from the next one on are read with this origin. */
  setOrigin(origin: string): void {
    const k = this.originNames.length - 1;
    if (k >= 0 && this.originNames[k] === origin) return;
    if (k >= 0 && this.originFrom[k] === this.count) {
      this.originNames[k] = origin; // no record was read with the previous one
      if (k > 0 && this.originNames[k - 1] === origin) {
        this.originNames.pop();
        this.originFrom.pop();
      }
      return;
    }
    this.originFrom.push(this.count);
    this.originNames.push(origin);
  }

  /** Appends a record; returns its index (its span end is set once the parser has read it all). */
  add(nameId: number, typeId: number, line: number, fileId: number, start: number, ttl: number): number {
    if (this.count === this.recName.length) this.grow();
    const i = this.count++;
    this.recName[i] = nameId;
    this.recType[i] = typeId;
    this.recLine[i] = line;
    this.recFile[i] = fileId;
    this.recStart[i] = start;
    this.recEnd[i] = start;
    this.recData[i] = start;
    this.recTtl[i] = ttl;
    if (nameId < 0) return i;
    // Chain the record to its owner now (newest first): usually the owner of the record before, in cache.
    const head = this.names.head;
    this.recNext[i] = head[nameId] as number;
    head[nameId] = i + 1;
    return i;
  }

  /**
   * Drops the records from index `count` on (an entry read again), unlinking them from their owners. Such an
   * entry ran no directive, so origins need no undoing.
   */
  truncate(count: number): void {
    const head = this.names.head;
    while (this.count > count) {
      const i = --this.count;
      const nameId = this.recName[i] as number;
      if (nameId >= 0) head[nameId] = this.recNext[i] as number;
      else this.generates.pop();
    }
  }

  addGenerate(g: GenerateRange, start: number): number {
    this.generates.push(g);
    return this.add(-this.generates.length, g.typeId, g.line, g.fileId, start, g.ttl);
  }

  diagnose(file: string, line: number, id: ZoneMessageId, ...args: Array<string | number>): void {
    // Bounded: a binary file would otherwise produce one per line.
    if (this.diagnostics.length < 1000) this.diagnostics.push({ file, line, message: zoneMessage(id, args), id, args });
  }

  compact(origin: string): CompactZoneIndex {
    const n = this.count;
    return {
      origin,
      apex: this.apex ?? origin,
      names: this.names.data(),
      types: this.types,
      files: this.files,
      texts: this.texts,
      count: n,
      recName: this.recName.subarray(0, n),
      recType: this.recType.subarray(0, n),
      recLine: this.recLine.subarray(0, n),
      recFile: this.recFile.subarray(0, n),
      recNext: this.recNext.subarray(0, n),
      recStart: this.recStart.subarray(0, n),
      recEnd: this.recEnd.subarray(0, n),
      recData: this.recData.subarray(0, n),
      recTtl: this.recTtl.subarray(0, n),
      originFrom: this.originFrom,
      originNames: this.originNames,
      generates: this.generates,
      diagnostics: this.diagnostics,
    };
  }

  private grow(): void {
    const size = this.recName.length * 2;
    const grow = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.recName = grow(this.recName, (k) => new Int32Array(k));
    this.recType = grow(this.recType, (k) => new Int32Array(k));
    this.recLine = grow(this.recLine, (k) => new Int32Array(k));
    this.recFile = grow(this.recFile, (k) => new Int32Array(k));
    this.recNext = grow(this.recNext, (k) => new Int32Array(k));
    this.recStart = grow(this.recStart, (k) => new Int32Array(k));
    this.recEnd = grow(this.recEnd, (k) => new Int32Array(k));
    this.recData = grow(this.recData, (k) => new Int32Array(k));
    this.recTtl = grow(this.recTtl, (k) => new Uint32Array(k));
  }
}

/** ownerId()'s scratch for a plain name's bytes (DNS names are at most 255 octets; longer ones take the slow path). */
const plainName = new Uint8Array(512);

/** Which iteration of its $GENERATE range a record returned by the index came from (not enumerable). */
const ITERATION = Symbol('zoneGenerateIteration');
type GeneratedRecord = ZoneRecord & { [ITERATION]?: number };

/** The read-only index: the name hash table and the record chains came built from parsing. */
export class CompactIndex implements ZoneIndex {
  readonly diagnostics: ZoneDiagnostic[];
  private readonly names: NameTable;
  private fileIds: Map<string, number> | undefined;
  /** The record last made, and its index: details() of the record just iterated needs no search. */
  private lastRecord: ZoneRecord | undefined;
  private lastIndex = -1;
  /** The records lookup() returned, and their index: their details() need no search (a retry plan asks for thousands). */
  private readonly looked = new WeakMap<ZoneRecord, number>();

  constructor(private readonly data: CompactZoneIndex) {
    this.diagnostics = data.diagnostics;
    this.names = new NameTable(data.names);
  }

  get origin(): string {
    return this.data.origin;
  }

  /** The compact form itself, read in place by lint (src/core/lint/table.ts) so no record object is made. */
  get compact(): CompactZoneIndex {
    return this.data;
  }

  get apex(): string {
    return this.data.apex;
  }

  get files(): readonly string[] {
    return this.data.files;
  }

  get size(): number {
    let n = this.data.count - this.data.generates.length;
    for (const g of this.data.generates) n += Math.floor((g.stop - g.start) / g.step) + 1;
    return n;
  }

  *records(file?: string): Iterable<ZoneRecord> {
    const d = this.data;
    const only = file === undefined ? -1 : d.files.indexOf(file);
    if (file !== undefined && only < 0) return;
    for (let i = 0; i < d.count; i++) {
      if (only >= 0 && d.recFile[i] !== only) continue;
      const nameId = d.recName[i] as number;
      if (nameId >= 0) {
        yield this.record(i, this.names.name(nameId));
      } else {
        const g = d.generates[-1 - nameId] as GenerateRange;
        for (let v = g.start; v <= g.stop; v += g.step) yield this.generated(i, g, v);
      }
    }
  }

  lookup(name: string): ZoneRecord[] {
    const d = this.data;
    const key = normalizeName(name);
    const hits: { index: number; value: number }[] = [];
    const id = this.names.find(key);
    if (id >= 0) {
      for (let i = this.names.head[id] as number; i > 0; i = d.recNext[i - 1] as number) hits.push({ index: i - 1, value: -1 });
      hits.reverse(); // chains run newest first
    }
    // Ranges are kept in their own list: a lookup never walks the records to find them.
    if (d.generates.length > 0) {
      for (const g of d.generates) for (const v of matchGenerated(g, key)) hits.push({ index: g.record, value: v });
      hits.sort((a, b) => a.index - b.index || a.value - b.value);
    }
    return hits.map((h) => {
      const r = h.value < 0 ? this.record(h.index, key) : this.generated(h.index, d.generates[-1 - (d.recName[h.index] as number)] as GenerateRange, h.value);
      this.looked.set(r, h.index);
      return r;
    });
  }

  /** The position of a record this index returned in its compact form (lint reads a few records in place). */
  recordIndex(record: ZoneRecord): number {
    return record === this.lastRecord ? this.lastIndex : (this.looked.get(record) ?? this.indexOf(record));
  }

  details(record: ZoneRecord): ZoneRecordDetails {
    const d = this.data;
    const i = this.recordIndex(record);
    const nameId = d.recName[i] as number;
    if (nameId < 0) {
      const g = d.generates[-1 - nameId] as GenerateRange;
      const v = (record as GeneratedRecord)[ITERATION] ?? matchGenerated(g, record.name)[0] ?? g.start;
      return { ttl: g.ttl, class: g.cls ?? 'IN', rdata: generatedRdata(g, v), origin: g.origin, endLine: g.endLine };
    }
    return this.detailsAt(i);
  }

  /**
   * The owner id of a name as lookup() takes it (any case, trailing dot optional), or -1: its records are the
   * chain from `compact.names.head[id]` (newest first) through `compact.recNext`. With the positions below, a
   * caller that reads thousands of names (the retry plan) makes no record object.
   */
  ownerId(name: string): number {
    const n = plainNameInto(name, plainName);
    return n > 0 ? this.names.findBytes(plainName, 0, n) : this.names.find(normalizeName(name));
  }

  /** The owner name of an owner id (absolute, lower case, as records() and lookup() give it). */
  ownerName(id: number): string {
    return this.names.name(id);
  }

  /**
   * The rdata of the record at position i (not a $GENERATE range), as details() gives it, read from just after
   * its type word; with originAt(i), what a caller building values needs.
   */
  rdataAt(i: number): string {
    const d = this.data;
    return entryText(d.texts[d.recFile[i] as number] as Uint8Array, d.recStart[i] as number, d.recEnd[i] as number, d.recData[i]).rdata;
  }

  /** details() of the record at position i of the compact form (not a $GENERATE range). */
  detailsAt(i: number): ZoneRecordDetails {
    const d = this.data;
    const text = d.texts[d.recFile[i] as number] as Uint8Array;
    const s = d.recStart[i] as number;
    const e = d.recEnd[i] as number;
    const { cls, rdata } = entryText(text, s, e);
    return { ttl: d.recTtl[i] as number, class: cls ?? 'IN', rdata, origin: this.originAt(i), endLine: (d.recLine[i] as number) + lineBreaks(text, s, e) };
  }

  /** The record index of a record this index returned: by its owner's chain, then file, line and type. */
  private indexOf(record: ZoneRecord): number {
    const d = this.data;
    if (!this.fileIds) this.fileIds = new Map(d.files.map((f, k) => [f, k]));
    const fileId = this.fileIds.get(record.file);
    if (fileId !== undefined) {
      const matches = (i: number): boolean => d.recLine[i] === record.line && d.recFile[i] === fileId && d.types[d.recType[i] as number] === record.type;
      const id = this.names.find(record.name);
      let found = -1;
      if (id >= 0) {
        // The chain runs newest first: keep the earliest match (a file included twice gives equal records).
        for (let i = this.names.head[id] as number; i > 0; i = d.recNext[i - 1] as number) if (matches(i - 1)) found = i - 1;
      }
      if (found >= 0) return found;
      for (const g of d.generates) {
        if (g.line === record.line && g.fileId === fileId && matches(g.record) && matchGenerated(g, record.name).length > 0) return g.record;
      }
    }
    throw new RangeError(`Not a record of this zone index: ${record.name} ${record.type} line ${record.line}`);
  }

  /** The $ORIGIN in effect at the record at position i. */
  originAt(i: number): string {
    return originAt(this.data, i);
  }

  private record(i: number, name: string): ZoneRecord {
    const d = this.data;
    const r: ZoneRecord = {
      name,
      type: d.types[d.recType[i] as number] as string,
      line: d.recLine[i] as number,
      file: d.files[d.recFile[i] as number] as string,
    };
    this.lastRecord = r;
    this.lastIndex = i;
    return r;
  }

  private generated(i: number, g: GenerateRange, v: number): ZoneRecord {
    const r = this.record(i, generatedName(g, v));
    Object.defineProperty(r, ITERATION, { value: v });
    return r;
  }
}
