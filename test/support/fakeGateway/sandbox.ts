// The sandbox scenario (npm start, UI tests): a little of everything a real account shows, deterministic given
// `now`. The sample workspace (test/fixtures/workspace/zones) holds a record for every failed item below,
// except SANDBOX_NOT_IN_ZONE_FILES (test/unit/fakeGateway/sandbox.test.ts checks both).
import { errorItems, VENDOR_ERROR_MESSAGES } from '../builders';
import type { ErrorItem, FakeTask } from './types';

/** Fixed ids, so tests and docs can name the sandbox's tasks. */
export const SANDBOX_TASK_IDS = {
  /** The vendor page's own example (wrapped shape, 120 failures, ISO dates with milliseconds). */
  vendorExample: '9a186e66977dd48f01977e021c480cac',
  batchCreateZone: 'ff8080829a0b1c2d019a0b1c2d3e0001',
  /** `create` with failed items in zone example.com. (all but missing.example.com. are in the zone files). */
  exampleCom: 'ff8080829a0b1c2d019a0b1c2d3e0002',
  /** `import_recordset` with 12,346 failed items: test250611.nw. then host1.nw. … host12345.nw. */
  bigImport: 'ff8080829a0b1c2d019a0b1c2d3e0003',
  delete: 'ff8080829a0b1c2d019a0b1c2d3e0004',
  batchUpdateRs: 'ff8080829a0b1c2d019a0b1c2d3e0005',
  transfer: 'ff8080829a0b1c2d019a0b1c2d3e0006',
  unknownType: 'ff8080829a0b1c2d019a0b1c2d3e0007',
  /** PENDING for ~40 s after the gateway starts, then DONE with failures. */
  pendingShort: 'ff8080829a0b1c2d019a0b1c2d3e0008',
  /** PENDING for ~90 s after the gateway starts, then DONE with failures. */
  pendingLong: 'ff8080829a0b1c2d019a0b1c2d3e0009',
  /** Item names and messages that must never be treated as HTML, script, templates or formulas. */
  hostile: 'ff8080829a0b1c2d019a0b1c2d3e000a',
  /** `create` in zone shop.example. whose zone file (shop.example.zone) the newcomer can fix and retry. */
  retryDemo: 'ff8080829a0b1c2d019a0b1c2d3e000b',
  /** `create` in zone preflight.example.: one failure per pre-flight rule, each on a record preflight.example.zone flags. */
  preflightDemo: 'ff8080829a0b1c2d019a0b1c2d3e000c',
} as const;

/** The failed items of retryDemo: two sendable (quota, busy), two still wrong in the file, one already there, one live, one gone. */
export const RETRY_DEMO_ITEMS: readonly ErrorItem[] = [
  { item: 'www.shop.example.', errorMessage: 'Insufficient record set quota.' },
  { item: 'mail.shop.example.', errorMessage: 'System busy, please try again later.' },
  { item: 'spf.shop.example.', errorMessage: "Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'." },
  { item: 'promo.shop.example.', errorMessage: "Attribute 'records' is invalid, 'TXT records missing starting quotation mark'." },
  { item: 'shop.shop.example.', errorMessage: 'Duplicate recordset exists.(name: shop.shop.example., type: CNAME, line: default_view, records: [www.shop.example.])' },
  { item: 'api.shop.example.', errorMessage: 'Could not acquire the lock, please try again later. (DNS.0021)' },
  { item: 'old.shop.example.', errorMessage: 'Invalid record value, the IPv4 address is not in the correct format.' },
];


/**
 * The failed items of preflightDemo, in the server's words (../shared/api/write-and-live.md): each one a rule
 * of the pre-flight check predicts on the same record of preflight.example.zone.
 */
export const PREFLIGHT_DEMO_ITEMS: readonly ErrorItem[] = [
  { item: 'old.preflight.example.', errorMessage: "Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'. (DNS.0307)" },
  { item: 'alias.preflight.example.', errorMessage: "Attribute 'name' conflicts with Record Set 'alias.preflight.example.' type 'CNAME'. (DNS.0312)" },
  { item: 'big.preflight.example.', errorMessage: 'Invalid TTL, the value should be an integer from 1 to 2147483647. (DNS.0303)' },
  { item: 'long.preflight.example.', errorMessage: "Attribute 'records' is invalid, 'TXT record character string longer than 255'. (DNS.0308)" },
  { item: 'other.example.com.', errorMessage: 'Invalid record set name, the name is not in the zone preflight.example. (DNS.0304)' },
  { item: 'bad.preflight.example.', errorMessage: 'Invalid record value, the IPv4 address is not in the correct format.' },
  { item: 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.preflight.example.', errorMessage: 'Invalid record set name, the domain name levels exceed 16. (DNS.0320)' },
];

export const SANDBOX_PENDING_MS = { short: 40_000, long: 90_000 } as const;

/**
 * The names of the exampleCom task's failed items (zone example.com.). api (TTL 0) and _sip._tcp (no port) fail
 * the way example.com.zone's findings predict; www, mail and * exist already (the live zone has them), and
 * missing.example.com. is in no file.
 */
export const EXAMPLE_COM_ITEMS = [
  'www.example.com.',
  'mail.example.com.',
  'api.example.com.',
  '_sip._tcp.example.com.',
  '*.example.com.',
  'missing.example.com.',
] as const;

const [TYPE_INVALID, ALREADY_EXISTS, INVALID_TTL, INVALID_VALUE] = VENDOR_ERROR_MESSAGES as [string, string, string, string];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `yyyy-MM-dd HH:mm:ss` (the vendor table's format), UTC. */
export function tableDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2025-06-17T13:09:15.214` (the vendor example's format), UTC without a zone. */
export function exampleDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '');
}

export const HOSTILE_ITEMS: readonly ErrorItem[] = [
  { item: '<img src=x onerror="window.__xss=1">', errorMessage: '<img src=x onerror="window.__xss=1"> is not a valid record set name.' },
  { item: '</script><script>window.__xss=1</script>', errorMessage: '</script><script>window.__xss=1</script>' },
  { item: '{{constructor}}', errorMessage: "{{constructor.constructor('window.__xss=1')()}} ${window.__xss=1}" },
  { item: '\u202Emoc.elpmaxe.www', errorMessage: 'Right-to-left override: \u202Esi sihT\u202C back to normal.' },
  { item: 'long-message.example.com.', errorMessage: ('Invalid record value: ' + 'x'.repeat(5000)).slice(0, 4999) + '.' },
  { item: 'tab\there.example.com.', errorMessage: 'Line one.\nLine two\twith a tab.\r\nLine three.' },
  { item: '🦄.example.com.', errorMessage: 'Emoji 🎉👨‍👩‍👧‍👦 and CJK: 记录集已存在。' },
  { item: '=HYPERLINK("http://evil.example/","click")', errorMessage: "+SUM(1,1) -2+3+cmd|' /C calc'!A0" },
  { item: '@SUM(1+1)', errorMessage: 'javascript:window.__xss=1' },
  { item: '__proto__', errorMessage: '&lt;b&gt;entity-encoded&lt;/b&gt; &amp; <b>raw bold</b>' },
  { item: '', errorMessage: '' },
];

/** The failed items deliberately without a record in the sample workspace, and why (the README says so too). */
export const SANDBOX_NOT_IN_ZONE_FILES: readonly { item: string; why: string }[] = [
  { item: 'missing.example.com.', why: 'shows what Reveal in Zone File and the Problems panel do when no file has the name' },
  { item: 'old.shop.example.', why: 'the retry scenario: an item no zone file holds is skipped as not-found' },
  ...HOSTILE_ITEMS.map(({ item }) => ({ item, why: 'the hostile task: strings that are not DNS names, to show they stay inert' })),
];

/** The sandbox's tasks; dates are relative to `now`, pending timers start when the gateway adds them. */
export function sandboxTasks(now: number = Date.now()): FakeTask[] {
  const hours = (h: number): number => now - h * 3_600_000;
  const bigItems = [
    { item: 'test250611.nw.', errorMessage: TYPE_INVALID },
    // Weighted like a real import: mostly duplicates, then bad types, the odd TTL or value.
    ...errorItems(12_345, {
      messages: [ALREADY_EXISTS, TYPE_INVALID, ALREADY_EXISTS, INVALID_TTL, ALREADY_EXISTS, TYPE_INVALID, ALREADY_EXISTS, INVALID_VALUE],
    }),
  ];
  const exampleCom: ErrorItem[] = [
    { item: 'www.example.com.', errorMessage: ALREADY_EXISTS },
    { item: 'mail.example.com.', errorMessage: ALREADY_EXISTS },
    { item: 'api.example.com.', errorMessage: INVALID_TTL },
    { item: '_sip._tcp.example.com.', errorMessage: 'Invalid record value, an SRV record must be "priority weight port target".' },
    { item: '*.example.com.', errorMessage: ALREADY_EXISTS },
    { item: 'missing.example.com.', errorMessage: INVALID_VALUE },
  ];
  const vendorItems = [
    { item: 'test250611.nw.', errorMessage: TYPE_INVALID },
    ...errorItems(119, { prefix: 'rs', zone: 'test250611.nw.' }),
  ];
  return [
    {
      id: SANDBOX_TASK_IDS.vendorExample, type: 'create', status: 'DONE', shape: 'wrapped',
      createdAt: '2025-06-17T13:09:15.214', updatedAt: '2025-06-17T13:11:26.968', totalCount: 2000,
      successCount: 1880, errorCount: 120, errorItems: vendorItems,
    },
    {
      id: SANDBOX_TASK_IDS.batchCreateZone, type: 'batch_create_zone', status: 'DONE',
      createdAt: tableDate(hours(72)), successCount: 25, errorCount: 0, errorItems: [],
    },
    {
      id: SANDBOX_TASK_IDS.exampleCom, type: 'create', status: 'DONE', shape: 'wrapped',
      createdAt: exampleDate(hours(2)), updatedAt: exampleDate(hours(2) + 4_321), successCount: 14,
      errorCount: exampleCom.length, errorItems: exampleCom,
    },
    {
      id: SANDBOX_TASK_IDS.bigImport, type: 'import_recordset', status: 'DONE',
      createdAt: tableDate(hours(26)), successCount: 7_654, errorCount: bigItems.length, errorItems: bigItems,
    },
    {
      id: SANDBOX_TASK_IDS.delete, type: 'delete', status: 'DONE', shape: 'wrapped',
      createdAt: exampleDate(hours(30)), successCount: 47, errorCount: 3,
      errorItems: errorItems(3, { prefix: 'old', zone: 'example.org.', messages: ['The record set does not exist.'] }),
    },
    {
      id: SANDBOX_TASK_IDS.batchUpdateRs, type: 'batch_update_rs', status: 'DONE',
      createdAt: tableDate(hours(5)), successCount: 120, errorCount: 0, errorItems: [],
    },
    {
      id: SANDBOX_TASK_IDS.transfer, type: 'transfer', status: 'DONE', shape: 'wrapped',
      createdAt: exampleDate(hours(48)), successCount: 8, errorCount: 2,
      errorItems: [
        { item: 'example.net.', errorMessage: 'The zone is not owned by the source account.' },
        { item: 'example.info.', errorMessage: 'The target account already has a zone with the same name.' },
      ],
    },
    {
      id: SANDBOX_TASK_IDS.unknownType, type: 'batch_set_zone_tags', status: 'DONE',
      createdAt: tableDate(hours(8)), successCount: 3, errorCount: 0, errorItems: [],
    },
    {
      id: SANDBOX_TASK_IDS.pendingShort, type: 'create', status: 'DONE', pending: { ms: SANDBOX_PENDING_MS.short },
      createdAt: tableDate(now - 5_000), successCount: 480, errorCount: 20,
      // The account ran out of record sets part-way: nothing in the file predicts that, and a retry can succeed.
      errorItems: errorItems(20, { prefix: 'batch', zone: 'example.com.', messages: ['Insufficient record set quota.', 'Could not acquire the lock, please try again later. (DNS.0021)'] }),
    },
    {
      id: SANDBOX_TASK_IDS.pendingLong, type: 'import_recordset', status: 'DONE', shape: 'wrapped',
      pending: { ms: SANDBOX_PENDING_MS.long }, createdAt: exampleDate(now - 10_000), successCount: 1_500,
      errorCount: 500, errorItems: errorItems(500, { prefix: 'import', zone: 'nw.' }),
    },
    {
      id: SANDBOX_TASK_IDS.retryDemo, type: 'create', status: 'DONE', createdAt: tableDate(hours(3)),
      successCount: 2, errorCount: RETRY_DEMO_ITEMS.length, errorItems: RETRY_DEMO_ITEMS.map((i) => ({ ...i })),
    },
    {
      id: SANDBOX_TASK_IDS.preflightDemo, type: 'create', status: 'DONE', createdAt: tableDate(hours(6)),
      successCount: 6, errorCount: PREFLIGHT_DEMO_ITEMS.length, errorItems: PREFLIGHT_DEMO_ITEMS.map((i) => ({ ...i })),
    },
    {
      id: SANDBOX_TASK_IDS.hostile, type: 'create', status: 'DONE', createdAt: tableDate(hours(1)),
      successCount: 2, errorCount: HOSTILE_ITEMS.length, errorItems: HOSTILE_ITEMS.map((i) => ({ ...i })),
    },
  ];
}
