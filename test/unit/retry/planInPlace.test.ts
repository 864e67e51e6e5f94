// planRetry plans indexes from indexZoneFile in place (retryPlan/inPlace.ts: records as positions in the compact
// form, lint over a table of just the failed names' records). Against the plan over the same indexes seen only
// through the ZoneIndex interface (planThroughInterface: records, lookup, details, every record as an object) and
// against a lint of the whole zone file, on random zone files (one or two, with includes), failed items and live
// copies, it must give the very same plan: sets, skips, reasons, details, lines.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintZone } from '../../../src/core/lint/index';
import { planRetry, planThroughInterface } from '../../../src/core/retryPlan/plan';
import type { LiveRecordSet } from '../../../src/core/recordSets/types';
import { indexZoneFile, type ZoneIndex } from '../../../src/core/zone/index';
import { interfaceOnly } from './interfaceOnly';

const OWNERS = ['@', 'www', 'WWW', 'mail', 'a', 'b.sub', 'sub', '*', 'x*y', 'long-' + 'l'.repeat(60)];
const LINES = [
  'A 192.0.2.1', 'A 192.0.2.2', 'A 999.1.1.1', 'AAAA 2001:DB8::1', 'AAAA zz::1', 'CNAME www', 'CNAME other.net.', 'MX 10 mail', 'MX 010 mail',
  'MX 10', 'TXT "v=spf1 -all"', 'TXT bare', 'TXT "a\\"b"', 'TXT ""', 'SPF "v=spf1 mx"', 'NS ns1.example.net.', 'SRV 10 60 5060 sip', 'CAA 0 issue "ca"',
  'CAA 0 bogus "x"', 'PTR host', 'A ( 192.0.2.3 ) ; comment',
  // RFC 3597 spellings: TYPE2 is NS (one set with an NS beside it), TYPE1 is A; a lower-case type word.
  'NS ns2', 'TYPE2 ns3', 'TYPE1 \\# 4 c0000201', 'a 192.0.2.9', 'TXT ( "open"',
  // A syntax error on a later line of a record that spans lines keeps its set back.
  'TXT ( "a"\n  "unclosed\n  )',
];
const MESSAGES = [
  'Insufficient record set quota.', 'System busy, please try again later.', 'Duplicate recordset exists.(name: x., type: A, line: default_view)',
  'Invalid record value.(name: x, type: TXT)', "Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'.",
  'The zone does not exist.', 'Something new.',
];

const line = fc.record({ owner: fc.constantFrom(...OWNERS), ttl: fc.constantFrom('', '0 ', '60 ', '300 ', '3600 '), rr: fc.constantFrom(...LINES) })
  .map(({ owner, ttl, rr }) => `${owner} ${ttl}IN ${rr}`);
const zoneText = fc.array(line, { minLength: 1, maxLength: 30 }).map((lines) => ['$ORIGIN example.com.', '$TTL 3600', '@ IN SOA ns1 hostmaster 1 7200 900 1209600 300', '@ IN NS ns1.example.net.', ...lines, ''].join('\n'));
const item = fc.record({ name: fc.constantFrom(...OWNERS.filter((o) => o !== '@'), 'example.com.', 'missing'), upper: fc.boolean(), dot: fc.boolean(), message: fc.constantFrom(...MESSAGES) })
  .map(({ name, upper, dot, message }) => {
    const n = name === 'example.com.' ? name : `${name}.example.com${dot ? '.' : ''}`;
    return { item: upper ? n.toUpperCase() : n, errorMessage: message };
  });

/** A second zone file: the same zone again (names in both are ambiguous) or another one. */
const otherZone = fc.option(fc.record({ same: fc.boolean(), text: zoneText }), { nil: undefined });
/** Lines of an included file, $INCLUDEd at the end of the first zone file (its records keep their own file). */
const included = fc.option(fc.array(line, { minLength: 1, maxLength: 8 }), { nil: undefined });

async function indexes(text: string, other: { same: boolean; text: string } | undefined, inc: string[] | undefined): Promise<ZoneIndex[]> {
  const entry = inc ? `${text}$INCLUDE inc.db\n` : text;
  const first = await indexZoneFile('/virtual/example.com.zone', {
    origin: 'example.com.', root: '/virtual', text: entry, ...(inc ? { includedTexts: { '/virtual/inc.db': inc.join('\n') + '\n' } } : {}),
  });
  if (!other) return [first];
  const origin = other.same ? 'example.com.' : 'other.net.';
  const text2 = other.same ? other.text : other.text.replace(/example\.com\./g, 'other.net.');
  return [first, await indexZoneFile(`/virtual/${origin}zone`, { origin, root: '/virtual', text: text2 })];
}

/** Live copies of some of the sets a plan sends: equal, or with another TTL or status. */
function liveOf(sets: readonly { name: string; type: string; ttl: number; records: string[] }[], picks: readonly number[]): LiveRecordSet[] {
  return sets.flatMap((s, k) => {
    const pick = picks[k % Math.max(1, picks.length)] ?? 0;
    if (pick === 0) return [];
    return [{ id: `id${k}`, name: s.name.toUpperCase(), type: s.type, ttl: pick === 2 ? s.ttl + 1 : s.ttl, records: [...s.records].reverse(), status: pick === 3 ? 'ERROR' : 'ACTIVE' }];
  });
}

describe('planRetry: in place against the general path', () => {
  it('gives the same plan over the compact form and over the interface alone, for any zone files, items and live copies', async () => {
    await fc.assert(
      fc.asyncProperty(zoneText, otherZone, included, fc.array(item, { maxLength: 12 }), fc.constantFrom(undefined, 1, 300), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }),
        async (text, other, inc, items, minTtl, picks) => {
          const zones = await indexes(text, other, inc);
          const input = minTtl === undefined ? {} : { minTtl };
          const fast = planRetry({ items, zones, ...input });
          const general = planThroughInterface({ items, zones: zones.map(interfaceOnly), ...input });
          assert.deepEqual(fast, general);
          // With live copies of what it sends: the same live-identical skips.
          const live = liveOf(general.recordsets, picks);
          assert.deepEqual(planRetry({ items, zones, live, ...input }), planThroughInterface({ items, zones: zones.map(interfaceOnly), live, ...input }));
          // And every lint-error skip is an error finding that a lint of the whole file reports on that line.
          const errors = zones.flatMap((z) => lintZone(z, input).findings.filter((f) => f.severity === 'error'));
          for (const s of fast.skipped.filter((x) => x.reason === 'lint-error')) {
            assert.ok(errors.some((f) => f.line === s.line && f.file === s.file && s.detail.endsWith(f.message)), `${s.item}: ${s.detail}`);
          }
        }),
      { numRuns: 400 },
    );
  });

  it('sends a TYPE2 record at a name below the apex as that name\'s NS set (RFC 3597), on both paths', async () => {
    const text = ['$ORIGIN example.com.', '$TTL 3600', '@ IN SOA ns1 hostmaster 1 7200 900 1209600 300', '@ IN NS ns1.example.net.', 'sub IN NS ns1.sub', 'sub IN TYPE2 ns2.sub', ''].join('\n');
    const index = await indexZoneFile('/virtual/example.com.zone', { origin: 'example.com.', root: '/virtual', text });
    const items = [{ item: 'sub.example.com', errorMessage: 'Insufficient record set quota.' }];
    const expected = [{ zone_name: 'example.com.', name: 'sub.example.com.', type: 'NS', ttl: 3600, records: ['ns1.sub.example.com.', 'ns2.sub.example.com.'] }];
    for (const zones of [[index], [interfaceOnly(index)]]) {
      const p = planRetry({ items, zones });
      assert.deepEqual(p.recordsets, expected);
      assert.deepEqual(p.skipped, []);
    }
  });
});
