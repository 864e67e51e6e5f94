// LiveIndex, the (owner, type) table behind diffZone: the one-pass owner check agrees with ownerKey, and a full
// 30-bit hash collision (which the reference diff test almost never meets) still tells the keys apart.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ownerKey } from '../../../src/core';
import { LiveIndex } from '../../../src/core/recordSets/liveIndex';

describe('LiveIndex', () => {
  it('hashes a name as its ownerKey, and leaves that key as lastOwner, however the name is spelled', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'z', 'A', 'Z', '0', '9', '-', '.', '.', '/', '_', '*', '@', '\\', ' ', '\t', 'é', '\u007f', '\u0100', '`', '{', '~', ':', '"', '$', '(', ';'), maxLength: 12 });
    fc.assert(
      fc.property(name, fc.integer(), (text, seed) => {
        const index = new LiveIndex(1, seed);
        const key = ownerKey(text);
        const h = index.hashOf(text, 'A');
        assert.equal(index.lastOwner, key, JSON.stringify(text));
        assert.equal(h, index.hashOf(key, 'A'), JSON.stringify(text));
        assert.equal(index.lastOwner, key);
      }),
      { numRuns: 20_000 },
    );
  });

  it('tells apart two keys whose hashes collide in full, by owner and by type', () => {
    // With a fixed seed, about 9 pairs among 200,000 keys share all 30 bits and differ in both owner and type.
    const index = new LiveIndex(2, 12345);
    const seen = new Map<number, [string, string]>();
    let pair: [[string, string], [string, string], number] | undefined;
    for (let i = 0; i < 200_000 && !pair; i++) {
      const key: [string, string] = [`h${i}.example.com.`, i & 1 ? 'TXT' : 'A'];
      const h = index.hashOf(key[0], key[1]);
      const other = seen.get(h);
      if (other && other[1] !== key[1]) pair = [other, key, h];
      else if (!other) seen.set(h, key);
    }
    assert.ok(pair, 'no full collision among 200,000 keys');
    const [[ownerA, typeA], [ownerB, typeB], h] = pair;
    index.add(0, ownerA, typeA, h);
    index.add(1, ownerB, typeB, h);
    for (const owner of [ownerA, ownerB]) {
      for (const type of [typeA, typeB]) {
        const want = owner === ownerA && type === typeA ? 0 : owner === ownerB && type === typeB ? 1 : -1;
        assert.equal(index.find(owner, type, h), want, `${owner} ${type}`);
      }
    }
  });

  it('meets the first set of a key before later ones (other resolution lines), also past a wrap-around', () => {
    const index = new LiveIndex(8, 7);
    const h = 31; // the last of 32 slots: the second and third go round to the start
    index.add(3, 'www.example.com.', 'A', h);
    index.add(5, 'www.example.com.', 'A', h);
    index.add(6, 'mail.example.com.', 'A', h);
    assert.equal(index.find('www.example.com.', 'A', h), 3);
    assert.equal(index.find('mail.example.com.', 'A', h), 6);
    assert.deepEqual([...index.state], [0, 0, 0, 1, 0, 1, 1, 0]);
  });
});
