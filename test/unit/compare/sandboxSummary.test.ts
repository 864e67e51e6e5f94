// The sandbox comparison's expectation (SANDBOX_COMPARE_EXPECTED, and the summary counted from it) derived from
// the fixture files and the fake gateway's seed with the core functions: editing example.com.zone, its includes
// or sandboxZones() so that a set moves fails here, naming the set, instead of silently changing a count that
// the integration and UI tests take for granted.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { countsOf, summaryText } from '../../../src/compare/summary';
import { createDnsClient, diffZone, indexZoneFile, recordSetsOfZone, type LiveRecordSet, type ZoneDiff } from '../../../src/core';
import { SANDBOX_COMPARE_EXPECTED, SANDBOX_COMPARE_SUMMARY, SANDBOX_CREDENTIALS, SANDBOX_ZONE_ID, sandboxZones, startFakeGateway } from '../../support/fakeGateway';

const ROOT = path.resolve(__dirname, '../../../../test/fixtures/workspace');
const english = (message: string, ...args: string[]): string => message.replace(/\{(\d+)\}/g, (_, k: string) => args[Number(k)] ?? '');
const label = (s: { name: string; type: string }): string => `${s.name} ${s.type}`;

function byCategory(d: ZoneDiff): Record<keyof typeof SANDBOX_COMPARE_EXPECTED, string[]> {
  return {
    inSync: d.same.map(label),
    missingLive: d.onlyInFile.map(label),
    differ: d.differs.map((x) => label(x.file)),
    onlyLive: d.onlyLive.map(label),
    inactive: d.inactive.map(label),
  };
}

describe('the sandbox comparison (fixture example.com.zone against sandboxZones())', () => {
  let live: LiveRecordSet[];
  let fileSets: ReturnType<typeof recordSetsOfZone>;
  let apex: string;

  before(async () => {
    const index = await indexZoneFile(path.join(ROOT, 'zones', 'example.com.zone'), { origin: 'example.com.', root: ROOT });
    assert.deepEqual(index.files.map((f) => path.relative(ROOT, f).split(path.sep).join('/')), ['zones/example.com.zone', 'zones/includes/hosts.example.com.db', 'zones/includes/batch.example.com.db']);
    apex = index.apex;
    fileSets = recordSetsOfZone(index);
    // The live side as the extension reads it: through the signed client, from the gateway seeded with sandboxZones().
    const gw = await startFakeGateway({ zones: sandboxZones() });
    const client = createDnsClient({ endpoint: gw.url, credentials: SANDBOX_CREDENTIALS });
    try {
      const zone = await client.findZone(apex);
      assert.equal(zone?.id, SANDBOX_ZONE_ID);
      live = await client.listRecordSets(zone.id);
    } finally {
      await client.close();
      await gw.close();
    }
  });

  it('puts every set where SANDBOX_COMPARE_EXPECTED says', () => {
    assert.deepEqual(byCategory(diffZone(fileSets, live, { apex })), SANDBOX_COMPARE_EXPECTED);
  });

  it('gives the summary counted from those lists', () => {
    const summary = summaryText(countsOf([diffZone(fileSets, live, { apex })]), english);
    assert.equal(summary, SANDBOX_COMPARE_SUMMARY);
    assert.equal(summary, '8 in sync, 23 missing live, 2 differ, 1 only live, 1 inactive');
  });

  it('with ignoreTtl, the set that differs only by TTL (* A) is in sync; mail A still differs by its value', () => {
    const d = byCategory(diffZone(fileSets, live, { apex, ignoreTtl: true }));
    assert.deepEqual(d.differ, ['mail.example.com. A']);
    assert.deepEqual([...d.inSync].sort(), [...SANDBOX_COMPARE_EXPECTED.inSync, '*.example.com. A'].sort());
  });
});
