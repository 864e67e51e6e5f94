// planRetry: the four rules in order, per item, over real indexes of zone files (every record type, relative
// targets, mixed TTLs, duplicates, $INCLUDE, ambiguous names, lint and live skips).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintZone } from '../../../src/core/lint/index';
import { failedTypeOf, planRetry, type RetryPlanInput } from '../../../src/core/retryPlan/plan';
import type { LiveRecordSet } from '../../../src/core/recordSets/types';
import { indexZoneFile, type ZoneIndex } from '../../../src/core/zone/index';
import { interfaceOnly } from './interfaceOnly';

const TYPE_INVALID = "Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'.";
const QUOTA = 'Insufficient record set quota';
const BUSY = 'System busy, please try again later. (DNS.0000)';
const EXISTS = 'Duplicate recordset exists.(name: www.example.com., type: A, line: default_view, records: [192.0.2.1])';

const EXAMPLE = `$ORIGIN example.com.
$TTL 3600
@        IN SOA ns1 hostmaster 1 7200 900 1209600 300
@        IN NS  ns1.example.net.
@        IN NS  ns2.example.net.
www      300 IN A 192.0.2.1
www      600 IN A 192.0.2.2
www      IN A 192.0.2.1
www      IN AAAA 2001:DB8::1
www      IN TXT bare
www      IN TXT "v=spf1 -all" "second"
alias    IN CNAME Www
mx       IN MX 010 Mail
mx       IN MX 20 mail.other.net.
_sip._tcp IN SRV 10 05 5060 SIP
sub      IN NS  NS1.Sub
caa      IN CAA 0 issue ca.example.net
caa      IN CAA 128 ISSUEWILD "ca2.example.net"
bad      IN TXT "back\\\\slash"
`;

let dir: string;
async function zone(text: string, name = 'zone.db', origin = 'example.com.'): Promise<ZoneIndex> {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return indexZoneFile(file, { origin, root: dir });
}

const plan = (input: Partial<RetryPlanInput> & Pick<RetryPlanInput, 'zones'>) => planRetry({ items: [], ...input });
const item = (name: string, errorMessage = QUOTA) => ({ item: name, errorMessage });

describe('planRetry', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds every record type in the API form: absolute lower-case targets, TXT and CAA quoted, MX/SRV numbers, in file order', async () => {
    const z = await zone(EXAMPLE);
    const names = ['caa.example.com.', 'sub.example.com.', '_sip._tcp.example.com.', 'mx.example.com.', 'alias.example.com.', 'www.example.com.'];
    const p = plan({ zones: [z], items: names.map((n) => item(n)) });
    assert.deepEqual(p.skipped, []);
    assert.deepEqual(p.recordsets, [
      // Mixed TTLs: the first record's (300); the exact duplicate 192.0.2.1 once.
      { zone_name: 'example.com.', name: 'www.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1', '192.0.2.2'] },
      { zone_name: 'example.com.', name: 'www.example.com.', type: 'AAAA', ttl: 3600, records: ['2001:DB8::1'] },
      { zone_name: 'example.com.', name: 'www.example.com.', type: 'TXT', ttl: 3600, records: ['"bare"', '"v=spf1 -all" "second"'] },
      { zone_name: 'example.com.', name: 'alias.example.com.', type: 'CNAME', ttl: 3600, records: ['www.example.com.'] },
      { zone_name: 'example.com.', name: 'mx.example.com.', type: 'MX', ttl: 3600, records: ['10 mail.example.com.', '20 mail.other.net.'] },
      { zone_name: 'example.com.', name: '_sip._tcp.example.com.', type: 'SRV', ttl: 3600, records: ['10 5 5060 sip.example.com.'] },
      { zone_name: 'example.com.', name: 'sub.example.com.', type: 'NS', ttl: 3600, records: ['ns1.sub.example.com.'] },
      { zone_name: 'example.com.', name: 'caa.example.com.', type: 'CAA', ttl: 3600, records: ['0 issue "ca.example.net"', '128 issuewild "ca2.example.net"'] },
    ]);
    for (const s of p.recordsets) assert.deepEqual(Object.keys(s).sort(), ['name', 'records', 'ttl', 'type', 'zone_name']);
  });

  it('a $GENERATE range at one owner (no $ in its name) is retried with every value it writes', async () => {
    const z = await zone('$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n$GENERATE 1-3 pool A 192.0.2.$\n');
    const p = plan({ zones: [z], items: [item('pool.example.com.')] });
    assert.deepEqual(p.skipped, []);
    assert.deepEqual(p.recordsets, [{ zone_name: 'example.com.', name: 'pool.example.com.', type: 'A', ttl: 3600, records: ['192.0.2.1', '192.0.2.2', '192.0.2.3'] }]);
  });

  it('rule 1: already exists, and unknown zone, permission or unknown texts, are skipped with a link to the line', async () => {
    const z = await zone(EXAMPLE);
    const p = plan({
      zones: [z],
      items: [
        item('www.example.com.', EXISTS),
        item('www.example.com.', 'The record set already exists.'),
        item('mx.example.com.', "This Zone 'example.com.' does not exist."),
        item('alias.example.com.', "Policy doesn't allow dns:recordset:create to be performed."),
        item('caa.example.com.', 'Something nobody has seen before'),
      ],
    });
    assert.deepEqual(p.recordsets, []);
    assert.deepEqual(p.skipped.map((s) => [s.item, s.reason, s.line]), [
      ['www.example.com.', 'already-exists', 6],
      ['www.example.com.', 'already-exists', 6],
      ['mx.example.com.', 'not-retryable', 13],
      ['alias.example.com.', 'not-retryable', 12],
      ['caa.example.com.', 'not-retryable', 17],
    ]);
    assert.equal(p.skipped[4]!.detail, 'Something nobody has seen before', 'an unknown text is shown as it is');
    assert.equal(p.skipped[0]!.file, z.files[0]);
  });

  it('rule 2: any case and no trailing dot find the name; absent or only SOA / apex NS is not-found; two zone files is ambiguous', async () => {
    const z = await zone(EXAMPLE);
    const other = await zone('$ORIGIN example.com.\nwww IN A 198.51.100.7\n', 'other/zone.db');
    const found = plan({ zones: [z], items: [item('WWW.Example.COM', TYPE_INVALID)] });
    assert.deepEqual(found.recordsets.map((s) => s.type), ['A', 'AAAA', 'TXT']);
    const p = plan({ zones: [z, other], items: [item('nowhere.example.com.'), item('example.com.'), item('www.example.com.'), item('mx.example.com.')] });
    assert.deepEqual(p.skipped.map((s) => [s.item, s.reason]), [
      ['nowhere.example.com.', 'not-found'],
      ['example.com.', 'not-found'],
      ['www.example.com.', 'ambiguous'],
    ]);
    assert.match(p.skipped[1]!.detail, /SOA or apex NS/);
    assert.match(p.skipped[2]!.detail, /2 zone files/);
    assert.deepEqual(p.recordsets.map((s) => `${s.name} ${s.type}`), ['mx.example.com. MX']);
  });

  it('rule 3: `type: T` / `type=T` narrows to that set; a quoted list or a conflict text does not', async () => {
    const z = await zone(EXAMPLE);
    const only = (message: string) => plan({ zones: [z], items: [item('www.example.com.', message)] }).recordsets.map((s) => s.type);
    assert.deepEqual(only('Invalid record value.(name: www.example.com., type: TXT, line: default_view)'), ['TXT']);
    assert.deepEqual(only("Attribute 'records' is invalid, type=aaaa"), ['AAAA']);
    assert.deepEqual(only(TYPE_INVALID), ['A', 'AAAA', 'TXT']);
    assert.deepEqual(only("Attribute 'name' conflicts with Record Set 'www.example.com.' type 'CNAME'."), ['A', 'AAAA', 'TXT']);
    const missing = plan({ zones: [z], items: [item('www.example.com.', 'Invalid record value (type: MX)')] });
    assert.deepEqual(missing.recordsets, []);
    assert.deepEqual(missing.skipped.map((s) => [s.reason, s.line]), [['not-found', 6]]);
    assert.equal(failedTypeOf(EXISTS), 'A');
    assert.equal(failedTypeOf(TYPE_INVALID), undefined);
  });

  it('a set several items resolve to is sent once', async () => {
    const z = await zone(EXAMPLE);
    const p = plan({ zones: [z], items: [item('www.example.com.', BUSY), item('www.example.com.', 'Invalid record value (type: A)'), item('www.example.com.')] });
    assert.deepEqual(p.recordsets.map((s) => s.type), ['A', 'AAAA', 'TXT']);
  });

  it('rule 4: a set with an error finding is kept back with that finding’s line; warnings do not keep it back', async () => {
    const z = await zone(EXAMPLE + 'spf IN SPF "v=spf1 -all"\nspf IN TXT "v=spf1 -all"\nlow 60 IN A 192.0.2.9\n');
    const p = plan({ zones: [z], items: [item('bad.example.com.'), item('spf.example.com.', TYPE_INVALID), item('www.example.com.'), item('low.example.com.')], minTtl: 300 });
    assert.deepEqual(p.skipped.map((s) => [s.item, s.reason, s.line]), [
      ['bad.example.com.', 'lint-error', 19],
      ['spf.example.com.', 'lint-error', 20],
      ['low.example.com.', 'lint-error', 22],
    ]);
    assert.match(p.skipped[0]!.detail, /^bad\.example\.com\. TXT: /);
    // www's A set mixes TTLs (a warning) and holds a duplicate (a warning): still sent. spf's TXT set is fine.
    assert.deepEqual(p.recordsets.map((s) => `${s.name} ${s.type}`), ['www.example.com. A', 'www.example.com. AAAA', 'www.example.com. TXT', 'spf.example.com. TXT']);
  });

  it('rule 4 sees every record at the name: a CNAME beside other data is kept back even when only one type failed', async () => {
    const z = await zone('$ORIGIN example.com.\nx IN CNAME www\nx IN TXT "t"\n');
    const p = plan({ zones: [z], items: [item('x.example.com.', 'Invalid record value (type: CNAME)')] });
    assert.deepEqual(p.skipped.map((s) => [s.reason, s.line]), [['lint-error', 2]]);
  });

  it('gives the same lint verdict as linting the whole zone', async () => {
    const text = EXAMPLE + 'dup IN CNAME a\ndup IN CNAME b\nlong IN TXT "' + 'x'.repeat(300) + '"\n*.w IN NS ns.example.net.\nout.example.org. IN A 192.0.2.1\n';
    const z = await zone(text);
    const whole = new Set(lintZone(z).findings.filter((f) => f.severity === 'error').map((f) => f.line));
    const names = [...new Set([...z.records()].map((r) => r.name))];
    const p = plan({ zones: [z], items: names.map((n) => item(n)) });
    const kept = new Set(p.skipped.filter((s) => s.reason === 'lint-error').map((s) => s.line));
    const sentLines = new Set(p.recordsets.flatMap((s) => [...z.records()].filter((r) => r.name === s.name && r.type === s.type).map((r) => r.line)));
    for (const line of whole) assert.ok(kept.has(line) || !sentLines.has(line), `line ${line} has an error but its set is sent`);
    assert.ok(kept.size >= 4, `expected the planted errors to be kept back, got ${[...kept].join(',')}`);
  });

  it('rule 4: a live copy with the same TTL and records (as the service stores them) is skipped; one item can be partly sent', async () => {
    const z = await zone(EXAMPLE);
    const live = (over: Partial<LiveRecordSet>): LiveRecordSet => ({ id: 'i', name: 'www.example.com.', type: 'AAAA', ttl: 3600, records: ['2001:db8::1'], status: 'ACTIVE', ...over });
    const p = plan({
      zones: [z],
      items: [item('www.example.com.'), item('alias.example.com.'), item('mx.example.com.')],
      live: [
        live({}),
        live({ type: 'A', ttl: 300, records: ['192.0.2.2', '192.0.2.1'] }),
        live({ name: 'WWW.example.com', type: 'TXT', ttl: 60, records: ['"bare"', '"v=spf1 -all" "second"'] }),
        live({ name: 'alias.example.com.', type: 'CNAME', records: ['WWW.EXAMPLE.COM.'], status: 'PENDING_CREATE' }),
        live({ name: 'mx.example.com.', type: 'MX', records: ['10 mail.example.com.', '20 mail.other.net.'], status: 'ERROR' }),
      ],
    });
    assert.deepEqual(p.skipped.map((s) => [s.item, s.reason]), [
      ['www.example.com.', 'live-identical'],
      ['www.example.com.', 'live-identical'],
      ['alias.example.com.', 'live-identical'],
    ]);
    // TXT differs by TTL; the MX set's live copy is in ERROR, which does not count.
    assert.deepEqual(p.recordsets.map((s) => `${s.name} ${s.type}`), ['www.example.com. TXT', 'mx.example.com. MX']);
  });

  it('keeps zone-file order across an $INCLUDE, and a finding in the included file names that file', async () => {
    fs.writeFileSync(path.join(dir, 'hosts.db'), 'h1 IN A 192.0.2.11\nh2 IN TXT "a\\\\b"\n');
    const z = await zone('$ORIGIN example.com.\nfirst IN A 192.0.2.1\n$INCLUDE hosts.db\nlast IN A 192.0.2.2\n', 'inc.db');
    const p = plan({ zones: [z], items: [item('last.example.com.'), item('h2.example.com.'), item('h1.example.com.'), item('first.example.com.')] });
    assert.deepEqual(p.recordsets.map((s) => s.name), ['first.example.com.', 'h1.example.com.', 'last.example.com.']);
    assert.deepEqual(p.skipped.map((s) => [s.item, s.reason, path.basename(s.file ?? ''), s.line]), [['h2.example.com.', 'lint-error', 'hosts.db', 2]]);
  });

  it('a set split by an $INCLUDE is sent in file order, both paths: the first TTL is the one before the include', async () => {
    // In line numbers the included file's line 1 comes first; in the zone it comes after line 3's record.
    fs.writeFileSync(path.join(dir, 'split.db'), 'www 600 IN A 192.0.2.2\n');
    const z = await zone('$ORIGIN example.com.\n; the record before the include\nwww 300 IN A 192.0.2.1\n$INCLUDE split.db\n', 'splitmain.db');
    for (const index of [z, interfaceOnly(z)]) {
      const p = plan({ zones: [index], items: [item('www.example.com.')] });
      assert.deepEqual(p.recordsets.map((s) => [s.name, s.ttl, s.records]), [['www.example.com.', 300, ['192.0.2.1', '192.0.2.2']]]);
    }
  });

  it('zones keep their own zone_name and the order they were given', async () => {
    const a = await zone('$ORIGIN a.example.\n@ IN SOA ns h 1 2 3 4 5\nx IN A 192.0.2.1\n', 'a.db', 'a.example.');
    const b = await zone('$ORIGIN b.example.\ny IN A 192.0.2.2\n', 'b.db', 'b.example.');
    const p = plan({ zones: [a, b], items: [item('y.b.example.'), item('x.a.example.'), item(''), item('\u202Eevil')] });
    assert.deepEqual(p.recordsets.map((s) => [s.zone_name, s.name]), [['a.example.', 'x.a.example.'], ['b.example.', 'y.b.example.']]);
    assert.deepEqual(p.skipped.map((s) => s.reason), ['not-found', 'not-found']);
  });

  it('no items, no zones: an empty plan', () => {
    assert.deepEqual(planRetry({ items: [], zones: [] }), { recordsets: [], skipped: [] });
    assert.deepEqual(planRetry({ items: [item('www.example.com.')], zones: [] }).skipped.map((s) => s.reason), ['not-found']);
  });
});
