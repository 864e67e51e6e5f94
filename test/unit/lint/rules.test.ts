// Every pre-flight rule on real zone text, through the real indexer: positive and negative cases with the
// exact start lines, names with escapes, $ORIGIN changes, $INCLUDEd files and $GENERATE ranges.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { indexZoneFile, lintZone, lintZoneFile, LINT_RULES, type LintFinding, type LintResult, type LintRule } from '../../../src/core';
import { plainIndex } from './helpers';
import { withTempDirIn } from '../../support/tempDir';

let tmp: string;
function write(rel: string, text: string): string {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const SOA = '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 300\n';

/** Lints `text` as zone.db (origin example.com.); `files` are written beside it first. */
async function lint(text: string, options: { minTtl?: number; files?: Record<string, string>; origin?: string } = {}): Promise<LintResult> {
  for (const [rel, body] of Object.entries(options.files ?? {})) write(rel, body);
  const file = write('zone.db', text);
  const origin = options.origin ?? 'example.com.';
  const minTtl = options.minTtl === undefined ? {} : { minTtl: options.minTtl };
  const result = await lintZoneFile(file, { origin, root: tmp, ...minTtl });
  // Every case also through the generic path (records() and details() instead of the compact form).
  const generic = lintZone(plainIndex(await indexZoneFile(file, { origin, root: tmp })), minTtl);
  assert.deepEqual(generic, result, 'the generic path finds the same');
  return result;
}

/** Lines of the findings of one rule, in order. */
function lines(result: LintResult, rule: LintRule): number[] {
  return result.findings.filter((f) => f.rule === rule).map((f) => f.line);
}
function only(result: LintResult, rule: LintRule): LintFinding[] {
  return result.findings.filter((f) => f.rule === rule);
}
/** Rules other than `allowed` found anywhere (a negative case must be clean of the rule under test). */
function rulesFound(result: LintResult): LintRule[] {
  return [...new Set(result.findings.map((f) => f.rule))].sort();
}


describe('lint: a clean zone', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('has no findings and counts record sets without SOA and apex NS', async () => {
    const r = await lint([
      SOA.trimEnd(),
      '@ NS ns1.example.net.',
      '@ NS ns2.example.net.',
      'www A 192.0.2.1',
      'www A 192.0.2.2',
      'www AAAA 2001:db8::1',
      '@ MX 10 mail',
      'mail A 192.0.2.25',
      '_sip._tcp SRV 10 5 5060 sip.example.com.',
      '@ TXT "v=spf1 -all"',
      '@ CAA 0 issue "ca.example.net"',
      'alias CNAME www',
      'sub NS ns1.sub',
      '* A 192.0.2.9',
      '',
    ].join('\n'));
    assert.deepEqual(r.findings.filter((f) => f.rule !== 'apex-ns'), []);
    assert.deepEqual(lines(r, 'apex-ns'), [2, 3]);
    // www A, www AAAA, @ MX, mail A, _sip SRV, @ TXT, @ CAA, alias CNAME, sub NS, * A
    assert.equal(r.recordSets, 10);
  });
});

describe('lint: unsupported-type', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('fires on each record of a type public zones do not take, never on SOA', async () => {
    const r = await lint(`${SOA}a PTR x.example.com.\nb HINFO "pc" "os"\nc A 192.0.2.1\nd TYPE65534 \\# 0\n@ SOA a b 2 1 1 1 1\n`);
    assert.deepEqual(lines(r, 'unsupported-type'), [2, 3, 5]);
    const f = only(r, 'unsupported-type')[0]!;
    assert.equal(f.severity, 'error');
    assert.equal(f.name, 'a.example.com.');
    assert.equal(f.type, 'PTR');
    assert.match(f.message, /PTR records cannot be imported/);
    assert.match(f.message, /Remove the record or change its type/);
  });
  it('reads TYPEnn as the type it numbers', async () => {
    const r = await lint(`${SOA}a TYPE1 192.0.2.1\nb TYPE12 \\# 0\nc TYPE16 "text"\n`);
    assert.deepEqual(lines(r, 'unsupported-type'), [3]);
  });
});

describe('lint: cname-conflict and cname-multiple', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('a CNAME beside other data: each CNAME record at that name', async () => {
    const r = await lint(`${SOA}www CNAME a\nwww A 192.0.2.1\nok CNAME a\nWWW. CNAME b.example.com.\n`, { origin: 'example.com.' });
    // line 5 is "www." (absolute, so www. itself: a different name, outside the zone)
    assert.deepEqual(lines(r, 'cname-conflict'), [2]);
    assert.match(only(r, 'cname-conflict')[0]!.message, /www\.example\.com\. has a CNAME and other records \(A\)/);
  });
  it('a CNAME at the apex conflicts with the SOA and NS there', async () => {
    const r = await lint(`${SOA}@ NS ns1.example.net.\n@ CNAME elsewhere.example.net.\n`);
    assert.deepEqual(lines(r, 'cname-conflict'), [3]);
    assert.deepEqual(lines(r, 'apex-ns'), [2]);
  });
  it('more than one CNAME: the second and later', async () => {
    const r = await lint(`${SOA}x CNAME a\nx CNAME b\ny CNAME a\nx CNAME c\n`);
    assert.deepEqual(lines(r, 'cname-multiple'), [3, 5]);
    assert.deepEqual(lines(r, 'cname-conflict'), []);
  });
  it('two equal CNAMEs give duplicate and cname-multiple', async () => {
    const r = await lint(`${SOA}x CNAME a\nx CNAME a.example.com.\n`);
    assert.deepEqual(lines(r, 'cname-multiple'), [3]);
    assert.deepEqual(lines(r, 'duplicate'), [3]);
  });
  it('TYPE5 is a CNAME', async () => {
    const r = await lint(`${SOA}x TYPE5 a\nx A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'cname-conflict'), [2]);
  });
});

describe('lint: apex-ns', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('is info, and apex NS records get no other rule', async () => {
    const r = await lint(`${SOA}@ 0 NS ns1.example.net.\n@ 300 NS bad..name.\n@ NS ns1.example.net.\nsub NS ns1.example.net.\n`);
    assert.deepEqual(lines(r, 'apex-ns'), [2, 3, 4]);
    assert.equal(only(r, 'apex-ns')[0]!.severity, 'info');
    assert.deepEqual(rulesFound(r), ['apex-ns']);
    assert.equal(r.recordSets, 1); // sub NS
  });
  it('the apex is the first SOA owner, not the origin it was indexed with', async () => {
    const r = await lint('$ORIGIN example.com.\n@ SOA ns1 h 1 1 1 1 1\n@ NS ns1\n', { origin: 'other.org.' });
    assert.deepEqual(lines(r, 'apex-ns'), [3]);
    assert.deepEqual(lines(r, 'out-of-zone'), []);
  });
});

describe('lint: wildcard', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('a * not the whole leftmost label, or a wildcard NS', async () => {
    const r = await lint(`${SOA}* A 192.0.2.1\n*.sub A 192.0.2.1\nx.* A 192.0.2.1\n*x A 192.0.2.1\na*b.c A 192.0.2.1\n* NS ns1.example.net.\n\\* A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'wildcard'), [4, 5, 6, 7]);
    assert.match(only(r, 'wildcard')[3]!.message, /wildcard name cannot hold NS/);
  });
});

describe('lint: txt-format', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  const s255 = 'a'.repeat(255);
  it('a string over 255 octets (UTF-8), a value over 4,096, a backslash, no non-empty string', async () => {
    const r = await lint([
      SOA.trimEnd(),
      `ok TXT "${s255}"`, // 2: exactly 255
      `long TXT "${s255}b"`, // 3
      `utf TXT "${'é'.repeat(128)}"`, // 4: 256 octets in 128 characters
      `utf2 TXT "${'é'.repeat(127)}"`, // 5: 254 octets
      `total TXT ${Array.from({ length: 17 }, () => `"${'x'.repeat(241)}"`).join(' ')}`, // 6: 4,097
      `total2 TXT ${Array.from({ length: 16 }, () => `"${'x'.repeat(255)}"`).join(' ')} "xxxxxxxxxxxxxxxx"`, // 7: 4,096
      'esc TXT "say \\"hi\\""', // 8
      'esc2 TXT "semi\\;colon"', // 9
      'esc3 TXT "a\\032b"', // 10
      'empty TXT ""', // 11
      'empty2 TXT "" ""', // 12
      'one TXT "" "x"', // 13
      'bare TXT word', // 14
      '',
    ].join('\n'));
    assert.deepEqual(lines(r, 'txt-format'), [3, 4, 6, 8, 9, 10, 11, 12]);
    const m = only(r, 'txt-format').map((f) => f.message);
    assert.match(m[0]!, /256 octets long; each string takes at most 255/);
    assert.match(m[2]!, /4097 octets/);
    assert.match(m[3]!, /backslash/);
    assert.match(m[6]!, /no non-empty string/);
  });
  it('a multi-line TXT reports on its first line', async () => {
    const r = await lint(`${SOA}x TXT (\n  "fine"\n  "bad\\"" )\ny A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'txt-format'), [2]);
  });
});

describe('lint: values-per-set', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('the 51st and later records of one set, counted as written', async () => {
    const recs = Array.from({ length: 53 }, (_, i) => `big A 192.0.2.${i + 1}`);
    const fine = Array.from({ length: 50 }, (_, i) => `ok A 198.51.100.${i + 1}`);
    const r = await lint(`${SOA}${recs.join('\n')}\n${fine.join('\n')}\n`);
    assert.deepEqual(lines(r, 'values-per-set'), [52, 53, 54]);
    assert.match(only(r, 'values-per-set')[0]!.message, /big\.example\.com\. A has more than 50 records \(this is record 51\)/);
  });
  it('TYPE1 and A are one set', async () => {
    const recs = Array.from({ length: 51 }, (_, i) => `big ${i % 2 ? 'TYPE1' : 'A'} 192.0.2.${i + 1}`);
    const r = await lint(`${SOA}${recs.join('\n')}\n`);
    assert.deepEqual(lines(r, 'values-per-set'), [52]);
  });
});

describe('lint: ttl-range and ttl-mixed', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('below minTtl (default 1) or above 2147483647', async () => {
    const text = `${SOA}a 0 A 192.0.2.1\nb 1 A 192.0.2.1\nc 2147483647 A 192.0.2.1\nd 2147483648 A 192.0.2.1\ne 299 A 192.0.2.1\nf 5m A 192.0.2.1\n`;
    let r = await lint(text);
    assert.deepEqual(lines(r, 'ttl-range'), [2, 5]);
    r = await lint(text, { minTtl: 300 });
    assert.deepEqual(lines(r, 'ttl-range'), [2, 3, 5, 6]);
    assert.match(only(r, 'ttl-range')[0]!.message, /TTL 0 is out of range: Huawei Cloud DNS takes 300 to 2147483647 seconds/);
  });
  it('the $TTL in effect is the record\'s TTL', async () => {
    const r = await lint(`$TTL 0\n${SOA}a A 192.0.2.1\n$TTL 1h\nb A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'ttl-range'), [3]);
  });
  it('records of one set whose TTL differs from the first one', async () => {
    const r = await lint(`${SOA}a 300 A 192.0.2.1\na 600 A 192.0.2.2\nb 300 A 192.0.2.1\na 300 A 192.0.2.3\na 5m A 192.0.2.4\na 1h AAAA 2001:db8::1\n`);
    assert.deepEqual(lines(r, 'ttl-mixed'), [3]);
    const f = only(r, 'ttl-mixed')[0]!;
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /TTL 600 differs from the TTL 300 of the first A record of this set \(line 2\)/);
  });
});

describe('lint: name-too-long', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  const l63 = 'a'.repeat(63);
  it('a label over 63 octets, a name over 255 octets, more than 16 labels', async () => {
    const r = await lint([
      SOA.trimEnd(),
      `${l63} A 192.0.2.1`, // 2: fine
      `${l63}b A 192.0.2.1`, // 3
      `${'\\097'.repeat(64)} A 192.0.2.1`, // 4: 64 octets written as escapes
      `${'é'.repeat(32)} A 192.0.2.1`, // 5: 64 octets of UTF-8
      `${[l63, l63, l63].join('.')}.${'b'.repeat(50)} A 192.0.2.1`, // 6: 4*1 + 63*3 + 50 + 13 (example.com.) = 256 > 255
      `${Array.from({ length: 14 }, () => 'x').join('.')} A 192.0.2.1`, // 7: 16 labels
      `${Array.from({ length: 15 }, () => 'x').join('.')} A 192.0.2.1`, // 8: 17 labels
      `a\\.b\\.c\\.d\\.e\\.f\\.g\\.h\\.i\\.j\\.k\\.l\\.m\\.n\\.o A 192.0.2.1`, // 9: escaped dots: 3 labels
      '',
    ].join('\n'));
    assert.deepEqual(lines(r, 'name-too-long'), [3, 4, 5, 6, 8]);
    const m = only(r, 'name-too-long').map((f) => f.message);
    assert.match(m[0]!, /a label of 64 octets/);
    assert.match(m[3]!, /256 octets long in wire form/);
    assert.match(m[4]!, /17 labels/);
  });
});

describe('lint: out-of-zone', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('an owner neither the apex nor below it', async () => {
    const r = await lint(`${SOA}www A 192.0.2.1\nwww.example.org. A 192.0.2.1\nexample.com. A 192.0.2.1\nbadexample.com. A 192.0.2.1\na\\.example.com. A 192.0.2.1\nx.EXAMPLE.COM. A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'out-of-zone'), [3, 5, 6]);
    assert.match(only(r, 'out-of-zone')[0]!.message, /www\.example\.org\. is outside the zone example\.com\./);
  });
  it('follows $ORIGIN changes', async () => {
    const r = await lint(`${SOA}$ORIGIN sub.example.com.\na A 192.0.2.1\n$ORIGIN example.net.\nb A 192.0.2.1\n$ORIGIN example.com.\nc A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'out-of-zone'), [5]);
    assert.equal(only(r, 'out-of-zone')[0]!.name, 'b.example.net.');
  });
});

describe('lint: duplicate', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('same owner, type and value as an earlier record: each later copy', async () => {
    const r = await lint([
      SOA.trimEnd(),
      'a A 192.0.2.1', // 2
      'A.example.com. A 192.0.2.1', // 3: same owner written otherwise
      'a A 192.0.2.2', // 4
      'a A 192.0.2.1', // 5
      'm MX 10 mail', // 6
      'm MX 10 MAIL.example.com.', // 7: the same target once absolute and lower case
      'm MX 010 mail.example.com.', // 8: the same preference
      'm MX 20 mail', // 9
      't TXT "Hello"', // 10
      't TXT "hello"', // 11: TXT compared exactly
      't TXT "Hello"', // 12
      's SRV 1 2 3 t', // 13
      's SRV 1 2 3 t.example.com.', // 14
      'v AAAA 2001:db8::1', // 15
      'v AAAA 2001:0DB8:0:0:0:0:0:1', // 16
      'n NS ns1', // 17
      '$ORIGIN example.com.', // 18
      'n NS ns1.example.com.', // 19
      'c CAA 0 issue "ca.example.net"', // 20
      'c CAA 0 ISSUE "ca.example.net"', // 21
      '',
    ].join('\n'));
    assert.deepEqual(lines(r, 'duplicate'), [3, 5, 7, 8, 12, 14, 16, 19, 21]);
    assert.match(only(r, 'duplicate')[0]!.message, /This A record repeats the one on line 2/);
    assert.equal(only(r, 'duplicate')[0]!.severity, 'warning');
  });
  it('relative names are made absolute with the $ORIGIN in effect at each record', async () => {
    const r = await lint(`${SOA}$ORIGIN example.com.\nx.example.com. CNAME target\n$ORIGIN sub.example.com.\n@ NS ns\n@ NS ns.sub.example.com.\n$ORIGIN example.com.\nx.example.com. CNAME target.sub\n`);
    assert.deepEqual(lines(r, 'duplicate'), [6]);
    assert.deepEqual(lines(r, 'cname-multiple'), [8]);
  });
});

describe('lint: rdata-format', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('A: four decimal numbers 0..255 without leading zeros', async () => {
    const r = await lint(`${SOA}a A 192.0.2.1\nb A 192.0.2.256\nc A 192.0.2.01\nd A 192.0.2\ne A 0.0.0.0\nf A 1.2.3.4.5\ng A ::1\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [3, 4, 5, 7, 8]);
    assert.match(only(r, 'rdata-format')[0]!.message, /"192\.0\.2\.256" is not an IPv4 address/);
  });
  it('AAAA: an IPv6 address', async () => {
    const r = await lint(`${SOA}a AAAA 2001:db8::1\nb AAAA 2001:db8::g\nc AAAA ::ffff:192.0.2.1\nd AAAA 192.0.2.1\ne AAAA fe80::1%eth0\nf AAAA 1:2:3:4:5:6:7:8:9\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [3, 5, 6, 7]);
  });
  it('MX: preference 0..65535 and a name; a null MX is refused', async () => {
    const r = await lint(`${SOA}a MX 10 mail\nb MX 65536 mail\nc MX mail\nd MX 0 .\ne MX 10 bad..name.\nf MX 10 @\ng MX -1 mail\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [3, 4, 5, 6, 8]);
    assert.match(only(r, 'rdata-format')[2]!.message, /null MX/);
  });
  it('SRV: three numbers 0..65535 and a target; "." is a valid SRV target', async () => {
    const r = await lint(`${SOA}_a._tcp SRV 0 0 0 .\n_b._tcp SRV 1 2 70000 t\n_c._tcp SRV 1 2 t\n_d._tcp SRV 1 2 3 ${'x'.repeat(64)}\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [3, 4, 5]);
  });
  it('CAA: flag 0..255 and tag issue/issuewild/iodef in any case', async () => {
    const r = await lint(`${SOA}a CAA 0 issue "ca.example.net"\nb CAA 128 IssueWild ";"\nc CAA 0 iodef "mailto:x@example.com"\nd CAA 256 issue "ca"\ne CAA 0 tbs "x"\nf CAA 0 issue\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [5, 6, 7]);
    assert.match(only(r, 'rdata-format')[1]!.message, /CAA tag must be issue, issuewild or iodef; "tbs"/);
  });
  it('CNAME and NS: one name of non-empty labels of at most 63 octets ("." is not a target)', async () => {
    const r = await lint(`${SOA}a CNAME @\nb CNAME .\nc CNAME x..y\nsub NS ns1.sub\nsub2 NS ${'n'.repeat(64)}.example.net.\nd CNAME a b\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [3, 4, 6, 7]);
  });
  it('generic rdata (\\#) of a supported type cannot be sent', async () => {
    const r = await lint(`${SOA}a TYPE1 \\# 4 C0000201\nb A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [2]);
    assert.match(only(r, 'rdata-format')[0]!.message, /generic form/);
  });
});

describe('lint: too-many-for-one-task', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('fires at line 1 of the entry file when record sets exceed 10,000', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => `h${i} A 192.0.2.1`).join('\n');
    let r = await lint(`; header\n${SOA}${many}\n`);
    assert.equal(r.recordSets, 10_001);
    assert.deepEqual(only(r, 'too-many-for-one-task').map((f) => [f.line, f.severity, f.file]), [[1, 'info', path.join(tmp, 'zone.db')]]);
    assert.match(only(r, 'too-many-for-one-task')[0]!.message, /10001 record sets.*needs 2 tasks/);
    r = await lint(`${SOA}${Array.from({ length: 10_000 }, (_, i) => `h${i} A 192.0.2.1`).join('\n')}\n`);
    assert.equal(r.recordSets, 10_000);
    assert.deepEqual(lines(r, 'too-many-for-one-task'), []);
  });
});

describe('lint: syntax', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('indexer diagnostics come through as syntax errors on their lines', async () => {
    const r = await lint(`${SOA}a TXT "open\nb A 192.0.2.1\n$BOGUS x\nc A 192.0.2.2\n`);
    assert.deepEqual(lines(r, 'syntax'), [2, 4]);
    assert.ok(only(r, 'syntax').every((f) => f.severity === 'error' && f.message.length > 0));
  });
  it('SOA records get no rule but syntax', async () => {
    const r = await lint('@ 0 IN SOA ns1..bad. h 1 1 1 1 1\nwww.example.org. SOA a b 1 1 1 1 1\n');
    assert.deepEqual(rulesFound(r), []);
    assert.equal(r.recordSets, 0);
  });
  it('an unreadable file is one syntax finding, not a throw', async () => {
    const r = await lintZoneFile(path.join(tmp, 'missing.db'), { origin: 'example.com.', root: tmp });
    assert.deepEqual(r.findings.map((f) => f.rule), ['syntax']);
  });
});

describe('lint: $INCLUDE and $GENERATE', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('a finding in an included file carries that file and its line', async () => {
    const r = await lint(`${SOA}$INCLUDE inc/hosts.db\nz PTR x\n`, { files: { 'inc/hosts.db': 'ok A 192.0.2.1\nbad A 999.0.0.1\nh PTR y\n' } });
    assert.deepEqual(only(r, 'rdata-format').map((f) => [path.relative(tmp, f.file), f.line]), [[path.join('inc', 'hosts.db'), 2]]);
    assert.deepEqual(only(r, 'unsupported-type').map((f) => [path.relative(tmp, f.file), f.line]), [['zone.db', 3], [path.join('inc', 'hosts.db'), 3]]);
  });
  it('an included file under its own origin', async () => {
    const r = await lint(`${SOA}$INCLUDE other.db example.org.\nb A 192.0.2.1\n`, { files: { 'other.db': 'a A 192.0.2.1\n' } });
    assert.deepEqual(only(r, 'out-of-zone').map((f) => [path.basename(f.file), f.line, f.name]), [['other.db', 1, 'a.example.org.']]);
  });
  it('a duplicate across files names the other file', async () => {
    const r = await lint(`${SOA}a A 192.0.2.1\n$INCLUDE more.db\n`, { files: { 'more.db': 'a A 192.0.2.1\n' } });
    assert.match(only(r, 'duplicate')[0]!.message, /repeats the one in zone\.db on line 2/);
  });
  it('each record of a $GENERATE range is checked, on the directive\'s line', async () => {
    const r = await lint(`${SOA}$GENERATE 1-60 host A 192.0.2.$\n$GENERATE 250-260 h$ A 192.0.2.$\n$GENERATE 1-3 p$ PTR x\n`);
    assert.deepEqual(lines(r, 'values-per-set'), Array<number>(10).fill(2));
    assert.deepEqual(only(r, 'rdata-format').map((f) => f.name), ['h256.example.com.', 'h257.example.com.', 'h258.example.com.', 'h259.example.com.', 'h260.example.com.']);
    assert.deepEqual(lines(r, 'rdata-format'), [3, 3, 3, 3, 3]);
    assert.deepEqual(lines(r, 'unsupported-type'), [4, 4, 4]);
  });
});

describe('lint: findings', () => {
  withTempDirIn('lint-test-', (dir) => (tmp = dir));
  it('carry the contract\'s fixed severities, sorted by file and line; one per rule per record', async () => {
    const r = await lint(`${SOA}x 0 CNAME bad..name\nx 0 A 300.0.0.1\nx A 300.0.0.1\n`);
    for (const f of r.findings) assert.equal(f.severity, LINT_RULES[f.rule]);
    const keys = r.findings.map((f) => `${f.line} ${f.rule}`);
    assert.equal(new Set(keys).size, keys.length);
    const sorted = [...r.findings].sort((a, b) => a.line - b.line);
    assert.deepEqual(r.findings.map((f) => f.line), sorted.map((f) => f.line));
  });
  it('messages go through the given Translate', async () => {
    const file = write('zone.db', `${SOA}a PTR x\n`);
    const r = await lintZoneFile(file, { origin: 'example.com.', root: tmp, translate: (m, ...a) => `T:${m}|${a.join(',')}` });
    assert.match(only(r, 'unsupported-type')[0]!.message, /^T:\{0\} records cannot be imported.*\|PTR$/);
  });
  it('lints the unsaved text instead of the file when given', async () => {
    const file = write('zone.db', `${SOA}a A 192.0.2.1\n`);
    const r = await lintZoneFile(file, { origin: 'example.com.', root: tmp, text: `${SOA}a PTR x\n` });
    assert.deepEqual(lines(r, 'unsupported-type'), [2]);
  });
});
