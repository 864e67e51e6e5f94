// The sandbox's live zone example.com.: what the zone holds after the sandbox's `exampleCom` task, next to the
// fixture zone file (test/fixtures/workspace/zones/example.com.zone and its include). Spelled the way the
// service stores values (absolute, lower-case, canonical) where the file spells them otherwise, so "Compare
// with Live Zone" shows only real differences:
//   in sync (8): ns1 A, www A/AAAA/TXT, mail MX, sip A, db1 A, backup A;
//   missing live (23): api CNAME, _sip._tcp SRV, ftp A (their import failed, or the line came later), and
//   batch1 … batch20 A (the 20 failed items of the sandbox's `pendingShort` task, includes/batch.example.com.db);
//   differ (2): mail A (another address), * A (TTL 300 instead of 3600);
//   only live (1): old A; inactive (1): legacy TXT (DISABLE).
import type { FakeZone } from './zones';

export const SANDBOX_ZONE_ID = 'ff8080829a0b1c2d019a0b1c2d3e7001';

/** The summary "Compare with Live Zone" gives for the fixture example.com.zone against sandboxZones(). */
export const SANDBOX_COMPARE_SUMMARY = '8 in sync, 23 missing live, 2 differ, 1 only live, 1 inactive';

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
