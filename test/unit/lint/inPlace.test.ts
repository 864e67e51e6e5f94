// The pre-flight check reads the indexer's compact form in place: checking a zone of a million records must not
// make a million record objects on the editor's side (issue 11's budget). The other path, through records() and
// details(), is for indexes without that form; both must find the same.
import * as assert from 'node:assert/strict';
import { indexZoneFile, lintZone } from '../../../src/core';
import { lintRecords, type LintableIndex } from '../../../src/core/lint/index';
import { plainIndex } from './helpers';

const ZONE = [
  '$ORIGIN example.com.',
  '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 300',
  'www 300 IN A 192.0.2.1',
  'www 300 IN CNAME other.example.net.',
  'spf 300 IN SPF "v=spf1 -all"',
  'low 1 IN A 192.0.2.2',
  '',
].join('\n');

/** The same index, whose record-by-record reads fail the test: only the compact form may be read. */
function compactOnly(index: LintableIndex): LintableIndex {
  const fail = (what: string) => () => assert.fail(`the check read the zone through ${what}`);
  return Object.assign(Object.create(index) as LintableIndex, { records: fail('records()'), details: fail('details()') });
}

describe('lint: a compact index is read in place', () => {
  it('checks an indexed zone without reading one record through records() or details(), with the same findings', async () => {
    const index = await indexZoneFile('/zones/example.zone', { origin: 'example.com.', root: '/zones', text: ZONE });
    const inPlace = lintZone(compactOnly(index), { minTtl: 300 });
    assert.deepEqual(
      inPlace.findings.map((f) => [f.rule, f.line]),
      [
        ['cname-conflict', 4],
        ['unsupported-type', 5],
        ['ttl-range', 6],
      ],
    );
    assert.deepEqual(inPlace, lintZone(plainIndex(index), { minTtl: 300 }));
  });

  it('checks some records of an indexed zone (as the retry plan does) in place too', async () => {
    const index = await indexZoneFile('/zones/example.zone', { origin: 'example.com.', root: '/zones', text: ZONE });
    const www = index.lookup('www.example.com.');
    const inPlace = lintRecords(compactOnly(index), www);
    assert.deepEqual(inPlace.findings.map((f) => [f.rule, f.line]), [['cname-conflict', 4]]);
    assert.deepEqual(inPlace, lintRecords(plainIndex(index), www));
  });

  it('checks some records of an older compact form (no rdata positions: whole entries) as of the current one', async () => {
    const index = await indexZoneFile('/zones/example.zone', { origin: 'example.com.', root: '/zones', text: ZONE });
    const compact = (index as unknown as { compact: Record<string, unknown> }).compact;
    const older = Object.defineProperty(Object.create(index) as LintableIndex, 'compact', { value: { ...compact, recData: undefined } });
    const records = [...index.records()];
    const expected = lintRecords(index, records, { minTtl: 300 });
    assert.deepEqual(expected.findings.map((f) => [f.rule, f.line]), [['cname-conflict', 4], ['unsupported-type', 5], ['ttl-range', 6]]);
    assert.deepEqual(lintRecords(compactOnly(older), records, { minTtl: 300 }), expected);
  });
});
