// Owner names as bytes: one growable byte array and offsets, appended as the parser meets them (sequential
// writes only, no string per record), and an open-addressing hash table built on the first lookup. A hash
// probe per record costs a cache miss or two; deferring it keeps parsing close to the speed of reading.
// The table crosses the worker boundary as two transferable typed arrays.
import { latin1, nameFromBytes, CLASS } from './names';

const DOT = 0x2e;
const AT = 0x40;

export interface NameTableData {
  bytes: Uint8Array;
  /** Name i is bytes[offsets[i], offsets[i + 1]). */
  offsets: Int32Array;
  count: number;
  /** The lookup table, when built before the transfer (the worker does, so the host never has to). */
  slots?: Int32Array;
  canon?: Int32Array;
}

function hashOf(bytes: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ (bytes[i] as number), 16777619);
  return h >>> 0;
}

export class NameTable {
  bytes: Uint8Array;
  offsets: Int32Array;
  count: number;
  /**
   * Hash slots as pairs [id + 1 (0 = empty), full hash], interleaved so a probe touches one cache line;
   * built by lookupTable(). `canon[id]` is the first id with the same name.
   */
  private slots: Int32Array | undefined;
  private canon: Int32Array | undefined;
  private used: number;

  /** @param expected owners expected (sizes the arrays up front) */
  constructor(data?: NameTableData, expected = 4096) {
    this.bytes = data?.bytes ?? new Uint8Array(Math.max(1 << 16, expected * 24));
    this.offsets = data?.offsets ?? new Int32Array(Math.max(1 << 12, expected + 2));
    this.count = data?.count ?? 0;
    this.slots = data?.slots;
    this.canon = data?.canon;
    this.used = this.offsets[this.count] ?? 0;
  }

  /** The owner token buf[s, e) relative to `origin` (absolute name string, `originBytes` its latin1 bytes). */
  internOwner(buf: Uint8Array, s: number, e: number, origin: string, originBytes: Uint8Array): number {
    if (e - s === 1 && buf[s] === AT) return this.internBytes(originBytes, 0, originBytes.length);
    this.reserve(e - s + originBytes.length + 1);
    const out = this.bytes;
    const cls = CLASS; // a local: the loop's stores would otherwise force reloading it through the module
    let w = this.used;
    for (let i = s; i < e; i++) {
      const b = buf[i] as number;
      const k = cls[b];
      if (k === 0) return this.internString(nameFromBytes(buf, s, e, origin));
      out[w++] = k === 2 ? b + 32 : b;
    }
    if (buf[e - 1] !== DOT) {
      out[w++] = DOT;
      // A loop beats TypedArray.set for a dozen bytes.
      for (let i = originBytes.length === 1 ? 1 : 0; i < originBytes.length; i++) out[w++] = originBytes[i] as number;
    }
    return this.commit(w);
  }

  /** Interns an absolute name already in presentation form. */
  internString(name: string): number {
    this.reserve(name.length);
    const out = this.bytes;
    let w = this.used;
    for (let i = 0; i < name.length; i++) out[w++] = name.charCodeAt(i) & 0xff;
    return this.commit(w);
  }

  internBytes(src: Uint8Array, s: number, e: number): number {
    this.reserve(e - s);
    this.bytes.set(src.subarray(s, e), this.used);
    return this.commit(this.used + (e - s));
  }

  /** The canonical id of a name in presentation form, or -1. */
  find(name: string): number {
    this.canonical();
    const key = Buffer.from(name, 'latin1');
    return this.probe(key, 0, key.length, hashOf(key, 0, key.length));
  }

  /** For each id, the first id with the same name (builds the hash table on first use). */
  canonical(): Int32Array {
    if (this.canon) return this.canon;
    const size = 1 << Math.max(4, Math.ceil(Math.log2(this.count * 2 + 2)));
    this.slots = new Int32Array(size * 2);
    const canon = new Int32Array(this.count);
    for (let id = 0; id < this.count; id++) {
      const s = this.offsets[id] as number;
      const e = this.offsets[id + 1] as number;
      const h = hashOf(this.bytes, s, e);
      const found = this.probe(this.bytes, s, e, h);
      if (found >= 0) {
        canon[id] = found;
      } else {
        canon[id] = id;
        this.place(id, h);
      }
    }
    this.canon = canon;
    return canon;
  }

  name(id: number): string {
    return latin1(this.bytes, this.offsets[id] as number, this.offsets[id + 1] as number);
  }

  data(): NameTableData {
    // Views, not copies: the worker transfers the whole buffers anyway.
    return { bytes: this.bytes.subarray(0, this.used), offsets: this.offsets.subarray(0, this.count + 1), count: this.count,
      ...(this.canon && this.slots ? { slots: this.slots, canon: this.canon } : {}) };
  }

  /** The name just written at bytes[used, end) becomes the next id (duplicates are merged by canonical()). */
  private commit(end: number): number {
    const start = this.used;
    const id = this.count++;
    if (this.count + 1 >= this.offsets.length) this.offsets = grown(this.offsets, new Int32Array(this.offsets.length * 2));
    this.offsets[id] = start;
    this.offsets[id + 1] = end;
    this.used = end;
    this.canon = undefined;
    return id;
  }

  private probe(key: Uint8Array, s: number, e: number, h: number): number {
    const slots = this.slots as Int32Array;
    const mask = (slots.length >> 1) - 1;
    const bytes = this.bytes;
    const len = e - s;
    const h32 = h | 0;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = slots[i << 1] as number;
      if (v === 0) return -1;
      // Compare the cached hash first: most collisions end here without touching the name bytes.
      if (slots[(i << 1) + 1] !== h32) continue;
      const id = v - 1;
      const o = this.offsets[id] as number;
      if ((this.offsets[id + 1] as number) - o !== len) continue;
      let j = 0;
      while (j < len && bytes[o + j] === key[s + j]) j++;
      if (j === len) return id;
    }
  }

  private place(id: number, h: number): void {
    const slots = this.slots as Int32Array;
    const mask = (slots.length >> 1) - 1;
    let i = h & mask;
    while (slots[i << 1] !== 0) i = (i + 1) & mask;
    slots[i << 1] = id + 1;
    slots[(i << 1) + 1] = h | 0;
  }

  private reserve(n: number): void {
    const need = this.used + n + 1;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    this.bytes = grown(this.bytes, new Uint8Array(size));
  }
}

function grown<T extends Uint8Array | Int32Array>(old: T, fresh: T): T {
  fresh.set(old);
  return fresh;
}
