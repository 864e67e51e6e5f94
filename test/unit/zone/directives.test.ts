// What an operator reads when a directive or a record header is wrong: each diagnostic word for word, on its
// line, and the records around it still on theirs. The shared fixtures check records only, not these texts.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { indexZoneFile, type ZoneIndex } from '../../../src/core';
import { useTempDir } from '../../support/tempDir';

describe('zone indexer: directive and record-header diagnostics', () => {
  const tmp = useTempDir('zone-directives-');
  const index = (text: string): Promise<ZoneIndex> => indexZoneFile(tmp.write('zone.db', text), { origin: 'example.org.', root: tmp.path });
  const said = (idx: ZoneIndex): string[] => idx.diagnostics.map((d) => `${d.line}: ${d.message}`);
  const records = (idx: ZoneIndex): string[] => [...idx.records()].map((r) => `${r.name} ${r.type} ${r.line}`);

  it('names the directive that lacks its argument, and reads on', async () => {
    const idx = await index('$ORIGIN\na A 192.0.2.1\n$TTL\n$TTL "3600"\n$TTL soon\n$INCLUDE\n$bogus x\nb A 192.0.2.2\n');
    assert.deepEqual(said(idx), [
      '1: $ORIGIN needs a name',
      '3: $TTL needs a time value',
      '4: $TTL needs a time value',
      '5: $TTL needs a time value',
      '6: $INCLUDE needs a file name',
      '7: Unknown directive $BOGUS',
    ]);
    assert.deepEqual(records(idx), ['a.example.org. A 2', 'b.example.org. A 8']);
    // Each diagnostic keeps its template and arguments for the user's language.
    assert.deepEqual(idx.diagnostics.map((d) => [d.id, d.args]), [
      ['originNeedsName', []],
      ['ttlNeedsValue', []],
      ['ttlNeedsValue', []],
      ['ttlNeedsValue', []],
      ['includeNeedsFile', []],
      ['unknownDirective', ['$BOGUS']],
    ]);
  });

  it('a broken $TTL leaves the TTL in effect as it was', async () => {
    const idx = await index('$TTL 1h\n$TTL "60"\na A 192.0.2.1\n$TTL x\nb 5 A 192.0.2.2\nc A 192.0.2.3\n');
    assert.deepEqual([...idx.records()].map((r) => idx.details(r).ttl), [3600, 5, 3600]);
  });

  it('says what is missing from a record header', async () => {
    const long = 'X'.repeat(41);
    const idx = await index(`a 300\nb 300 IN\nc "A" 192.0.2.1\nd ${long} x\ne 1x.y 192.0.2.1\n  A 192.0.2.9\ng A 192.0.2.2\n`);
    assert.deepEqual(said(idx), [
      '1: Missing record type',
      '2: Missing record type',
      '3: Expected a TTL, class or record type',
      '4: Expected a TTL, class or record type',
      '5: Unknown record type "1X.Y"',
    ]);
    // The owner of a refused record is still the previous owner of the line after it.
    assert.deepEqual(records(idx), ['e.example.org. A 6', 'g.example.org. A 7']);
  });

  it('a type word of 32 characters is read, a longer one is unknown, one of over 40 is no type at all', async () => {
    const t32 = 'T'.repeat(32);
    const idx = await index(`a ${t32} x\nb ${t32}U x\nc ${'V'.repeat(40)} x\nd ${'W'.repeat(41)} x\n`);
    assert.deepEqual(records(idx), [`a.example.org. ${t32} 1`]);
    assert.deepEqual(said(idx), [`2: Unknown record type "${t32}U"`, `3: Unknown record type "${'V'.repeat(40)}"`, '4: Expected a TTL, class or record type']);
  });

  it('cuts a long unknown directive to 40 characters in the message', async () => {
    const idx = await index(`$${'y.'.repeat(30)} x\na A 192.0.2.1\n`);
    assert.deepEqual(said(idx), [`1: Unknown directive $${'Y.'.repeat(30).slice(0, 39)}`]);
  });

  it('an owner longer than 1,024 bytes is refused on its line; one of 1,024 is read', async () => {
    const idx = await index(`${'a'.repeat(1025)} A 192.0.2.1\n  TXT "no owner yet"\n${'b'.repeat(1024)} A 192.0.2.2\n`);
    assert.deepEqual(said(idx), ['1: Owner name too long', '2: No previous owner: the origin is used']);
    assert.deepEqual(records(idx), ['example.org. TXT 2', `${'b'.repeat(1024)}.example.org. A 3`]);
  });

  it('a first record without an owner inside an unclosed parenthesis still says that it has none', async () => {
    const idx = await index('  TXT ( "x"\n');
    assert.deepEqual(said(idx), ['1: No previous owner: the origin is used', '1: Unclosed parenthesis: the record ends at the end of this line']);
    assert.deepEqual(records(idx), ['example.org. TXT 1']);
  });

  it('an unclosed parenthesis whose record had its type on the next line: nothing of that first reading stays', async () => {
    // Read to the end of the file first, the entry was a record (TTL 120, or an SOA); read again it ends with
    // its line and has no type, so the next record takes the TTL before it, and the zone has no SOA.
    const ttl = await index('x 60 A 192.0.2.1\nb ( 120\n A 192.0.2.2\n');
    assert.deepEqual(said(ttl), ['2: Unclosed parenthesis: the record ends at the end of this line', '2: Missing record type']);
    assert.deepEqual([...ttl.records()].map((r) => `${r.name} ${r.line} ${ttl.details(r).ttl}`), ['x.example.org. 1 60', 'b.example.org. 3 60']);
    const soa = await index('x (\nSOA ns hm 1 2 3 4 5\n');
    assert.equal(soa.apex, 'example.org.');
    assert.deepEqual(records(soa), ['soa.example.org. NS 2']);
  });

  it('$GENERATE: one diagnostic for each malformed directive, on its line', async () => {
    const bad = [
      '$GENERATE',
      '$GENERATE 1-2',
      '$GENERATE 1-2 h$',
      '$GENERATE 1-2 h$ A',
      '$GENERATE 2-1 h$ A 10.0.0.$',
      '$GENERATE 1-2/0 h$ A 10.0.0.$',
      '$GENERATE 1-4294967296 h$ A 10.0.0.$',
      '$GENERATE x-2 h$ A 10.0.0.$',
      '$GENERATE 1-2 h${1 A 10.0.0.$',
      '$GENERATE 1-2 h${x} A 10.0.0.$',
      '$GENERATE 1-2 h$ 300 IN 10.0.0.$',
      '$GENERATE 1-2 h$ A 10.0.0.${0,1',
      '$GENERATE a1-2 h$ A 10.0.0.$',
      '$GENERATE 1-2x h$ A 10.0.0.$',
      '$GENERATE 1-2 h${12 A 10.0.0.$',
      '$GENERATE 1-2 h${a1} A 10.0.0.$',
      '$GENERATE 1-2 h${1x} A 10.0.0.$',
      '$GENERATE 1-2 h${1,2,q} A 10.0.0.$',
    ];
    const idx = await index(`${bad.join('\n')}\nok A 192.0.2.1\n`);
    assert.deepEqual(said(idx), bad.map((_, k) => `${k + 1}: $GENERATE: expected range, owner, [ttl] [class], type and rdata`));
    assert.deepEqual(records(idx), [`ok.example.org. A ${bad.length + 1}`]);
  });

  it('$GENERATE takes the largest range and a TTL and class in either order', async () => {
    const idx = await index('$TTL 1h\n$GENERATE 4294967294-4294967295 h$ A 10.0.0.1\n$GENERATE 1-1 i$ CH 60 TXT x\n$GENERATE 1-1 j$ 2m HS TXT "y z"\nk A 192.0.2.1\n');
    assert.deepEqual(idx.diagnostics, []);
    const all = [...idx.records()];
    assert.deepEqual(all.map((r) => `${r.name} ${r.type}`), ['h4294967294.example.org. A', 'h4294967295.example.org. A', 'i1.example.org. TXT', 'j1.example.org. TXT', 'k.example.org. A']);
    assert.deepEqual(all.map((r) => { const d = idx.details(r); return `${d.ttl} ${d.class} ${d.rdata}`; }), [
      '3600 IN 10.0.0.1',
      '3600 IN 10.0.0.1',
      '60 CH x',
      '120 HS y z',
      '3600 IN 192.0.2.1',
    ]);
  });

  it('$GENERATE keeps the rdata after its first word as written, quotes and all', async () => {
    const idx = await index('$GENERATE 1-1 t$ TXT "a b" "c$" d\n');
    const [r] = [...idx.records()];
    assert.ok(r);
    assert.equal(idx.details(r).rdata, 'a b "c1" d');
  });
});

describe('zone indexer: TTLs across records, $TTL and $INCLUDE', () => {
  const tmp = useTempDir('zone-ttl-');
  const ttls = async (entry: string, files: Record<string, string> = {}): Promise<string[]> => {
    for (const [rel, text] of Object.entries(files)) tmp.write(rel, text);
    const idx = await indexZoneFile(tmp.write('zone.db', entry), { origin: 'example.org.', root: tmp.path });
    assert.deepEqual(idx.diagnostics, []);
    return [...idx.records()].map((r) => `${r.name.split('.')[0]} ${idx.details(r).ttl}`);
  };

  it('without $TTL: 300 first, then the previous record\'s, a record\'s own TTL first of all', async () => {
    assert.deepEqual(await ttls('a A 192.0.2.1\nb 60 A 192.0.2.2\nc A 192.0.2.3\n\tTXT "x"\n'), ['a 300', 'b 60', 'c 60', 'c 60']);
  });

  it('a $TTL set in an included file stays in effect after it, as in BIND', async () => {
    assert.deepEqual(await ttls('a 60 A 192.0.2.1\n$INCLUDE inc.db\nc A 192.0.2.3\n', { 'inc.db': '$TTL 2h\nb A 192.0.2.2\n' }), ['a 60', 'b 7200', 'c 7200']);
  });

  it('a $GENERATE range counts as the previous record for the TTL of the next one', async () => {
    assert.deepEqual(await ttls('$GENERATE 1-1 g$ 90 A 10.0.0.$\nh A 192.0.2.1\n'), ['g1 90', 'h 90']);
  });
});

describe('zone indexer: $INCLUDE', () => {
  const tmp = useTempDir('zone-include-');
  const open = (entry: string, root = tmp.path, limits = {}): Promise<ZoneIndex> =>
    indexZoneFile(path.join(tmp.path, entry), { origin: 'example.org.', root, limits });
  const said = (idx: ZoneIndex): string[] => idx.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}: ${d.message}`);

  it('reads the included file under its own origin (relative to the current one), then restores origin and owner', async () => {
    tmp.write('inc.db', 'x A 192.0.2.1\n@ TXT "apex of inc"\n');
    tmp.write('zone.db', 'prev A 192.0.2.9\n$INCLUDE inc.db sub\n\tTXT "prev again"\ny A 192.0.2.2\n$INCLUDE inc.db other.test.\n');
    const idx = await open('zone.db');
    assert.deepEqual(idx.diagnostics, []);
    assert.deepEqual([...idx.records()].map((r) => `${r.name} ${r.type} ${path.basename(r.file)}:${r.line} ${idx.details(r).origin}`), [
      'prev.example.org. A zone.db:1 example.org.',
      'x.sub.example.org. A inc.db:1 sub.example.org.',
      'sub.example.org. TXT inc.db:2 sub.example.org.',
      'prev.example.org. TXT zone.db:3 example.org.',
      'y.example.org. A zone.db:4 example.org.',
      'x.other.test. A inc.db:1 other.test.',
      'other.test. TXT inc.db:2 other.test.',
    ]);
  });

  it('an included file starts with the includer\'s previous owner', async () => {
    tmp.write('inc.db', '\tTXT "continues prev"\n');
    tmp.write('zone.db', 'prev A 192.0.2.9\n$INCLUDE inc.db\n');
    const idx = await open('zone.db');
    assert.deepEqual(idx.diagnostics, []);
    assert.deepEqual([...idx.records()].map((r) => `${r.name} ${r.type}`), ['prev.example.org. A', 'prev.example.org. TXT']);
  });

  it('names the file it cannot follow, on the $INCLUDE line', async () => {
    tmp.write('a.db', 'a A 192.0.2.1\n$INCLUDE b.db\n');
    tmp.write('b.db', 'b A 192.0.2.2\n$INCLUDE "a.db"\n');
    tmp.write('zone.db', 'z A 192.0.2.3\n$INCLUDE missing.db\n$INCLUDE a.db\n$INCLUDE "zone.db"\n');
    const idx = await open('zone.db');
    assert.deepEqual(said(idx), [
      'zone.db:2: $INCLUDE: cannot read missing.db',
      'b.db:2: $INCLUDE: a.db includes itself (cycle)',
      'zone.db:4: $INCLUDE: zone.db includes itself (cycle)',
    ]);
    assert.deepEqual(idx.diagnostics.map((d) => [d.id, d.args]), [
      ['includeUnreadable', ['missing.db']],
      ['includeCycle', ['a.db']],
      ['includeCycle', ['zone.db']],
    ]);
    assert.equal(idx.size, 3);
  });

  it('says how deep it stops: 16 files, the entry file counted', async () => {
    for (let i = 0; i < 20; i++) tmp.write(`${i}.db`, `n${i} A 192.0.2.1\n$INCLUDE ${i + 1}.db\n`);
    const idx = await open('0.db');
    assert.deepEqual(said(idx), ['15.db:2: $INCLUDE: nested deeper than 16']);
    assert.deepEqual(idx.lookup('n15.example.org').map((r) => path.basename(r.file)), ['15.db']);
    assert.deepEqual(idx.lookup('n16.example.org'), []);
  });

  it('a folder beside the root whose name starts with the root\'s name is outside it', async () => {
    tmp.write('root2/leak.db', 'leaked A 192.0.2.66\n');
    tmp.write('root/zone.db', '$INCLUDE ../root2/leak.db\nok A 192.0.2.1\n');
    const idx = await open('root/zone.db', path.join(tmp.path, 'root'));
    assert.deepEqual(said(idx), ['zone.db:1: $INCLUDE: ../root2/leak.db is outside the workspace']);
    assert.deepEqual(idx.lookup('leaked.example.org'), []);
    assert.equal(idx.lookup('ok.example.org').length, 1);
  });

  it('with the root written with a trailing separator, files inside it are still followed', async () => {
    tmp.write('root/part.db', 'inside A 192.0.2.7\n');
    tmp.write('root/zone.db', '$INCLUDE part.db\n');
    const idx = await open('root/zone.db', path.join(tmp.path, 'root') + path.sep);
    assert.deepEqual(idx.diagnostics, []);
    assert.equal(idx.lookup('inside.example.org').length, 1);
  });

  it('the same file included under two origins is read twice, under one origin once', async () => {
    tmp.write('inc.db', 'h A 192.0.2.1\n');
    tmp.write('zone.db', '$INCLUDE inc.db a\n$INCLUDE inc.db b\n$INCLUDE inc.db a\n');
    const idx = await open('zone.db', tmp.path, { includes: 2 });
    assert.deepEqual([...idx.records()].map((r) => r.name), ['h.a.example.org.', 'h.b.example.org.']);
    assert.deepEqual(idx.diagnostics, []); // the repeat is no third include
  });

  it('names the include budget it ran out of, in MiB when it is that large, once', async () => {
    tmp.write('big.db', `big TXT "${'x'.repeat(1024 * 1024)}"\n`);
    tmp.write('small.db', 's A 192.0.2.1\n');
    tmp.write('zone.db', '$INCLUDE small.db\n$INCLUDE big.db\n$INCLUDE small.db x\nafter A 192.0.2.2\n');
    const perFile = await open('zone.db', tmp.path, { fileBytes: 1024 * 1024 });
    assert.deepEqual(said(perFile), ['zone.db:2: $INCLUDE: big.db is larger than 1 MiB']);
    assert.deepEqual(perFile.diagnostics.map((d) => d.args), [['big.db', '1 MiB']]);
    const total = await open('zone.db', tmp.path, { bytes: 1024 * 1024 });
    assert.deepEqual(said(total), ['zone.db:2: $INCLUDE: the included files add up to more than 1 MiB; big.db and the rest are skipped']);
    // Past the budget nothing more is followed, and it is said once.
    assert.deepEqual([...total.records()].map((r) => r.name), ['s.example.org.', 'after.example.org.']);
    const count = await open('zone.db', tmp.path, { includes: 1 });
    assert.deepEqual(said(count), ['zone.db:2: $INCLUDE: more than 1 includes; big.db and the rest are skipped']);
    assert.deepEqual([...count.records()].map((r) => r.name), ['s.example.org.', 'after.example.org.']);
  });

  it('a budget of exactly the bytes parsed is not exceeded', async () => {
    const entry = '$INCLUDE inc.db\n';
    const inc = 'h A 192.0.2.1\n';
    tmp.write('inc.db', inc);
    tmp.write('zone.db', entry);
    const exact = await open('zone.db', tmp.path, { bytes: entry.length + inc.length, fileBytes: inc.length });
    assert.deepEqual(exact.diagnostics, []);
    assert.equal(exact.size, 1);
    const under = await open('zone.db', tmp.path, { bytes: entry.length + inc.length - 1 });
    assert.deepEqual(said(under), [`zone.db:1: $INCLUDE: the included files add up to more than ${entry.length + inc.length - 1} bytes; inc.db and the rest are skipped`]);
  });
});
