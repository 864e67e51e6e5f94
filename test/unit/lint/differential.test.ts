// The rule engine was rebuilt for speed (issue 11, section 5); its results must not change. This compares it
// with a frozen copy of the engine as it was before (reference/) on generated zones in which every rule fires:
// shared owners holding many types, sets over 50 values, mixed and out-of-range TTLs, duplicates written
// differently, names with escapes and stars, $ORIGIN changes, an $INCLUDEd file, a $GENERATE range, broken lines.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { indexZoneFile, lintZone, LINT_RULE_IDS, type LintResult, type LintRule } from '../../../src/core';
import type { LintableIndex } from '../../../src/core/lint/index';
import { tableFromCompact, tableFromIndex, type CompactRecords } from '../../../src/core/lint/table';
import { lintTable as referenceLintTable } from './reference/engine';
import { plainIndex } from './helpers';
import { withTempDirIn } from '../../support/tempDir';

let tmp: string;

/** What lintZone did before: the same table, read by the reference engine. */
function referenceLint(index: LintableIndex, minTtl?: number): LintResult {
  const compact = (index as { compact?: CompactRecords }).compact;
  const table = (compact && tableFromCompact(compact)) ?? tableFromIndex(index, 10_000_000);
  return referenceLintTable(table, { ...(minTtl === undefined ? {} : { minTtl }), diagnostics: index.diagnostics });
}

const OWNERS = ['@', 'www', 'mail', 'a.b', 'WWW', 'www.example.com.', 'x\\.y', '\\065bc', '*', '*.w', 'a*b', 'x.*', 'out.example.org.',
  'sub', 'l'.repeat(64), `${'abcdefghij.'.repeat(24)}z`, `${'a.'.repeat(17)}z`, 'deep.sub', '_sip._tcp'];
const TTLS = ['', '300 ', '600 ', '0 ', '2147483648 ', '1h ', 'IN ', '300 IN ', 'IN 60 '];
const VALUES: Record<string, string[]> = {
  A: ['192.0.2.1', '192.0.2.1', '192.0.2.01', '300.1.1.1', '10.0.0.1 10.0.0.2', '"1.2.3.4"', '\\# 4 c0000201'],
  AAAA: ['2001:db8::1', '2001:DB8:0:0::1', '::ffff:1.2.3.4', '2001:db8:::1', 'fe80::1%eth0'],
  CNAME: ['target', 'target.example.com.', 'TARGET', '@', 'a..b', '.', 'two words'],
  MX: ['10 mail', '10 mail.example.com.', '010 MAIL', '0 .', '70000 mx', 'mx', '10 a..b'],
  TXT: ['"hello"', '"hello"', 'hello', '""', '"a\\"b"', `"${'x'.repeat(256)}"`, Array.from({ length: 17 }, () => `"${'y'.repeat(250)}"`).join(' '), '"multi" ( "line" )'],
  SRV: ['10 60 5060 sip', '10 60 5060 sip.example.com.', '10 60 5060 .', '10 60 sip', '1 2 70000 x'],
  NS: ['ns1', 'ns1.example.net.', 'NS1', '@'],
  CAA: ['0 issue "ca.example"', '0 ISSUE "ca.example"', '256 issue "x"', '0 tbs "x"', '0 issue'],
  PTR: ['host.example.com.'], HINFO: ['"x" "y"'], TYPE1: ['192.0.2.1'], TYPE5: ['target'], TYPE65534: ['\\# 0'],
};
const TYPES = Object.keys(VALUES);

/** One zone line (or a few) from a choice of owner, TTL/class, type and value. */
const lineArb = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.nat(OWNERS.length - 1), fc.nat(TTLS.length - 1), fc.nat(TYPES.length - 1), fc.nat(20), fc.boolean()).map(([o, t, ty, v, blank]) => {
    const type = TYPES[ty] as string;
    const values = VALUES[type] as string[];
    return `${blank ? '\t' : OWNERS[o]} ${TTLS[t]}${type} ${values[v % values.length]}`;
  }) },
  // a set over 50 values
  { weight: 1, arbitrary: fc.integer({ min: 49, max: 55 }).map((n) => Array.from({ length: n }, (_, k) => `big ${k % 7 === 0 ? '60 ' : ''}A 10.1.${k >> 8}.${k & 255}`).join('\n')) },
  { weight: 1, arbitrary: fc.constantFrom('$ORIGIN sub.example.com.', '$ORIGIN example.com.', '$ORIGIN other.', '$TTL 120', '$TTL 0',
    '$INCLUDE inc.db', '$GENERATE 1-3 gen$ A 10.9.9.$', 'broken "unclosed', 'bad ( A 1.2.3.4', '$BOGUS x', '; comment only') },
);

const SOA = '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 300';
const INCLUDED = 'inc 300 A 192.0.2.9\ninc 600 A 192.0.2.10\nwww CNAME elsewhere\ninc 300 A 192.0.2.9\n';

/** Lints the text with the engine now and the reference, through the compact and the generic path; returns now's. */
async function bothEngines(text: string, minTtl?: number): Promise<LintResult> {
  fs.writeFileSync(path.join(tmp, 'inc.db'), INCLUDED);
  const file = path.join(tmp, 'zone.db');
  fs.writeFileSync(file, text);
  const index = await indexZoneFile(file, { origin: 'example.com.', root: tmp });
  const options = minTtl === undefined ? {} : { minTtl };
  const now = lintZone(index, options);
  assert.deepStrictEqual(now, referenceLint(index, minTtl), 'compact path: the same findings as before');
  const generic = plainIndex(index);
  assert.deepStrictEqual(lintZone(generic, options), referenceLint(generic, minTtl), 'generic path: the same findings as before');
  return now;
}

describe('lint: differential against the engine before the speed work', () => {
  withTempDirIn('lint-diff-', (dir) => (tmp = dir));
  it('finds exactly what it found before on random zones, and every rule fires somewhere', async function () {
    this.timeout(180_000);
    const fired = new Set<LintRule>();
    await fc.assert(fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 80 }), fc.constantFrom(undefined, 1, 300), async (lines, minTtl) => {
      const now = await bothEngines([SOA, ...lines].join('\n'), minTtl);
      for (const f of now.findings) fired.add(f.rule);
    }), { numRuns: 200, seed: 11 });
    // too-many-for-one-task needs 10,001 record sets: one zone below does it.
    const missing = LINT_RULE_IDS.filter((r) => !fired.has(r) && r !== 'too-many-for-one-task');
    assert.deepEqual(missing, [], 'every rule fired in the generated zones');
  });

  it('agrees on a zone of over 10,000 record sets with findings spread through it', async function () {
    this.timeout(60_000);
    const lines = [SOA, '\tNS ns1.example.net.'];
    for (let k = 0; k < 10_200; k++) {
      const h = `h${k}`;
      switch (k % 9) {
        case 0: lines.push(`${h} PTR x.example.com.`); break;
        case 1: lines.push(`${h} 300 MX 10 mx`, `\t600 MX 20 mx2`); break;
        case 2: lines.push(`${h} TXT "a\\\\b"`); break;
        case 3: lines.push(`${h} CNAME t`, `${h} A 192.0.2.${k & 255}`); break;
        case 4: lines.push(`${h} AAAA 2001:db8::${k.toString(16)}`, `\tAAAA 2001:DB8::${k.toString(16)}`); break;
        default: lines.push(`${h} A 10.0.${k >> 8 & 255}.${k & 255}`);
      }
    }
    const now = await bothEngines(lines.join('\n'));
    assert.ok(now.findings.some((f) => f.rule === 'too-many-for-one-task'));
    assert.ok(now.recordSets > 10_000);
  });
});
