// Compact record storage (typed arrays + interned names) and the read-only index built over it.
// The same compact form crosses the worker boundary: typed arrays are transferred, names travel as one string.
import { generatedName, matchGenerated, type GenerateRange } from './generate';
import { normalizeName } from './names';
import { NameTable, type NameTableData } from './nameTable';

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
  message: string;
}

export interface ZoneIndex {
  records(): Iterable<ZoneRecord>;
  lookup(name: string): ZoneRecord[];
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
  names: NameTableData;
  types: string[];
  files: string[];
  count: number;
  recName: Int32Array;
  recType: Uint16Array;
  recLine: Int32Array;
  recFile: Uint16Array;
  /** Index + 1 of the previous record with the same owner (0 = none); chains start at names.head. */
  recNext: Int32Array;
  generates: GenerateRange[];
  diagnostics: ZoneDiagnostic[];
}

/** Growable append-only record table used while parsing. */
export class RecordStore {
  readonly names: NameTable;
  readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();
  readonly files: string[] = [];
  readonly generates: GenerateRange[] = [];
  readonly diagnostics: ZoneDiagnostic[] = [];
  count = 0;
  recName: Int32Array;
  recType: Uint16Array;
  recLine: Int32Array;
  recFile: Uint16Array;
  recNext: Int32Array;

  /** @param sizeHint bytes of the entry file: records are sized up front (about one per 40 bytes). */
  constructor(sizeHint = 0) {
    const n = Math.max(1024, Math.ceil(sizeHint / 36));
    this.names = new NameTable(undefined, Math.ceil(n * 0.75));
    this.recName = new Int32Array(n);
    this.recType = new Uint16Array(n);
    this.recLine = new Int32Array(n);
    this.recFile = new Uint16Array(n);
    this.recNext = new Int32Array(n);
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

  addFile(file: string): number {
    const existing = this.files.indexOf(file);
    if (existing >= 0) return existing;
    this.files.push(file);
    return this.files.length - 1;
  }

  add(nameId: number, typeId: number, line: number, fileId: number): void {
    if (this.count === this.recName.length) this.grow();
    const i = this.count++;
    this.recName[i] = nameId;
    this.recType[i] = typeId;
    this.recLine[i] = line;
    this.recFile[i] = fileId;
    if (nameId < 0) return;
    // Chain the record to its owner now (newest first): usually the owner of the record before, in cache.
    const head = this.names.head;
    this.recNext[i] = head[nameId] as number;
    head[nameId] = i + 1;
  }

  addGenerate(g: GenerateRange): void {
    this.generates.push(g);
    this.add(-this.generates.length, g.typeId, g.line, g.fileId);
  }

  diagnose(file: string, line: number, message: string): void {
    // Bounded: a binary file would otherwise produce one per line.
    if (this.diagnostics.length < 1000) this.diagnostics.push({ file, line, message });
  }

  compact(origin: string): CompactZoneIndex {
    const n = this.count;
    return {
      origin,
      names: this.names.data(),
      types: this.types,
      files: this.files,
      count: n,
      recName: this.recName.subarray(0, n),
      recType: this.recType.subarray(0, n),
      recLine: this.recLine.subarray(0, n),
      recFile: this.recFile.subarray(0, n),
      recNext: this.recNext.subarray(0, n),
      generates: this.generates,
      diagnostics: this.diagnostics,
    };
  }

  private grow(): void {
    const size = this.recName.length * 2;
    const grow = <T extends Int32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.recName = grow(this.recName, (k) => new Int32Array(k));
    this.recType = grow(this.recType, (k) => new Uint16Array(k));
    this.recLine = grow(this.recLine, (k) => new Int32Array(k));
    this.recFile = grow(this.recFile, (k) => new Uint16Array(k));
    this.recNext = grow(this.recNext, (k) => new Int32Array(k));
  }
}

/** The read-only index: the name hash table and the record chains came built from parsing. */
export class CompactIndex implements ZoneIndex {
  readonly diagnostics: ZoneDiagnostic[];
  private readonly names: NameTable;

  constructor(private readonly data: CompactZoneIndex) {
    this.diagnostics = data.diagnostics;
    this.names = new NameTable(data.names);
  }

  get origin(): string {
    return this.data.origin;
  }

  get files(): readonly string[] {
    return this.data.files;
  }

  get size(): number {
    let n = this.data.count - this.data.generates.length;
    for (const g of this.data.generates) n += Math.floor((g.stop - g.start) / g.step) + 1;
    return n;
  }

  *records(): Iterable<ZoneRecord> {
    const d = this.data;
    for (let i = 0; i < d.count; i++) {
      const nameId = d.recName[i] as number;
      if (nameId >= 0) {
        yield this.record(i, this.names.name(nameId));
      } else {
        const g = d.generates[-1 - nameId] as GenerateRange;
        for (let v = g.start; v <= g.stop; v += g.step) yield this.record(i, generatedName(g, v));
      }
    }
  }

  lookup(name: string): ZoneRecord[] {
    const d = this.data;
    const key = normalizeName(name);
    const hits: { index: number; name: string }[] = [];
    const id = this.names.find(key);
    if (id >= 0) {
      for (let i = this.names.head[id] as number; i > 0; i = d.recNext[i - 1] as number) hits.push({ index: i - 1, name: key });
      hits.reverse(); // chains run newest first
    }
    if (d.generates.length > 0) {
      for (let i = 0; i < d.count; i++) {
        const nameId = d.recName[i] as number;
        if (nameId >= 0) continue;
        const g = d.generates[-1 - nameId] as GenerateRange;
        for (const _v of matchGenerated(g, key)) hits.push({ index: i, name: key });
      }
      hits.sort((a, b) => a.index - b.index);
    }
    return hits.map((h) => this.record(h.index, h.name));
  }

  private record(i: number, name: string): ZoneRecord {
    const d = this.data;
    return {
      name,
      type: d.types[d.recType[i] as number] as string,
      line: d.recLine[i] as number,
      file: d.files[d.recFile[i] as number] as string,
    };
  }
}
