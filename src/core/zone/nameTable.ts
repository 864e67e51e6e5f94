// Owner names as bytes: one growable byte array and offsets, and an open-addressing hash table that is filled
// while parsing. The parser copies an owner's bytes (lower-cased, origin appended) into the byte array and
// hashes them in the same loop; the probe then either finds the same name (the copy is dropped, the old id is
// returned) or keeps the copy as a new id. So every name is stored once, there is no second pass over the
// names, and no JS string is made per owner. Each name also heads a chain of its records (`head`, `recNext`,
// filled by the RecordStore), so the first lookup has nothing left to build.
// Everything crosses the worker boundary as transferable typed arrays.
import { randomInt } from 'crypto';
import { latin1, nameFromBytes, CLASS } from './names';
import * as bytes from './bytes';

// Module constants: V8 folds those into the hot loops, where an imported binding is read through the
// module object on every use.
const { DOT, AT } = bytes;

const FNV_PRIME = 16777619;
/** New names queued before they are placed in the slots. */
const PENDING = 1024;

export interface NameTableData {
  /** The hash seed (FNV offset basis) the table was built with: lookups must hash with the same one. */
  seed: number;
  bytes: Uint8Array;
  /** Name i is bytes[offsets[i], offsets[i + 1]). */
  offsets: Int32Array;
  count: number;
  /** Open-addressing hash slots: id + 1 (0 = empty), at the first free slot from hash & mask. */
  slots: Int32Array;
  /** hashes[id]: the name's 30-bit hash (compared before any byte; rehashing reads no name again). */
  hashes: Int32Array;
  /**
   * head[id]: index + 1 of the name's last record (0 = none); recNext links back to earlier ones (prepending
   * needs no per-name tail array; lookup reverses).
   */
  head: Int32Array;
}

/**
 * Hashes are kept to 30 bits so they stay V8 small integers: a full 32-bit value passed between functions is
 * boxed as a heap number, one allocation per owner.
 */
const HASH_MASK = 0x3fffffff;

/**
 * Slot hash of an FNV-1a state: the state is mixed (murmur3's finaliser) before it is masked. Unmixed, names
 * crafted so that only the low bits of their FNV states agree (cheap: those bits never depend on higher ones)
 * all land in one probe run, and a 4 MB file took 12 s instead of 58 ms; the random per-table seed keeps full
 * collisions from being precomputed.
 */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & HASH_MASK;
}

/** FNV-1a from `seed` over bytes[s, e), finished: the same function the parser computes incrementally while copying. */
export function hashOf(bytes: Uint8Array, s: number, e: number, seed: number): number {
  let h = seed;
  for (let i = s; i < e; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  return finish(h);
}

/** A random 32-bit start for an FNV-1a hash (the owner names here, the lint's values too). */
export function newSeed(): number {
  return randomInt(0, 0x100000000) | 0;
}

function tableSize(names: number): number {
  // Load factor at most 1/2: short probe runs; 4-byte slots keep the table at 8 MB for a million names.
  return 1 << Math.max(4, Math.ceil(Math.log2(names * 2 + 2)));
}

export class NameTable {
  readonly seed: number;
  bytes: Uint8Array;
  offsets: Int32Array;
  count: number;
  slots: Int32Array;
  hashes: Int32Array;
  head: Int32Array;
  private used: number;
  /** Grow the slots when count reaches this. */
  private limit: number;
  /**
   * Parse-time filter, 4 bits per slot (1 MB for a million names, so it stays in the L2 cache): bit clear =
   * no name with this hash yet. A new name (most owners) then skips the probe of the big slot table, whose
   * read is a cache miss the parser would stall on: it is queued in `pending` and placed later in a batch,
   * a tight loop whose misses overlap (an explicit prefetch pass measured no better). A name the filter may have seen is looked for in the queue, then in
   * the slots.
   */
  private filter: Int32Array;
  private filterShift: number;
  private readonly pending = new Int32Array(PENDING);
  private pendingCount = 0;

  /** @param expected owners expected (sizes the arrays up front) */
  constructor(data?: NameTableData, expected = 4096) {
    this.seed = data?.seed ?? newSeed();
    this.bytes = data?.bytes ?? new Uint8Array(Math.max(1 << 16, expected * 24));
    this.offsets = data?.offsets ?? new Int32Array(Math.max(1 << 12, expected + 2));
    this.count = data?.count ?? 0;
    this.slots = data?.slots ?? new Int32Array(tableSize(Math.max(1 << 12, expected)));
    this.hashes = data?.hashes ?? new Int32Array(this.offsets.length);
    this.head = data?.head ?? new Int32Array(this.offsets.length);
    this.used = this.offsets[this.count] ?? 0;
    this.limit = this.slots.length >> 1;
    this.filter = new Int32Array(0);
    this.filterShift = 32;
    if (!data) this.buildFilter();
  }

  /** The owner token buf[s, e) relative to `origin` (absolute name string, `originBytes` its latin1 bytes). */
  internOwner(buf: Uint8Array, s: number, e: number, origin: string, originBytes: Uint8Array): number {
    if (e - s === 1 && buf[s] === AT) return this.internBytes(originBytes, 0, originBytes.length);
    this.reserve(e - s + originBytes.length + 1);
    const out = this.bytes;
    const cls = CLASS; // a local: the loop's stores would otherwise force reloading it through the module
    let w = this.used;
    let h = this.seed;
    for (let i = s; i < e; i++) {
      const b = buf[i] as number;
      const k = cls[b];
      if (k === 0) return this.internString(nameFromBytes(buf, s, e, origin));
      const c = k === 2 ? b + 32 : b;
      out[w++] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (buf[e - 1] !== DOT) {
      out[w++] = DOT;
      h = Math.imul(h ^ DOT, FNV_PRIME);
      // A loop beats TypedArray.set for a dozen bytes.
      for (let i = originBytes.length === 1 ? 1 : 0; i < originBytes.length; i++) {
        const c = originBytes[i] as number;
        out[w++] = c;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
    }
    return this.intern(w, finish(h));
  }

  /** Interns an absolute name already in presentation form. */
  internString(name: string): number {
    this.reserve(name.length);
    const out = this.bytes;
    let w = this.used;
    for (let i = 0; i < name.length; i++) out[w++] = name.charCodeAt(i) & 0xff;
    return this.intern(w, hashOf(out, this.used, w, this.seed));
  }

  internBytes(src: Uint8Array, s: number, e: number): number {
    this.reserve(e - s);
    this.bytes.set(src.subarray(s, e), this.used);
    const end = this.used + (e - s);
    return this.intern(end, hashOf(this.bytes, this.used, end, this.seed));
  }

  /** Longest run of occupied slots (a probe never walks further): stays small whatever the names. */
  longestRun(): number {
    this.placePending();
    let best = 0;
    let run = 0;
    for (let i = 0; i < this.slots.length * 2; i++) {
      run = this.slots[i % this.slots.length] !== 0 ? run + 1 : 0;
      if (run > best) best = run;
    }
    return Math.min(best, this.slots.length);
  }

  /** The id of a name in presentation form, or -1. */
  find(name: string): number {
    this.placePending();
    const key = Buffer.from(name, 'latin1');
    return this.probe(key, 0, key.length, hashOf(key, 0, key.length, this.seed));
  }

  /** find() for a name already in presentation form as bytes key[s, e). */
  findBytes(key: Uint8Array, s: number, e: number): number {
    this.placePending();
    return this.probe(key, s, e, hashOf(key, s, e, this.seed));
  }

  name(id: number): string {
    return latin1(this.bytes, this.offsets[id] as number, this.offsets[id + 1] as number);
  }

  data(): NameTableData {
    this.placePending();
    // Views, not copies: the worker transfers the whole buffers anyway.
    const n = this.count;
    return { seed: this.seed, bytes: this.bytes.subarray(0, this.used), offsets: this.offsets.subarray(0, n + 1), count: n,
      slots: this.slots, hashes: this.hashes.subarray(0, n), head: this.head.subarray(0, n) };
  }

  /**
   * The name just written at bytes[used, end) with hash h: its existing id (the copy is dropped: `used` does
   * not move), or the next id.
   */
  private intern(end: number, h: number): number {
    // Two filter bits (a Bloom filter with k = 2): about 1% false hits over a whole file instead of 4%.
    const shift = this.filterShift;
    const f1 = Math.imul(h, 0x9e3779b1) >>> shift;
    const f2 = Math.imul(h ^ 0x5bd1e995, 0x85ebca6b) >>> shift;
    const filter = this.filter;
    const w1 = filter[f1 >> 5] as number;
    const b1 = 1 << (f1 & 31);
    const w2 = filter[f2 >> 5] as number;
    const b2 = 1 << (f2 & 31);
    if ((w1 & b1) === 0 || (w2 & b2) === 0) {
      filter[f1 >> 5] = (filter[f1 >> 5] as number) | b1;
      filter[f2 >> 5] = (filter[f2 >> 5] as number) | b2;
      return this.add(end, h);
    }
    // Seen before, or a false hit: the queue (in cache) first, then the slots.
    const start = this.used;
    const id = this.findPending(start, end, h);
    if (id >= 0) return id;
    const placed = this.probe(this.bytes, start, end, h);
    return placed >= 0 ? placed : this.add(end, h);
  }

  /** The id of the queued name equal to bytes[s, e) (hash h), or -1. */
  private findPending(s: number, e: number, h: number): number {
    const pending = this.pending;
    const hashes = this.hashes;
    const offsets = this.offsets;
    const bytes = this.bytes;
    const len = e - s;
    for (let k = this.pendingCount - 1; k >= 0; k--) {
      const id = pending[k] as number;
      if (hashes[id] !== h) continue;
      const o = offsets[id] as number;
      if ((offsets[id + 1] as number) - o !== len) continue;
      let j = 0;
      while (j < len && bytes[o + j] === bytes[s + j]) j++;
      if (j === len) return id;
    }
    return -1;
  }

  /** Keeps the name just written as the next id; it is placed in the slots with the next batch. */
  private add(end: number, h: number): number {
    const id = this.count++;
    if (this.count + 1 >= this.offsets.length) this.growIds();
    this.offsets[id] = this.used;
    this.offsets[id + 1] = end;
    this.hashes[id] = h;
    this.used = end;
    this.pending[this.pendingCount++] = id;
    if (this.pendingCount === PENDING || this.count >= this.limit) this.placePending();
    return id;
  }

  private placePending(): void {
    const n = this.pendingCount;
    if (n === 0) return;
    this.pendingCount = 0;
    const slots = this.slots;
    const mask = slots.length - 1;
    const pending = this.pending;
    const hashes = this.hashes;
    for (let k = 0; k < n; k++) {
      const id = pending[k] as number;
      let i = (hashes[id] as number) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    // After placing: rehash() rebuilds the filter from every name, placed ones included.
    if (this.count >= this.limit) this.rehash();
  }

  /** The id of the name key[s, e) with hash h, or -1. */
  private probe(key: Uint8Array, s: number, e: number, h: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const bytes = this.bytes;
    const offsets = this.offsets;
    const len = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = slots[i] as number;
      if (v === 0) return -1;
      const id = v - 1;
      // Compare the cached hash first: most collisions end here without touching the name bytes.
      if (this.hashes[id] !== h) continue;
      const o = offsets[id] as number;
      if ((offsets[id + 1] as number) - o !== len) continue;
      let j = 0;
      while (j < len && bytes[o + j] === key[s + j]) j++;
      if (j === len) return id;
    }
  }

  /** Doubles the slots; the cached hashes mean no name is read again. Called with nothing pending. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    const hashes = this.hashes;
    for (let id = 0; id < this.count; id++) {
      let i = (hashes[id] as number) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
    this.limit = slots.length >> 1;
    this.buildFilter();
  }

  private buildFilter(): void {
    const bits = Math.log2(this.slots.length * 4); // 4 bits per slot
    this.filterShift = 32 - bits;
    const filter = new Int32Array(Math.max(1, (1 << bits) >> 5));
    const hashes = this.hashes;
    const shift = this.filterShift;
    for (let id = 0; id < this.count; id++) {
      const h = hashes[id] as number;
      const f1 = Math.imul(h, 0x9e3779b1) >>> shift;
      const f2 = Math.imul(h ^ 0x5bd1e995, 0x85ebca6b) >>> shift;
      filter[f1 >> 5] = (filter[f1 >> 5] as number) | (1 << (f1 & 31));
      filter[f2 >> 5] = (filter[f2 >> 5] as number) | (1 << (f2 & 31));
    }
    this.filter = filter;
  }

  private growIds(): void {
    const size = this.offsets.length * 2;
    this.offsets = grown(this.offsets, new Int32Array(size));
    this.hashes = grown(this.hashes, new Int32Array(size));
    this.head = grown(this.head, new Int32Array(size));
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
