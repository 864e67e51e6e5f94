// The duplicate rule's value table must stay linear on hostile input: the values of one record set are hashed
// from a per-run seed and mixed before they pick a slot (issue #14, the same class as the owner-name hash).
import * as assert from 'assert';
import { hashBytes, hashSeed, valueSlot } from '../../../src/core/lint/bytes';

/** `count` TXT values whose bytes differ only above bit 3: `a`, `q`, `A` and `Q` all end in 0001. */
function craftedValues(count: number): Buffer[] {
  const letters = ['a', 'q', 'A', 'Q'];
  const out: Buffer[] = [];
  for (let n = 0; n < count; n++) {
    let word = '';
    for (let k = n, d = 0; d < 8; d++, k >>= 2) word += letters[k & 3];
    out.push(Buffer.from(`"${word}"`, 'latin1'));
  }
  return out;
}

describe('lint value hash (duplicate rule)', () => {
  it('spreads values crafted to share their low hash bits over the whole table, whatever the seed', () => {
    const mask = (1 << 13) - 1;
    for (const seed of [0x811c9dc5 | 0, hashSeed()]) {
      const slots = new Set<number>();
      const residues = new Set<number>();
      for (const value of craftedValues(4096)) {
        const slot = valueSlot(hashBytes(seed, value, 0, value.length, false), 42, 1, mask);
        slots.add(slot);
        residues.add(slot & 15);
      }
      // Unmixed, every slot was the same modulo 16 (one residue), so the 4,096 values formed one long run.
      assert.equal(residues.size, 16, `seed ${seed}: slots fall in ${residues.size} of 16 residues`);
      // Random placement of 4,096 keys in 8,192 slots leaves about 3,200 distinct first slots.
      assert.ok(slots.size > 2800, `seed ${seed}: only ${slots.size} distinct first slots for 4,096 values`);
    }
  });

  it('starts each lint run from a fresh seed, so a colliding set cannot be computed once for every run', () => {
    const seeds = new Set(Array.from({ length: 8 }, () => hashSeed()));
    assert.ok(seeds.size >= 7, `8 seeds gave only ${seeds.size} distinct values`);
  });
});
