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

  it('a CRLF file and a record with text after ")" keep their rdata on one line', async () => {
    const idx = await index('a TXT ( "x"\r\n  "y" ) "z" ; comment\r\nb A 192.0.2.1\r\n');
    const [a, b] = [...idx.records()];
    assert.ok(a && b);
    assert.deepStrictEqual(idx.details(a), { ttl: 300, class: 'IN', rdata: '"x" "y" "z"', origin: 'example.org.', endLine: 2 });
    assert.strictEqual(idx.details(b).rdata, '192.0.2.1');
  });
});
