// The read side of the index (CompactIndex over the compact form): which records each file holds, in file order
// with $GENERATE ranges among them, the $ORIGIN each record was read with, and the details of a record found
// again from a copy. Each case checks what a reveal, an outline or a retry plan would show.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CompactIndex, indexZoneFile, type ZoneIndex, type ZoneRecord } from '../../../src/core';
import { useTempDir } from '../../support/tempDir';

describe('zone indexer: the index over the compact form', () => {
  const tmp = useTempDir('zone-index-');
  const open = (entry = 'zone.db'): Promise<ZoneIndex> => indexZoneFile(path.join(tmp.path, entry), { origin: 'example.org.', root: tmp.path });
  const at = (r: ZoneRecord): string => `${r.name} ${r.type} ${path.basename(r.file)}:${r.line}`;

  it('records(file) gives that file\'s records only (its ranges expanded), and none for a file it did not read', async () => {
    tmp.write('inc.db', 'i A 192.0.2.1\n$GENERATE 1-2 g$ A 10.0.0.$\n');
    const entry = tmp.write('zone.db', 'a A 192.0.2.2\n$INCLUDE inc.db\nb A 192.0.2.3\n');
    const idx = await open();
    assert.deepEqual([...idx.records(path.join(tmp.path, 'inc.db'))].map(at), ['i.example.org. A inc.db:1', 'g1.example.org. A inc.db:2', 'g2.example.org. A inc.db:2']);
    assert.deepEqual([...idx.records(entry)].map(at), ['a.example.org. A zone.db:1', 'b.example.org. A zone.db:3']);
    assert.deepEqual([...idx.records(path.join(tmp.path, 'other.db'))], []);
    assert.deepEqual(idx.files.map((f) => path.basename(f)), ['zone.db', 'inc.db']);
    assert.equal(idx.size, 5);
  });

  it('counts a stepped range by the values it takes, ends included', async () => {
    tmp.write('zone.db', '$GENERATE 1-10/3 h$ A 10.0.0.$\n$GENERATE 5-5 one A 10.0.0.1\nz A 192.0.2.1\n');
    const idx = await open();
    assert.equal(idx.size, 4 + 1 + 1); // 1 4 7 10, 5, z
    assert.deepEqual([...idx.records()].map((r) => r.name), ['h1.example.org.', 'h4.example.org.', 'h7.example.org.', 'h10.example.org.', 'one.example.org.', 'z.example.org.']);
  });

  it('lookup gives an owner\'s records in file order, those of ranges among the others', async () => {
    tmp.write('zone.db', 'w5 A 192.0.2.1\n$GENERATE 4-6 w$ TXT "r$"\nw5 AAAA ::1\n$GENERATE 5-5 w5 MX 10 mx\nw5 TXT "last"\n');
    const idx = await open();
    const hits = idx.lookup('W5.example.org');
    assert.deepEqual(hits.map((r) => `${r.type} ${r.line}`), ['A 1', 'TXT 2', 'AAAA 3', 'MX 4', 'TXT 5']);
    assert.deepEqual(hits.map((r) => idx.details(r).rdata), ['192.0.2.1', 'r5', '::1', '10 mx', '"last"']);
  });

  it('a range at one owner gives lookup every value it writes (a retry sends them all), a repeated record once', async () => {
    tmp.write('zone.db', '$GENERATE 1-3 same A 10.0.0.$\n$GENERATE 1-3 dup TXT "x"\n$GENERATE 0-4294967295 many A 10.0.0.$\n');
    const idx = await open();
    const hits = idx.lookup('same.example.org.');
    assert.deepEqual(hits.map((r) => `${r.type} ${r.line} ${idx.details(r).rdata}`), ['A 1 10.0.0.1', 'A 1 10.0.0.2', 'A 1 10.0.0.3']);
    assert.deepEqual(idx.lookup('dup.example.org').map((r) => idx.details(r).rdata), ['x']);
    // Bounded, however large the range: a record set takes 50 values.
    const many = idx.lookup('many.example.org');
    assert.equal(many.length, 1000);
    assert.deepEqual([many[0], many[999]].map((r) => idx.details(r as ZoneRecord).rdata), ['10.0.0.0', '10.0.0.999']);
  });

  it('details of a copy of a generated record: the first value that gives its owner', async () => {
    tmp.write('zone.db', 'x A 192.0.2.1\n$GENERATE 2-4 g$ 60 CH TXT "v$"\n');
    const idx = await open();
    const g3 = [...idx.records()].find((r) => r.name === 'g3.example.org.');
    assert.ok(g3);
    assert.deepEqual(idx.details({ ...g3 }), { ttl: 60, class: 'CH', rdata: 'v3', origin: 'example.org.', endLine: 2 });
    assert.throws(() => idx.details({ ...g3, name: 'g5.example.org.' }), RangeError);
    assert.throws(() => idx.details({ ...g3, line: 1 }), RangeError);
  });

  it('a record whose type or file does not match is not found again', async () => {
    tmp.write('zone.db', 'a A 192.0.2.1\n');
    const idx = await open();
    const [a] = [...idx.records()];
    assert.ok(a);
    assert.throws(() => idx.details({ ...a, type: 'AAAA' }), /Not a record of this zone index: a\.example\.org\. AAAA line 1/);
    assert.throws(() => idx.details({ ...a, file: path.join(tmp.path, 'other.db') }), RangeError);
  });

  it('a file included twice gives equal records; details of a copy are those of the first', async () => {
    tmp.write('inc.db', 'h 60 TXT "x"\n');
    tmp.write('zone.db', '$INCLUDE inc.db\nz 120 A 192.0.2.1\n$INCLUDE inc.db sub\n$ORIGIN example.org.\n\tTXT "z again"\n');
    const idx = await open();
    const inc = [...idx.records()].filter((r) => path.basename(r.file) === 'inc.db');
    assert.deepEqual(inc.map(at), ['h.example.org. TXT inc.db:1', 'h.sub.example.org. TXT inc.db:1']);
    assert.deepEqual(idx.details({ ...(inc[0] as ZoneRecord) }).origin, 'example.org.');
    assert.deepEqual(idx.details({ ...(inc[1] as ZoneRecord) }).origin, 'sub.example.org.');
  });

  it('every record knows the $ORIGIN it was read with, through runs of directives and back', async () => {
    tmp.write('zone.db', [
      'a A 192.0.2.1',
      '$ORIGIN one.test.',
      '$ORIGIN two.test.',
      'b A 192.0.2.2',
      '$ORIGIN three.test.',
      '$ORIGIN two.test.',
      'c A 192.0.2.3',
      '$ORIGIN four.test.',
      'd A 192.0.2.4',
      '$ORIGIN example.org.',
      'e A 192.0.2.5',
      '$ORIGIN example.org.',
      'f A 192.0.2.6',
      '',
    ].join('\n'));
    const idx = await open();
    assert.deepEqual([...idx.records()].map((r) => `${r.name} ${idx.details(r).origin}`), [
      'a.example.org. example.org.',
      'b.two.test. two.test.',
      'c.two.test. two.test.',
      'd.four.test. four.test.',
      'e.example.org. example.org.',
      'f.example.org. example.org.',
    ]);
    assert.ok(idx instanceof CompactIndex);
    // Each record's rdata and origin as the retry plan reads them, by position.
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((i) => `${idx.rdataAt(i)} ${idx.originAt(i)}`), [
      '192.0.2.1 example.org.',
      '192.0.2.2 two.test.',
      '192.0.2.3 two.test.',
      '192.0.2.4 four.test.',
      '192.0.2.5 example.org.',
      '192.0.2.6 example.org.',
    ]);
  });

  it('an $ORIGIN before the first record, and one back to the first, take effect where they stand', async () => {
    tmp.write('zone.db', '$ORIGIN first.test.\n$ORIGIN example.org.\na A 192.0.2.1\n$ORIGIN first.test.\nb A 192.0.2.2\n$ORIGIN example.org.\nc A 192.0.2.3\n');
    const idx = await open();
    assert.deepEqual([...idx.records()].map((r) => `${r.name} ${idx.details(r).origin}`), [
      'a.example.org. example.org.',
      'b.first.test. first.test.',
      'c.example.org. example.org.',
    ]);
  });

  it('an $ORIGIN before any record is the origin of the first record already', async () => {
    tmp.write('zone.db', '$ORIGIN other.test.\na CNAME b\n');
    const idx = await open();
    assert.deepEqual([...idx.records()].map((r) => `${r.name} ${idx.details(r).origin}`), ['a.other.test. other.test.']);
  });

  it('ownerId and ownerName name the same owners as lookup', async () => {
    tmp.write('zone.db', 'www A 192.0.2.1\nmail A 192.0.2.2\n');
    const idx = await open();
    assert.ok(idx instanceof CompactIndex);
    assert.deepEqual(['WWW.example.org', 'mail.example.org.'].map((n) => idx.ownerName(idx.ownerId(n))), ['www.example.org.', 'mail.example.org.']);
    assert.equal(idx.ownerId('nope.example.org'), -1);
  });

  it('keeps every record past its first size guess (a file of many short records)', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push(`h${i} A 1`);
    tmp.write('zone.db', lines.join('\n'));
    const idx = await open();
    assert.equal(idx.size, 5000);
    const last = idx.lookup('h4999.example.org');
    assert.deepEqual(last.map((r) => [r.line, idx.details(r).rdata, idx.details(r).ttl]), [[5000, '1', 300]]);
    assert.deepEqual(idx.lookup('h0.example.org').map((r) => r.line), [1]);
  });
});
