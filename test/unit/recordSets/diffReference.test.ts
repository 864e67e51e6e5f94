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

describe('diffZone against the reference', () => {
  it('gives the same diff on any file and live sets, with and without ignoreTtl', () => {
    fc.assert(
      fc.property(fc.array(fileSet, { maxLength: 12 }), fc.array(liveSet, { maxLength: 12 }), fc.boolean(), fc.constantFrom(APEX, 'EXAMPLE.com', 'example.com'), (file, live, ignoreTtl, apex) => {
        assert.deepEqual(diffZone(file, live, { apex, ignoreTtl }), referenceDiff(file, live, apex, ignoreTtl));
      }),
      { numRuns: 3000 },
    );
  });
});
