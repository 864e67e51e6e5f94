// recordSetsOfZone over an index's records and details: grouping, order, duplicates, TTLs, what is left out.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffZone, indexZoneFile, isSystemSet, MAX_CHECKED_RECORDS, readsWholeZone, recordSetsOfZone, type IndexWithDetails, type LiveRecordSet, type ZoneRecord } from '../../../src/core';

interface Row { name: string; type: string; ttl: number; rdata: string; origin?: string }

function fakeIndex(apex: string, rows: Row[]): IndexWithDetails {
  const records: ZoneRecord[] = rows.map((r, i) => ({ name: r.name, type: r.type, line: i + 1, file: '/z/zone.db' }));
  return {
    apex,
    records: () => records,
    details: (r) => {
      const row = rows[r.line - 1]!;
      return { ttl: row.ttl, rdata: row.rdata, origin: row.origin ?? apex };
    },
  };
}

describe('recordSetsOfZone', () => {
  it('groups all records of one owner and type in file order, exact duplicates once, ttl of the first', () => {
    const index = fakeIndex('example.com.', [
      { name: 'example.com.', type: 'SOA', ttl: 3600, rdata: 'ns1 hostmaster 1 2 3 4 5' },
      { name: 'example.com.', type: 'NS', ttl: 3600, rdata: 'ns1' },
      { name: 'www.example.com.', type: 'A', ttl: 300, rdata: '192.0.2.1' },
      { name: 'mail.example.com.', type: 'MX', ttl: 300, rdata: '10 mail' },
      { name: 'www.example.com.', type: 'A', ttl: 600, rdata: '192.0.2.2' },
      { name: 'www.example.com.', type: 'A', ttl: 300, rdata: '192.0.2.1' },
      { name: 'www.example.com.', type: 'txt', ttl: 300, rdata: 'hello' },
      { name: 'sub.example.com.', type: 'NS', ttl: 300, rdata: 'ns1.sub', origin: 'example.com.' },
      { name: 'x.sub.example.com.', type: 'CNAME', ttl: 60, rdata: '@', origin: 'sub.example.com.' },
      { name: 'example.com.', type: 'TYPE6', ttl: 1, rdata: '\\# 0' },
    ]);
    assert.deepEqual(recordSetsOfZone(index), [
      { zone_name: 'example.com.', name: 'www.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1', '192.0.2.2'] },
      { zone_name: 'example.com.', name: 'mail.example.com.', type: 'MX', ttl: 300, records: ['10 mail.example.com.'] },
      { zone_name: 'example.com.', name: 'www.example.com.', type: 'TXT', ttl: 300, records: ['"hello"'] },
      { zone_name: 'example.com.', name: 'sub.example.com.', type: 'NS', ttl: 300, records: ['ns1.sub.example.com.'] },
      { zone_name: 'example.com.', name: 'x.sub.example.com.', type: 'CNAME', ttl: 60, records: ['sub.example.com.'] },
    ]);
  });

  it('sends every set at the apex but its SOA and NS (A, MX, TXT at the apex name are the customer\'s)', () => {
    const index = fakeIndex('example.com.', [
      { name: 'example.com.', type: 'SOA', ttl: 3600, rdata: 'ns1 hostmaster 1 2 3 4 5' },
      { name: 'example.com.', type: 'NS', ttl: 3600, rdata: 'ns1' },
      { name: 'example.com.', type: 'A', ttl: 300, rdata: '192.0.2.1' },
      { name: 'Example.COM.', type: 'MX', ttl: 300, rdata: '10 mail' },
      { name: 'example.com.', type: 'TYPE2', ttl: 300, rdata: 'ns2' },
    ]);
    assert.deepEqual(recordSetsOfZone(index).map((s) => `${s.name} ${s.type}`), ['example.com. A', 'example.com. MX']);
  });

  it('leaves out exactly the sets the system owns (isSystemSet): the SOA anywhere, NS only at the apex, however spelled', () => {
    // What neither a retry nor an import sends, and a comparison never counts.
    for (const [name, type] of [['example.com.', 'SOA'], ['Example.COM', 'soa'], ['example.com', 'TYPE6'], ['www.example.com.', 'SOA'], ['example.com.', 'NS'], ['EXAMPLE.com', 'ns'], ['example.com.', 'TYPE2']]) {
      assert.equal(isSystemSet(name!, type!, 'example.com.'), true, `${name} ${type}`);
    }
    // A delegation below the apex, and every other type at the apex, are the customer's.
    for (const [name, type] of [['sub.example.com.', 'NS'], ['sub.example.com', 'TYPE2'], ['example.com.', 'A'], ['example.com.', 'MX'], ['example.com.', 'TXT'], ['ns.example.com.', 'A']]) {
      assert.equal(isSystemSet(name!, type!, 'Example.COM'), false, `${name} ${type}`);
    }
  });

  it('writes zone_name and names absolute with a trailing dot, whatever the apex spelling', () => {
    const sets = recordSetsOfZone(fakeIndex('Example.COM', [{ name: 'a.example.com.', type: 'A', ttl: 1, rdata: '192.0.2.1' }]));
    assert.equal(sets[0]!.zone_name, 'example.com.');
  });
});

describe('recordSetsOfZone with $GENERATE', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-sets-generate-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function indexed(text: string) {
    const file = path.join(dir, `z${Math.random().toString(36).slice(2)}.zone`);
    fs.writeFileSync(file, text);
    return indexZoneFile(file, { origin: 'gen.example.', root: dir });
  }

  it('sends and compares the records a range stands for: names, TTL, class, modifiers and relative rdata as the index expands them', async () => {
    const index = await indexed([
      '$ORIGIN gen.example.',
      '$TTL 3600',
      '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300',
      '  IN NS ns1',
      '$GENERATE 1-3 host$ 300 IN A 192.0.2.$',
      '$GENERATE 8-10/2 ${0,3,d}.pool CNAME host${-7}',
      'www A 192.0.2.80',
      '',
    ].join('\n'));
    const sets = recordSetsOfZone(index);
    assert.deepEqual(sets, [
      { zone_name: 'gen.example.', name: 'host1.gen.example.', type: 'A', ttl: 300, records: ['192.0.2.1'] },
      { zone_name: 'gen.example.', name: 'host2.gen.example.', type: 'A', ttl: 300, records: ['192.0.2.2'] },
      { zone_name: 'gen.example.', name: 'host3.gen.example.', type: 'A', ttl: 300, records: ['192.0.2.3'] },
      { zone_name: 'gen.example.', name: '008.pool.gen.example.', type: 'CNAME', ttl: 3600, records: ['host1.gen.example.'] },
      { zone_name: 'gen.example.', name: '010.pool.gen.example.', type: 'CNAME', ttl: 3600, records: ['host3.gen.example.'] },
      { zone_name: 'gen.example.', name: 'www.gen.example.', type: 'A', ttl: 3600, records: ['192.0.2.80'] },
    ]);
    // Against a live zone that holds them (one with another address), they are compared like any other set.
    const live: LiveRecordSet[] = sets.map((s, i) => ({ id: `id${i}`, name: s.name, type: s.type, ttl: s.ttl, records: i === 1 ? ['192.0.2.222'] : [...s.records], status: 'ACTIVE' }));
    const d = diffZone(sets, live, { apex: 'gen.example.' });
    assert.deepEqual(d.differs.map((x) => x.file.name), ['host2.gen.example.']);
    assert.equal(d.same.length, 5);
    assert.deepEqual([d.onlyInFile, d.onlyLive], [[], []]);
  });

  it('reads at most maxRecords records (default the pre-flight check\'s bound), so a four-billion range cannot hang it', async () => {
    const index = await indexed('$ORIGIN gen.example.\n$TTL 60\nfirst A 192.0.2.1\n$GENERATE 0-4294967295 h$ A 192.0.2.1\n');
    assert.equal(index.size, 4294967297);
    assert.deepEqual(recordSetsOfZone(index, { maxRecords: 4 }).map((s) => s.name), ['first.gen.example.', 'h0.gen.example.', 'h1.gen.example.', 'h2.gen.example.']);
    assert.equal(readsWholeZone(index.size), false);
    assert.equal(readsWholeZone(MAX_CHECKED_RECORDS), true);
    assert.equal(readsWholeZone(5, { maxRecords: 4 }), false);
  });
});
