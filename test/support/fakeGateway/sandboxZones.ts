// The sandbox's live zone example.com.: what the zone holds after the sandbox's `exampleCom` task, next to the
// fixture zone file (test/fixtures/workspace/zones/example.com.zone and its include). Spelled the way the
// service stores values (absolute, lower-case, canonical) where the file spells them otherwise, so "Compare
// with Live Zone" shows only real differences:
//   in sync (8): ns1 A, www A/AAAA/TXT, mail MX, sip A, db1 A, backup A;
//   missing live (23): api CNAME, _sip._tcp SRV, ftp A (their import failed, or the line came later), and
//   batch1 … batch20 A (the 20 failed items of the sandbox's `pendingShort` task, includes/batch.example.com.db);
//   differ (2): mail A (another address), * A (TTL 300 instead of 3600);
//   only live (1): old A; inactive (1): legacy TXT (DISABLE).
// SANDBOX_COMPARE_EXPECTED lists each set by name; the summary is counted from those lists, and a unit test
// (test/unit/compare/sandboxSummary.test.ts) derives the lists from the fixture files and these zones with the
// core functions, so an edit to either side that moves a set fails there, naming the set.
import { summaryText } from '../../../src/compare/summary';
import type { FakeZone } from './zones';

export const SANDBOX_ZONE_ID = 'ff8080829a0b1c2d019a0b1c2d3e7001';

/** Where each set of the fixture example.com.zone (and its includes) falls against sandboxZones(), in diff order. */
export const SANDBOX_COMPARE_EXPECTED = {
  /** Same values and TTL on both sides (the file spells www AAAA, api's target and the includes' names relatively). */
  inSync: ['ns1.example.com. A', 'www.example.com. A', 'www.example.com. AAAA', 'www.example.com. TXT', 'mail.example.com. MX', 'sip.example.com. A', 'db1.example.com. A', 'backup.example.com. A'],
  /** In the file, not live: the sandbox's failed or later lines, and batch1 … batch20 of the running task. */
  missingLive: ['api.example.com. CNAME', '_sip._tcp.example.com. SRV', 'ftp.example.com. A', ...Array.from({ length: 20 }, (_, i) => `batch${i + 1}.example.com. A`)],
  /** mail A: another address live (192.0.2.26); * A: TTL 300 live, 3600 in the file (in sync with ignoreTtl). */
  differ: ['mail.example.com. A', '*.example.com. A'],
  onlyLive: ['old.example.com. A'],
  /** DISABLE: set aside. */
  inactive: ['legacy.example.com. TXT'],
} as const;

const english = (message: string, ...args: string[]): string => message.replace(/\{(\d+)\}/g, (_, k: string) => args[Number(k)] ?? '');

/** The summary "Compare with Live Zone" gives for the fixture example.com.zone against sandboxZones(). */
export const SANDBOX_COMPARE_SUMMARY = summaryText(
  {
    inSync: SANDBOX_COMPARE_EXPECTED.inSync.length,
    missingLive: SANDBOX_COMPARE_EXPECTED.missingLive.length,
    differ: SANDBOX_COMPARE_EXPECTED.differ.length,
    onlyLive: SANDBOX_COMPARE_EXPECTED.onlyLive.length,
    inactive: SANDBOX_COMPARE_EXPECTED.inactive.length,
  },
  english,
);

export function sandboxZones(): FakeZone[] {
  return [
    {
      id: SANDBOX_ZONE_ID,
      name: 'example.com.',
      recordsets: [
        { name: 'ns1.example.com.', type: 'A', ttl: 3600, records: ['192.0.2.1'] },
        { name: 'www.example.com.', type: 'A', ttl: 300, records: ['192.0.2.10'] },
        { name: 'www.example.com.', type: 'AAAA', ttl: 3600, records: ['2001:db8::10'] },
        { name: 'www.example.com.', type: 'TXT', ttl: 3600, records: ['"v=spf1 -all"'] },
        { name: 'mail.example.com.', type: 'MX', ttl: 3600, records: ['10 mail.example.com.'] },
        { name: 'mail.example.com.', type: 'A', ttl: 3600, records: ['192.0.2.26'] },
        { name: '*.example.com.', type: 'A', ttl: 300, records: ['192.0.2.99'] },
        { name: 'sip.example.com.', type: 'A', ttl: 3600, records: ['192.0.2.50'] },
        { name: 'db1.example.com.', type: 'A', ttl: 3600, records: ['192.0.2.51'] },
        { name: 'backup.example.com.', type: 'A', ttl: 3600, records: ['192.0.2.52'] },
        { name: 'old.example.com.', type: 'A', ttl: 3600, records: ['192.0.2.200'] },
        { name: 'legacy.example.com.', type: 'TXT', ttl: 3600, status: 'DISABLE', records: ['"retired"'] },
      ],
    },
    // The retry scenario (task retryDemo, shop.example.zone): what its task did create, so the retry skips
    // shop as already there and api as live and identical.
    {
      name: 'shop.example.',
      recordsets: [
        { name: 'shop.shop.example.', type: 'CNAME', ttl: 3600, records: ['www.shop.example.'] },
        { name: 'mx1.shop.example.', type: 'A', ttl: 3600, records: ['198.51.100.25'] },
        { name: 'api.shop.example.', type: 'A', ttl: 3600, records: ['198.51.100.30'] },
      ],
    },
  ];
}
