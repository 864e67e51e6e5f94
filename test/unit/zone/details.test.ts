// details() beyond the fixtures: $GENERATE iterations, records found by lookup, apex rules, foreign records.
import * as assert from 'assert';
import * as path from 'path';
import { indexZoneFile } from '../../../src/core';
import { useTempDir } from '../../support/tempDir';

describe('zone indexer: details()', () => {
  const tmp = useTempDir('zone-details-');
  const write = (rel: string, text: string): string => tmp.write(rel, text);
  const index = (text: string, origin = 'example.org.') => indexZoneFile(write('zone.db', text), { origin, root: tmp.path });

  it('expands a $GENERATE record for the asked iteration only, whether iterated or looked up', async () => {
    const idx = await index('$TTL 1h\n$GENERATE 1-4000000000 host$ 2d CH TXT "v=$ ${1,3,x}"\n');
    const hit = idx.lookup('host3999999999.example.org');
    assert.strictEqual(hit.length, 1);
    assert.deepStrictEqual(idx.details(hit[0] as (typeof hit)[0]), { ttl: 172800, class: 'CH', rdata: 'v=3999999999 ee6b2800', origin: 'example.org.', endLine: 2 });
    // Names without `$` repeat: each iterated record still knows its own iteration.
    const small = await index('$TTL 1h\n$GENERATE 1-3 same A 10.0.0.$\n');
    const same = [...small.records()].filter((r) => r.name === 'same.example.org.');
    assert.deepStrictEqual(same.map((r) => small.details(r).rdata), ['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    assert.strictEqual(small.details(same[0] as (typeof same)[0]).ttl, 3600);
  });

  it('finds the record again from a copy of it (not only the object it returned)', async () => {
    const idx = await index('a A 192.0.2.1\na 60 A 192.0.2.2\nb TXT ( "x"\n  "y" )\n');
    const [, second, third] = [...idx.records()];
    assert.ok(second && third);
    assert.deepStrictEqual(idx.details({ ...second }), { ttl: 60, class: 'IN', rdata: '192.0.2.2', origin: 'example.org.', endLine: 2 });
    assert.deepStrictEqual(idx.details({ ...third }), { ttl: 60, class: 'IN', rdata: '"x" "y"', origin: 'example.org.', endLine: 4 });
  });

  it('throws a RangeError for a record that is not in the index', async () => {
    const idx = await index('a A 192.0.2.1\n');
    assert.throws(() => idx.details({ name: 'a.example.org.', type: 'A', line: 2, file: path.join(tmp.path, 'zone.db') }), RangeError);
    assert.throws(() => idx.details({ name: 'zz.example.org.', type: 'A', line: 1, file: path.join(tmp.path, 'zone.db') }), RangeError);
  });

  it('apex: the first SOA of the entry file, never one in an included file; else the origin', async () => {
    write('inc.db', '@ SOA ns hm 1 2 3 4 5\n');
    assert.strictEqual((await index('$INCLUDE inc.db sub\nwww A 192.0.2.1\n')).apex, 'example.org.');
    assert.strictEqual((await index('www A 192.0.2.1\n$ORIGIN Other.NET.\n@ SOA ns hm 1 2 3 4 5\nx.y. SOA ns hm 1 2 3 4 5\n')).apex, 'other.net.');
  });

  it('TTL: $TTL beats the previous record, units add up, values clamp at 32 bits', async () => {
    const idx = await index('a 1h30 A 192.0.2.1\nb A 192.0.2.2\n$TTL 1w1d1h1m1s\nc A 192.0.2.3\nd 99999999999 A 192.0.2.4\ne A 192.0.2.5\n');
    assert.deepStrictEqual([...idx.records()].map((r) => idx.details(r).ttl), [3630, 3630, 694861, 0xffffffff, 694861]);
  });

  it('TTL: units in upper case count like lower case, 0 and 9 are TTLs, a word with another letter or a sign is not', async () => {
    const idx = await index('$TTL 2W\na A 192.0.2.1\nb 1H30M A 192.0.2.2\nc 0 A 192.0.2.3\nd 9 A 192.0.2.4\ne 4294967296 A 192.0.2.5\nf 1D2s A 192.0.2.6\ng 1x A 192.0.2.7\nh -1 A 192.0.2.8\n');
    assert.deepStrictEqual([...idx.records()].map((r) => `${r.name} ${r.type} ${idx.details(r).ttl}`), [
      'a.example.org. A 1209600',
      'b.example.org. A 5400',
      'c.example.org. A 0',
      'd.example.org. A 9',
      'e.example.org. A 4294967295',
      'f.example.org. A 86402',
    ]);
    assert.deepStrictEqual(idx.diagnostics.map((d) => [d.line, d.message]), [[8, 'Unknown record type "1X"'], [9, 'Unknown record type "-1"']]);
  });

  it('reads an editor\'s unsaved text of an included file instead of the file on disk', async () => {
    const inc = write('inc.db', 'old A 192.0.2.9\n');
    const entry = write('zone.db', 'www A 192.0.2.1\n$INCLUDE inc.db\n');
    const idx = await indexZoneFile(entry, { origin: 'example.org.', root: tmp.path, includedTexts: { [inc]: 'new A 192.0.2.7\n' } });
    assert.deepStrictEqual([...idx.records()].map((r) => `${r.name} ${path.basename(r.file)}:${r.line}`), ['www.example.org. zone.db:1', 'new.example.org. inc.db:1']);
    assert.deepStrictEqual(idx.diagnostics, []);
  });

  it('a first record without an owner takes the origin, and says so', async () => {
    const idx = await index('  A 192.0.2.1\nb A 192.0.2.2\n');
    assert.deepStrictEqual([...idx.records()].map((r) => `${r.name} ${r.line}`), ['example.org. 1', 'b.example.org. 2']);
    assert.deepStrictEqual(idx.diagnostics.map((d) => [d.line, d.message]), [[1, 'No previous owner: the origin is used']]);
  });

  it('a CRLF file and a record with text after ")" keep their rdata on one line', async () => {
    const idx = await index('a TXT ( "x"\r\n  "y" ) "z" ; comment\r\nb A 192.0.2.1\r\n');
    const [a, b] = [...idx.records()];
    assert.ok(a && b);
    assert.deepStrictEqual(idx.details(a), { ttl: 300, class: 'IN', rdata: '"x" "y" "z"', origin: 'example.org.', endLine: 2 });
    assert.strictEqual(idx.details(b).rdata, '192.0.2.1');
  });
});
