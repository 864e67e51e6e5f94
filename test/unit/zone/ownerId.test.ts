// CompactIndex.ownerId: the owner id behind lookup(), found for a plain name from its bytes in a scratch buffer
// (plainNameInto) and for any other through normalizeName. Both must agree with normalizeName on every text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CompactIndex, indexZoneFile, normalizeName } from '../../../src/core/zone/index';
import { latin1, plainNameInto } from '../../../src/core/zone/names';

const CHARS = ['a', 'B', 'z', '0', '9', '-', '_', '*', '.', ' ', '\t', '@', '\\', '"', '(', ';', '$', 'é', '中', '~', '/'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((cs) => cs.join(''));

describe('zone indexer: ownerId', () => {
  it('plainNameInto writes exactly normalizeName(text) for a plain name, and declines every other text', () => {
    const out = new Uint8Array(64);
    fc.assert(
      fc.property(text, (t) => {
        const n = plainNameInto(t, out);
        if (n > 0) assert.equal(latin1(out, 0, n), normalizeName(t));
        else assert.ok(t === '' || /[^A-Za-z0-9*_.~/-]/.test(t) || t.length + 1 > out.length, `declined ${JSON.stringify(t)}`);
      }),
      { numRuns: 2000 },
    );
    assert.equal(plainNameInto('a'.repeat(64), out), 0); // no room for the dot: the slow path reads it
  });

  it('gives the id of the records lookup() returns, for names as people write them', async () => {
    const text = ['$ORIGIN example.com.', '@ 3600 IN SOA ns1 hostmaster 1 7200 900 1209600 300', 'www IN A 192.0.2.1', 'a\\.b IN A 192.0.2.2', 'x\\065 IN A 192.0.2.3', ''].join('\n');
    const index = await indexZoneFile('/virtual/z', { origin: 'example.com.', root: '/virtual', text });
    assert.ok(index instanceof CompactIndex);
    for (const name of ['www.example.com.', 'WWW.Example.COM', ' www.example.com ', 'a\\.b.example.com', 'xa.example.com.', 'X\\065.example.com', 'example.com', 'nope.example.com', '', '.']) {
      const id = index.ownerId(name);
      const hits = index.lookup(name);
      assert.equal(id >= 0 ? index.ownerName(id) : undefined, hits[0]?.name, name);
    }
  });
});
