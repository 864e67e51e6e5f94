// The owner-name hash table filled while parsing: names are stored once, ids stay stable across growth of the
// slots (rehash) and of the id arrays, and queued (not yet placed) names are found by later probes.
import * as assert from 'assert';
import { NameTable } from '../../../src/core/zone/nameTable';
import { indexZoneFile } from '../../../src/core';

const enc = (s: string): Buffer => Buffer.from(s, 'latin1');
const ORIGIN = 'ex.';

describe('zone indexer: name table', () => {
  it('interns each name once across slot growth, with repeats before and after each batch is placed', () => {
    const table = new NameTable(undefined, 16); // tiny: forces many rehashes and id-array growth
    const ids = new Map<string, number>();
    let s = 7;
    const rnd = (k: number): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % k);
    for (let n = 0; n < 30000; n++) {
      // Mostly new names, some repeats of recent ones (still queued) and of old ones (placed), mixed case.
      const k = n % 3 === 0 ? rnd(n + 1) : n % 3 === 1 ? Math.max(0, n - 1 - rnd(40)) : n;
      const token = rnd(2) ? `Host${k}` : `host${k}`;
      const id = table.internOwner(enc(token), 0, token.length, ORIGIN, enc(ORIGIN));
      const name = `host${k}.ex.`;
      const known = ids.get(name);
      if (known === undefined) {
        assert.equal(id, ids.size, `new name ${name} gets the next id`);
        ids.set(name, id);
      } else {
        assert.equal(id, known, `repeat of ${name}`);
      }
    }
    assert.equal(table.count, ids.size);
    for (const [name, id] of ids) {
      assert.equal(table.find(name), id);
      assert.equal(table.name(id), name);
    }
    assert.equal(table.find('host-absent.ex.'), -1);
  });

  it('merges a name written as a string, as bytes and as an owner token', () => {
    const table = new NameTable();
    const a = table.internString('www.ex.');
    const b = table.internOwner(enc('WWW'), 0, 3, ORIGIN, enc(ORIGIN));
    const c = table.internBytes(enc('xwww.ex.'), 1, 8);
    const d = table.internOwner(enc('www.ex.'), 0, 7, ORIGIN, enc(ORIGIN));
    assert.deepEqual([a, b, c, d], [0, 0, 0, 0]);
    assert.equal(table.count, 1);
  });

  it('finds every record of an owner written again later in the file (records chained while parsing)', async () => {
    const lines = ['$ORIGIN ex.', '@ SOA ns hm 1 2 3 4 5'];
    for (let i = 0; i < 5000; i++) lines.push(`h${i} A 10.0.0.1`);
    lines.push('H7 TXT "again"', '\tMX 10 mx', 'h7.ex. AAAA ::1', 'h4999.EX. TXT "x"');
    const index = await indexZoneFile('/nonexistent/ex.zone', { origin: 'ex.', root: '/nonexistent', text: lines.join('\n') });
    assert.deepEqual(index.lookup('h7.ex').map((r) => [r.type, r.line]), [['A', 10], ['TXT', 5003], ['MX', 5004], ['AAAA', 5005]]);
    assert.deepEqual(index.lookup('H4999.ex.').map((r) => r.type), ['A', 'TXT']);
    assert.deepEqual(index.lookup('ex.').map((r) => r.type), ['SOA']);
    assert.deepEqual(index.lookup('h5000.ex.'), []);
  });

  it('merges an owner spelled with escapes, another case or absolute with its plain spelling, in file order', async () => {
    const text = [
      '$ORIGIN ex.',
      'www A 192.0.2.1',
      '$GENERATE 1-3 www$ CNAME x', // www1..www3: ranges stay apart from the table
      '\\087ww.EX. TXT "escaped W"',
      'WWW MX 10 mx',
      'a\\.b A 192.0.2.2',
      'A\\046B AAAA ::1',
    ].join('\n');
    const index = await indexZoneFile('/nonexistent/ex.zone', { origin: 'ex.', root: '/nonexistent', text });
    assert.deepEqual(index.lookup('WWW.ex').map((r) => [r.type, r.line]), [['A', 2], ['TXT', 4], ['MX', 5]]);
    assert.deepEqual(index.lookup('www2.ex.').map((r) => [r.type, r.line]), [['CNAME', 3]]);
    assert.deepEqual(index.lookup('a\\.b.ex').map((r) => r.type), ['A', 'AAAA']);
    assert.deepEqual(index.lookup('a.b.ex'), []);
  });

  it('crafted owners whose unseeded FNV hashes share their low bits do not pile into one probe run', () => {
    // Low k bits of an FNV-1a state depend only on the low k bits before: find, level by level, two 3-letter
    // blocks that agree there, and every combination of the blocks agrees too (2^13 names, one slot).
    const K = 17;
    const low = (1 << K) - 1;
    const step = (h: number, text: string): number => {
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
      return h;
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let state = 0x811c9dc5 | 0;
    const levels: [string, string][] = [];
    for (let level = 0; level < 13; level++) {
      const seen = new Map<number, string>();
      let pair: [string, string] | undefined;
      for (let n = 0; !pair; n++) {
        const block = alphabet[n % 36]! + alphabet[Math.floor(n / 36) % 36]! + alphabet[Math.floor(n / 1296) % 36]!;
        const key = step(state, block) & low;
        const other = seen.get(key);
        if (other !== undefined) pair = [other, block];
        else seen.set(key, block);
      }
      levels.push(pair);
      state = step(state, pair[0]);
    }
    const names: string[] = [];
    for (let m = 0; m < 1 << levels.length; m++) names.push(levels.map((p, k) => p[(m >> k) & 1]).join(''));
    // They do collide under the plain function (the attack is real) …
    assert.strictEqual(new Set(names.map((n) => step(0x811c9dc5 | 0, n) & low)).size, 1);
    // … but not in the table.
    const table = new NameTable(undefined, names.length);
    for (const n of names) table.internOwner(enc(n), 0, n.length, ORIGIN, enc(ORIGIN));
    assert.strictEqual(table.count, names.length);
    assert.ok(table.longestRun() < 100, `longest probe run ${table.longestRun()}`);
    for (const n of names.slice(0, 50)) assert.ok(table.find(`${n}.ex.`) >= 0);
  });

  it('seeds each table: the hash of a name differs between tables, and the seed travels with the data', () => {
    const a = new NameTable();
    const b = new NameTable();
    assert.notStrictEqual(a.seed, b.seed);
    const id = a.internString('www.ex.');
    const copy = new NameTable(a.data());
    assert.strictEqual(copy.seed, a.seed);
    assert.strictEqual(copy.find('www.ex.'), id);
  });
});
