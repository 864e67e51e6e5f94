// The rules both paths of the retry plan share (retryPlan/rules.ts), seen from the plan: which type a message
// names, what a skip says, and which live copy of a set counts. Each case runs on both paths (in place over the
// compact form, and through the ZoneIndex interface alone), which must agree.
import * as assert from 'node:assert/strict';
import { failedTypeOf, planRetry, planThroughInterface, type RetryPlan, type RetryPlanInput } from '../../../src/core/retryPlan/plan';
import type { LiveRecordSet } from '../../../src/core/recordSets/types';
import { indexZoneFile } from '../../../src/core/zone/index';
import { interfaceOnly } from './interfaceOnly';

const ZONE = `$ORIGIN example.com.
$TTL 3600
@    IN SOA ns1 hostmaster 1 7200 900 1209600 300
@    IN NS  ns1.example.net.
www  300 IN A 192.0.2.1
www  IN TXT "hello"
www  IN MX 10 mail
`;

/** The plan on both paths, which must be the same. */
async function bothPaths(input: Omit<RetryPlanInput, 'zones'>, text = ZONE): Promise<RetryPlan> {
  const index = await indexZoneFile('/virtual/example.com.zone', { origin: 'example.com.', root: '/virtual', text });
  const fast = planRetry({ ...input, zones: [index] });
  assert.deepEqual(planThroughInterface({ ...input, zones: [interfaceOnly(index)] }), fast);
  return fast;
}

const QUOTA = 'Insufficient record set quota.';
const live = (over: Partial<LiveRecordSet>): LiveRecordSet => ({ id: 'id', name: 'www.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1'], status: 'ACTIVE', ...over });
const sent = (p: RetryPlan) => p.recordsets.map((s) => s.type);

describe('planRetry rules shared by both paths', () => {
  it('reads the failed type however the message cases and spaces `type`, and a type word with digits whole', () => {
    assert.equal(failedTypeOf('Invalid record value.(name: www.example.com., TYPE=txt)'), 'TXT');
    assert.equal(failedTypeOf('Invalid record value (Type : mx)'), 'MX');
    assert.equal(failedTypeOf('Unsupported record (type: NSEC3PARAM)'), 'NSEC3PARAM');
    assert.equal(failedTypeOf('Unsupported record (type=TYPE65534, line: default_view)'), 'TYPE65534');
    assert.equal(failedTypeOf('Insufficient record set quota.'), undefined);
  });

  it('narrows a retry to the type a message names in upper case or lower case', async () => {
    assert.deepEqual(sent(await bothPaths({ items: [{ item: 'www.example.com.', errorMessage: 'Invalid record value (TYPE: TXT)' }] })), ['TXT']);
    assert.deepEqual(sent(await bothPaths({ items: [{ item: 'www.example.com.', errorMessage: 'Invalid record value (type=mx)' }] })), ['MX']);
  });

  it('an already-exists skip says what the explanation says, not the raw server text', async () => {
    const text = 'Duplicate recordset exists.(name: www.example.com., type: A, line: default_view, records: [192.0.2.1])';
    const p = await bothPaths({ items: [{ item: 'www.example.com.', errorMessage: text }] });
    assert.deepEqual(p.skipped.map((s) => [s.reason, s.line, s.detail]), [['already-exists', 5, 'The record set already exists in the zone.']]);
    const zone = await bothPaths({ items: [{ item: 'www.example.com.', errorMessage: "This Zone 'example.com.' does not exist." }] });
    assert.equal(zone.skipped[0]!.reason, 'not-retryable');
    assert.notEqual(zone.skipped[0]!.detail, "This Zone 'example.com.' does not exist.");
    assert.match(zone.skipped[0]!.detail, /does not exist at this site/);
  });

  it('the first live copy of a set counts (copies on other resolution lines stay only live), as in the comparison', async () => {
    const items = [{ item: 'www.example.com.', errorMessage: 'Invalid record value (type: A)' }];
    const same = live({ id: 'default-line' });
    const other = live({ id: 'other-line', records: ['198.51.100.9'] });
    const first = await bothPaths({ items, live: [same, other] });
    assert.deepEqual([sent(first), first.skipped.map((s) => s.reason)], [[], ['live-identical']]);
    const second = await bothPaths({ items, live: [other, same] });
    assert.deepEqual([sent(second), second.skipped], [['A'], []]);
  });

  it('a live set the system owns (`default: true`) is no copy of the file\'s set: the file\'s set is still sent', async () => {
    const items = [{ item: 'www.example.com.', errorMessage: QUOTA }];
    const p = await bothPaths({ items, live: [live({ default: true }), live({ type: 'TXT', ttl: 3600, records: ['"hello"'], default: false })] });
    assert.deepEqual(sent(p), ['A', 'MX']);
    assert.deepEqual(p.skipped.map((s) => [s.reason, s.detail]), [['live-identical', 'www.example.com. TXT is live with the same TTL and records (ACTIVE).']]);
  });
});

describe('planRetry on either path: ranges, blank items, errors on a record\'s last line', () => {
  it('plans an item of a $GENERATE range (whose records have no position of their own), also beside a plain zone', async () => {
    const gen = await indexZoneFile('/virtual/gen.zone', { origin: 'gen.example.', root: '/virtual', text: '$ORIGIN gen.example.\n$TTL 600\n$GENERATE 1-3 host$ A 192.0.2.$\n' });
    const plain = await indexZoneFile('/virtual/example.com.zone', { origin: 'example.com.', root: '/virtual', text: ZONE });
    const items = [{ item: 'host2.gen.example.', errorMessage: QUOTA }, { item: 'www.example.com.', errorMessage: 'Invalid record value (type: TXT)' }];
    const alone = planRetry({ items: items.slice(0, 1), zones: [gen] });
    assert.deepEqual(alone, { recordsets: [{ zone_name: 'gen.example.', name: 'host2.gen.example.', type: 'A', ttl: 600, records: ['192.0.2.2'] }], skipped: [] });
    const mixed = planRetry({ items, zones: [plain, gen] });
    assert.deepEqual(mixed.recordsets.map((s) => `${s.name} ${s.type}`), ['www.example.com. TXT', 'host2.gen.example. A']);
    assert.deepEqual(mixed.skipped, []);
  });

  it('a blank item is in none of the zone files (it is never looked up as the apex)', async () => {
    const p = await bothPaths({ items: [{ item: '', errorMessage: QUOTA }, { item: '  ', errorMessage: QUOTA }] });
    assert.deepEqual(p.skipped.map((s) => [s.reason, s.detail, s.line]), [['not-found', ' is in none of the zone files.', undefined], ['not-found', '   is in none of the zone files.', undefined]]);
  });

  it('a failure the server gave no words for is kept back saying so, and an unknown one in its own words, trimmed', async () => {
    const items = [{ item: 'www.example.com.', errorMessage: '' }, { item: 'www.example.com.', errorMessage: ' \n ' }, { item: 'www.example.com.', errorMessage: '  Something odd.  ' }];
    const p = await bothPaths({ items });
    assert.deepEqual(sent(p), []);
    assert.deepEqual(p.skipped.map((s) => [s.reason, s.detail]), [
      ['not-retryable', 'The server gave no reason.'],
      ['not-retryable', 'The server gave no reason.'],
      ['not-retryable', 'Something odd.'],
    ]);
  });

  it('keeps back a set whose record has a syntax error on the last line it spans, and not the record after it', async () => {
    const text = '$ORIGIN example.com.\n$TTL 3600\nx IN TXT ( "a"\n  "b" ) )\ny IN A 192.0.2.1\n';
    const p = await bothPaths({ items: [{ item: 'x.example.com.', errorMessage: QUOTA }, { item: 'y.example.com.', errorMessage: QUOTA }] }, text);
    assert.deepEqual(p.skipped.map((s) => [s.item, s.reason, s.line, s.detail]), [['x.example.com.', 'lint-error', 4, 'x.example.com. TXT: Unexpected ")"']]);
    assert.deepEqual(p.recordsets.map((s) => s.name), ['y.example.com.']);
  });
});

describe('planRetry on either path: only the apex\'s NS is the system\'s', () => {
  // The apex is not the file's first owner; example.org. has the apex's length and example. is a prefix of it.
  const text = [
    'www 300 IN A 192.0.2.1',
    '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 300',
    '@ 3600 IN NS ns1.example.net.',
    'example.org. 300 IN NS ns1.example.net.',
    'example. 300 IN NS ns1.example.net.',
    'sub 0 IN NS ns1.example.net.',
    '',
  ].join('\n');
  const plan = (...names: string[]) => bothPaths({ items: names.map((item) => ({ item, errorMessage: QUOTA })) }, text);
  const kept = (p: RetryPlan) => p.skipped.map((s) => `${s.item} ${s.reason} ${s.line} ${s.detail}`);
  const outside = (name: string) => `${name} is outside the zone example.com.: put it in its own zone's file, or drop the final dot if the name was meant to be relative.`;

  it('keeps back an out-of-zone NS set whose name looks like the apex, rather than sending it', async () => {
    const org = await plan('example.org.');
    assert.deepEqual([sent(org), kept(org)], [[], [`example.org. lint-error 4 example.org. NS: ${outside('example.org.')}`]]);
    const prefix = await plan('example.');
    assert.deepEqual([sent(prefix), kept(prefix)], [[], [`example. lint-error 5 example. NS: ${outside('example.')}`]]);
  });

  it('keeps back a delegation whose NS has a TTL of 0, beside a set that is sent', async () => {
    const p = await plan('www.example.com.', 'sub.example.com.');
    assert.deepEqual(p.recordsets.map((s) => `${s.name} ${s.type}`), ['www.example.com. A']);
    assert.deepEqual(p.skipped.map((s) => [s.item, s.reason, s.line]), [['sub.example.com.', 'lint-error', 6]]);
  });
});
