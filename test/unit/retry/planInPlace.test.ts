// planRetry reads the failed names' records in place from the indexer's compact form (lint over a table of just
// those records). Against the same plan over the same index seen only through the ZoneIndex interface (records,
// lookup, details: every record through its strings) and against a lint of the whole zone file, on random zone
// files and failed items, it must give the very same plan: sets, skips, reasons, details, lines.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintZone } from '../../../src/core/lint/index';
import { planRetry } from '../../../src/core/retryPlan/plan';
import { indexZoneFile, type ZoneIndex } from '../../../src/core/zone/index';

/** The index without its compact form: lint and the plan then take the general path. */
function interfaceOnly(index: ZoneIndex): ZoneIndex {
  return {
    records: (file) => index.records(file),
    lookup: (name) => index.lookup(name),
    details: (record) => index.details(record),
    get apex() {
      return index.apex;
    },
    diagnostics: index.diagnostics,
    size: index.size,
    origin: index.origin,
    files: index.files,
  };
}

const OWNERS = ['@', 'www', 'WWW', 'mail', 'a', 'b.sub', 'sub', '*', 'x*y', 'long-' + 'l'.repeat(60)];
const LINES = [
  'A 192.0.2.1', 'A 192.0.2.2', 'A 999.1.1.1', 'AAAA 2001:DB8::1', 'AAAA zz::1', 'CNAME www', 'CNAME other.net.', 'MX 10 mail', 'MX 010 mail',
  'MX 10', 'TXT "v=spf1 -all"', 'TXT bare', 'TXT "a\\"b"', 'TXT ""', 'SPF "v=spf1 mx"', 'NS ns1.example.net.', 'SRV 10 60 5060 sip', 'CAA 0 issue "ca"',
  'CAA 0 bogus "x"', 'PTR host', 'A ( 192.0.2.3 ) ; comment',
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

describe('planRetry: in place against the general path', () => {
  it('gives the same plan over the compact form and over the interface alone, for any zone file and items', async () => {
    await fc.assert(
      fc.asyncProperty(zoneText, fc.array(item, { maxLength: 12 }), fc.constantFrom(undefined, 1, 300), async (text, items, minTtl) => {
        const index = await indexZoneFile('/virtual/example.com.zone', { origin: 'example.com.', root: '/virtual', text });
        const input = minTtl === undefined ? {} : { minTtl };
        const fast = planRetry({ items, zones: [index], ...input });
        const general = planRetry({ items, zones: [interfaceOnly(index)], ...input });
        assert.deepEqual(fast, general);
        // And every lint-error skip is an error finding that a lint of the whole file reports on that line.
        const errors = lintZone(index, input).findings.filter((f) => f.severity === 'error');
        for (const s of fast.skipped.filter((x) => x.reason === 'lint-error')) {
          assert.ok(errors.some((f) => f.line === s.line && f.file === s.file && s.detail.endsWith(f.message)), `${s.item}: ${s.detail}`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
