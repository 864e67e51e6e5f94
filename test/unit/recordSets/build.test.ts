// recordSetsOfZone over an index's records and details: grouping, order, duplicates, TTLs, what is left out.
import * as assert from 'node:assert/strict';
import { recordSetsOfZone, type IndexWithDetails, type ZoneRecord } from '../../../src/core';

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

  it('writes zone_name and names absolute with a trailing dot, whatever the apex spelling', () => {
    const sets = recordSetsOfZone(fakeIndex('Example.COM', [{ name: 'a.example.com.', type: 'A', ttl: 1, rdata: '192.0.2.1' }]));
    assert.equal(sets[0]!.zone_name, 'example.com.');
  });
});
