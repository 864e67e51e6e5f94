// Which owner is the zone's apex decides two things a person sees: its NS records are the system's (an `apex-ns`
// note instead of the other rules, and no record set counted), and every other owner is checked like any name.
// The apex is found by name on each path (the compact form read whole, some of its records read in place for the
// retry plan, and any other index), so each case here has a name that only looks like the apex: one of the
// apex's byte length (an out-of-zone `example.org.` beside `example.com.`), or a prefix of it (`example.`).
import * as assert from 'node:assert/strict';
import { indexZoneFile, lintZone, type ZoneIndex } from '../../../src/core';
import { lintRecords } from '../../../src/core/lint/index';
import type { LintResult } from '../../../src/core/lint/rules';
import { plainIndex } from './helpers';

const SOA = '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 300';

const index = (text: string): Promise<ZoneIndex> => indexZoneFile('/zones/example.zone', { origin: 'example.com.', root: '/zones', text });

/** Rule, line and (for names) the name of each finding, which is what the Problems panel shows. */
const seen = (r: LintResult) => r.findings.map((f) => `${f.rule} ${f.line}${f.rule === 'apex-ns' ? '' : ` ${f.name}`}`);

/** lintZone in place and through records()/details(), which must agree. */
function both(idx: ZoneIndex): LintResult {
  const inPlace = lintZone(idx);
  assert.deepEqual(lintZone(plainIndex(idx)), inPlace);
  return inPlace;
}

/** lintRecords over the records at `names` (in file order): in place, as the retry plan reads them, and through details(). */
function atNames(idx: ZoneIndex, names: readonly string[]): LintResult {
  const records = names.flatMap((n) => idx.lookup(n)).sort((a, b) => a.line - b.line);
  const inPlace = lintRecords(idx, records);
  assert.deepEqual(lintRecords(plainIndex(idx), records), inPlace);
  return inPlace;
}

describe('lint: the apex is the zone\'s own name, on every path', () => {
  it('finds the apex after 70 other owners, past a name of the same length, and reads only its NS as the system\'s', async () => {
    const hosts = Array.from({ length: 70 }, (_, k) => `h${k} 300 IN A 192.0.2.${k + 1}`);
    const text = ['example.org. 300 IN A 192.0.2.200', ...hosts, SOA, '@ 3600 IN NS ns1.example.net.', '@ 3600 IN NS ns2.example.net.', ''].join('\n');
    const r = both(await index(text));
    assert.deepEqual(seen(r), ['out-of-zone 1 example.org.', 'apex-ns 73', 'apex-ns 74']);
    // The A sets of example.org. and of the 70 hosts; not the SOA, nor the apex NS the system keeps.
    assert.equal(r.recordSets, 71);
  });

  it('a zone with no record at the apex has no apex NS: a delegation below it is checked and counted', async () => {
    const text = ['www 300 IN A 192.0.2.1', 'sub 0 IN NS ns1.example.net.', ''].join('\n');
    const r = both(await index(text));
    assert.deepEqual(seen(r), ['ttl-range 2 sub.example.com.']);
    assert.equal(r.recordSets, 2);
  });
});

describe('lint: the apex among some records read in place (the retry plan\'s check of its failed names)', () => {
  // The apex is not the first owner of the file, so its name is not first in the index's name bytes either.
  const ZONE = [
    'www 300 IN A 192.0.2.1',
    SOA,
    '@ 3600 IN NS ns1.example.net.',
    '@ 3600 IN NS ns2.example.net.',
    '@ 300 IN TXT "v=spf1 -all"',
    'example.org. 300 IN NS ns1.example.net.',
    'example. 300 IN NS ns1.example.net.',
    'sub 0 IN NS ns1.example.net.',
    '',
  ].join('\n');

  it('the apex\'s NS records are the system\'s: a note each, and only its TXT set counted', async () => {
    const idx = await index(ZONE);
    const r = atNames(idx, ['example.com.']);
    assert.deepEqual(seen(r), ['apex-ns 3', 'apex-ns 4']);
    assert.equal(r.recordSets, 1);
    const withOthers = atNames(idx, ['www.example.com.', 'example.com.']);
    assert.deepEqual(seen(withOthers), ['apex-ns 3', 'apex-ns 4']);
    assert.equal(withOthers.recordSets, 2);
  });

  it('an out-of-zone name of the apex\'s length, or a prefix of it, is no apex: its NS is out of zone', async () => {
    const idx = await index(ZONE);
    assert.deepEqual(seen(atNames(idx, ['example.org.'])), ['out-of-zone 6 example.org.']);
    assert.deepEqual(seen(atNames(idx, ['example.'])), ['out-of-zone 7 example.']);
    assert.deepEqual(seen(atNames(idx, ['example.', 'example.com.'])), ['apex-ns 3', 'apex-ns 4', 'out-of-zone 7 example.']);
    assert.deepEqual(seen(atNames(idx, ['example.com.', 'example.org.'])), ['apex-ns 3', 'apex-ns 4', 'out-of-zone 6 example.org.']);
  });

  it('without the apex among them, a delegation\'s NS is checked like any record (its TTL of 0 too)', async () => {
    const idx = await index(ZONE);
    const r = atNames(idx, ['www.example.com.', 'sub.example.com.']);
    assert.deepEqual(seen(r), ['ttl-range 8 sub.example.com.']);
    assert.equal(r.recordSets, 2);
  });
});
