// diffZone against a plain reference written straight from the rules (issue 13): key every set by its
// normalised name and upper-case type, match each file set with the first live set of its key, compare values
// as sorted sets of normalizeRecordValue and TTLs unless ignored. The fast one (one hash lookup per set,
// IPv6 compared as numbers) must give the very same result on any input: duplicates, resolution lines,
// system and inactive sets, odd spellings.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffZone, isActiveStatus, isSystemLiveSet, normalizeRecordValue, recordSetKey, type LiveRecordSet, type RetryRecordSet, type ZoneDiff } from '../../../src/core';

const APEX = 'example.com.';

function referenceDiff(file: readonly RetryRecordSet[], live: readonly LiveRecordSet[], apex: string, ignoreTtl: boolean): ZoneDiff {
  const out: ZoneDiff = { same: [], onlyInFile: [], onlyLive: [], differs: [], inactive: [] };
  const present = live.filter((s) => !isSystemLiveSet(s, apex));
  out.inactive = present.filter((s) => !isActiveStatus(s.status));
  const active = present.filter((s) => isActiveStatus(s.status));
  const first = new Map<string, LiveRecordSet>();
  for (const s of active) if (!first.has(recordSetKey(s.name, s.type))) first.set(recordSetKey(s.name, s.type), s);
  const used = new Set<LiveRecordSet>();
  const canon = (type: string, values: readonly string[]) => [...new Set(values.map((v) => normalizeRecordValue(type, v, apex)))].sort();
  for (const set of file) {
    const match = first.get(recordSetKey(set.name, set.type));
    if (!match || used.has(match)) {
      out.onlyInFile.push(set);
      continue;
    }
    used.add(match);
    const fields: ('records' | 'ttl')[] = [];
    if (JSON.stringify(canon(set.type, set.records)) !== JSON.stringify(canon(set.type, match.records))) fields.push('records');
    if (!ignoreTtl && set.ttl !== match.ttl) fields.push('ttl');
    if (fields.length === 0) out.same.push({ name: set.name, type: set.type });
    else out.differs.push({ file: set, live: match, fields });
  }
  out.onlyLive = active.filter((s) => !used.has(s));
  return out;
}

const owner = fc.constantFrom('www', 'WWW', 'mail', 'a', '@', 'sub', 'x.sub');
const nameOf = (o: string, dot: boolean, upper: boolean) => {
  const n = o === '@' ? 'example.com' : `${o}.example.com`;
  return (upper ? n.toUpperCase() : n) + (dot ? '.' : '');
};
const type = fc.constantFrom('A', 'AAAA', 'aaaa', 'TXT', 'MX', 'CNAME', 'NS', 'SOA', 'TYPE6', 'TYPE2', 'CAA', 'SRV');
const value = fc.constantFrom(
  '192.0.2.1', ' 192.0.2.1', '192.0.2.2', '2001:db8::1', '2001:DB8:0:0::1', '2001:db8::2', '::ffff:192.0.2.1', '::ffff:c000:201', 'not-an-address', '2001:db8::1::2',
  '"v=spf1 -all"', 'v=spf1', '"a"  "b"', '"a" "b"', '10 mail', '010 mail.example.com.', '10 MAIL.example.com.', 'www', 'www.example.com.',
  '0 issue "ca.example"', '0 ISSUE ca.example', '10 60 5060 sip', '10 60 5060 sip.example.com.',
);
const fileSet = fc.record({ o: owner, dot: fc.boolean(), upper: fc.boolean(), type, ttl: fc.constantFrom(300, 3600), records: fc.array(value, { minLength: 1, maxLength: 3 }) })
  .map((r): RetryRecordSet => ({ zone_name: APEX, name: nameOf(r.o, r.dot, r.upper), type: r.type, ttl: r.ttl, records: r.records }));
const liveSet = fc.record({ o: owner, dot: fc.boolean(), upper: fc.boolean(), type, ttl: fc.constantFrom(300, 3600), records: fc.array(value, { minLength: 1, maxLength: 3 }),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'active', 'PENDING_CREATE', 'PENDING_UPDATE', 'DISABLE', 'ERROR'), def: fc.constantFrom(undefined, undefined, true, false) })
  .map((r): LiveRecordSet => ({ id: 'x', name: nameOf(r.o, r.dot, r.upper), type: r.type, ttl: r.ttl, records: r.records, status: r.status, ...(r.def === undefined ? {} : { default: r.def }) }));

/**
 * Owners for zones of hundreds of sets: many distinct names (so the live table probes past collisions and wraps
 * around), each spelled several ways, and names ownerKey has to rewrite (escapes, upper case, blanks, no dot).
 */
const manyOwners = fc.tuple(fc.nat(150), fc.nat(9)).map(([i, spelling]) => {
  const odd = ['a..b', 'x\\.y', '\\065b', 'ab', 'Ä', '*', '_sip._tcp', 'a b', '', '.'][i % 10]!;
  const base = i < 140 ? `h${i}` : odd;
  const n = base === '' ? 'example.com' : `${base}.example.com`;
  return [n + '.', n, n.toUpperCase() + '.', `${n.slice(0, 1).toUpperCase()}${n.slice(1)}`, n + '.', n + '.', n + '.', n + '.', n, n + '.'][spelling]!;
});
const manyTypes = fc.constantFrom('A', 'A', 'A', 'AAAA', 'TXT', 'MX', 'CNAME', 'NS', 'SOA', 'a');
const bigFileSet = fc.record({ name: manyOwners, type: manyTypes, ttl: fc.constantFrom(300, 3600), records: fc.array(value, { minLength: 1, maxLength: 2 }) })
  .map((r): RetryRecordSet => ({ zone_name: APEX, ...r }));
const bigLiveSet = fc.record({ name: manyOwners, type: manyTypes, ttl: fc.constantFrom(300, 3600), records: fc.array(value, { minLength: 1, maxLength: 2 }),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'PENDING_UPDATE', 'ERROR'), def: fc.constantFrom(undefined, undefined, undefined, true) })
  .map((r): LiveRecordSet => ({ id: 'x', name: r.name, type: r.type, ttl: r.ttl, records: r.records, status: r.status, ...(r.def === undefined ? {} : { default: r.def }) }));

describe('diffZone against the reference', () => {
  it('gives the same diff on any file and live sets, with and without ignoreTtl', () => {
    fc.assert(
      fc.property(fc.array(fileSet, { maxLength: 12 }), fc.array(liveSet, { maxLength: 12 }), fc.boolean(), fc.constantFrom(APEX, 'EXAMPLE.com', 'example.com'), (file, live, ignoreTtl, apex) => {
        assert.deepEqual(diffZone(file, live, { apex, ignoreTtl }), referenceDiff(file, live, apex, ignoreTtl));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same diff on zones of hundreds of sets over many owners, duplicates and odd spellings included', () => {
    fc.assert(
      fc.property(fc.array(bigFileSet, { minLength: 100, maxLength: 600, size: 'max' }), fc.array(bigLiveSet, { minLength: 100, maxLength: 600, size: 'max' }), fc.boolean(), (file, live, ignoreTtl) => {
        assert.deepEqual(diffZone(file, live, { apex: APEX, ignoreTtl }), referenceDiff(file, live, APEX, ignoreTtl));
      }),
      { numRuns: 80 },
    );
  });

  it('matches every set of a large zone listed in another order by the server', () => {
    const sets = Array.from({ length: 5000 }, (_, i): RetryRecordSet => ({ zone_name: APEX, name: `h${i}.example.com.`, type: ['A', 'TXT', 'MX'][i % 3]!, ttl: 300, records: [['192.0.2.1', '"t"', '10 mail.example.com.'][i % 3]!] }));
    // A fixed shuffle (a multiplicative permutation of 0..4999), some sets renamed in upper case as a server may.
    const live = sets.map((_, i) => sets[(i * 2713) % sets.length]!).map((s, i): LiveRecordSet => ({ id: String(i), name: i % 7 === 0 ? s.name.toUpperCase() : s.name, type: s.type, ttl: s.ttl, records: s.records, status: 'ACTIVE' }));
    const d = diffZone(sets, [...live, { ...live[0]!, id: 'another line' }], { apex: APEX });
    assert.equal(d.same.length, sets.length);
    assert.deepEqual(d.onlyLive.map((s) => s.id), ['another line']);
    assert.equal(d.onlyInFile.length + d.differs.length + d.inactive.length, 0);
  });
});
