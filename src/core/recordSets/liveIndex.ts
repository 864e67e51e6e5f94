// The live side of a diff keyed by (owner, type) without a Map: a 100,000-set comparison spent most of its time
// in Map.get/Map.set on fresh strings (the server's names, hashed by V8 on first use, two operations per live
// set and one per file set). Here each name is hashed in the pass that checks whether ownerKey would change it
// (it nearly never does), and looked up in an Int32Array table with the owner-name table's seed and finaliser.
import { finish, newSeed } from '../zone/nameTable';
import { CLASS } from '../zone/names';
import { ownerKey } from './values';

// Local, not imported from nameTable.ts / zone/bytes.ts: the compiled CommonJS reads an imported constant as a
// property of the module object in every loop turn, which measured 15-25 % slower on the 100,000-set diff.
const FNV_PRIME = 16777619;
const DOT = 0x2e;

/**
 * FNV-1a state of an owner name that ownerKey returns as it is, hashed in the same pass that checks it; -1 when
 * the name needs ownerKey's full treatment. As it is means what the name decoder passes through untouched
 * (printable ASCII other than upper case and `"$();@\`, see CLASS) with the trailing dot already there.
 */
function plainOwnerState(name: string, seed: number): number {
  const n = name.length;
  if (n === 0 || name.charCodeAt(n - 1) !== DOT) return -1;
  const cls = CLASS;
  let h = seed;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    // Class 1 is plain, 3 the dot; 2 (upper case) and 0 (escapes, specials) need ownerKey.
    if (c >= 0x80 || ((cls[c] as number) & 1) === 0) return -1;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  // Kept non-negative so -1 stays free: the state is finished before use, so one lost bit costs nothing.
  return h & 0x7fffffff;
}

function stateOf(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h & 0x7fffffff;
}

/** The slot hash of (owner, upper-case type): the type's characters hashed on after the owner's and a blank. */
function keyHash(ownerState: number, type: string): number {
  let h = Math.imul(ownerState ^ 0x20, FNV_PRIME);
  for (let i = 0; i < type.length; i++) h = Math.imul(h ^ type.charCodeAt(i), FNV_PRIME);
  return finish(h);
}

/**
 * The live sets that count, by (owner key, type), in an open-addressing table of live positions. Sets of one
 * key on several resolution lines all go in; a probe meets the first of them first, which is the one a file
 * set (the file has no lines) is matched with, so the others stay only live.
 */
export class LiveIndex {
  /** The owner key of the set just hashed by hashOf (ownerKey of its name). */
  lastOwner = '';
  /** Per live position: 0 not compared (system or inactive, never added), 1 active and unmatched, 2 matched. */
  readonly state: Uint8Array;
  /** Per live position added: owner key, upper-case type and slot hash. */
  private readonly owners: string[];
  private readonly types: string[];
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** @param seed per diff by default, so names crafted to collide cannot be computed in advance */
  constructor(size: number, private readonly seed = newSeed()) {
    this.owners = new Array<string>(size);
    this.types = new Array<string>(size);
    this.hashes = new Int32Array(size);
    this.state = new Uint8Array(size);
    // Load factor at most 1/2: short probe runs.
    this.slots = new Int32Array(1 << Math.max(4, Math.ceil(Math.log2(size * 2 + 2))));
    this.mask = this.slots.length - 1;
  }

  /** The slot hash of a set's (name, type), its owner key left in `lastOwner`. */
  hashOf(name: string, type: string): number {
    let state = plainOwnerState(name, this.seed);
    if (state >= 0) {
      this.lastOwner = name;
    } else {
      this.lastOwner = ownerKey(name);
      state = stateOf(this.lastOwner, this.seed);
    }
    return keyHash(state, type);
  }

  /** The live position of the set keyed (owner, type) with hash h, or -1. */
  find(owner: string, type: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = slots[i] as number;
      if (v === 0) return -1;
      const at = v - 1;
      if (this.hashes[at] === h && this.types[at] === type && this.owners[at] === owner) return at;
    }
  }

  /**
   * Records live position `at` as active and unmatched. A later set of a key already there (another resolution
   * line) needs no check: it lands further along the same probe run, so find() always meets the first one first.
   */
  add(at: number, owner: string, type: string, h: number): void {
    this.state[at] = 1;
    this.owners[at] = owner;
    this.types[at] = type;
    this.hashes[at] = h;
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = at + 1;
  }
}
