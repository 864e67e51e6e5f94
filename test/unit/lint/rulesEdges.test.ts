// Cases the rule tests (rules.test.ts) leave open, found by mutation testing (issue 15): each asserts what the
// person sees in the Problems panel — a finding missing or extra, on the wrong line, with the wrong message —
// through lintZoneFile on real zone text, and checks the generic path (records()/details()) finds the same.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { indexZoneFile, lintZone, lintZoneFile, LINT_RULE_IDS, type LintResult, type LintRule } from '../../../src/core';
import type { LintableIndex } from '../../../src/core/lint/index';
import { plainIndex } from './helpers';
import { withTempDirIn } from '../../support/tempDir';

let tmp: string;

const SOA = '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 300\n';

/** Lints `text` as zone.db (origin example.com.) with `files` written beside it, both ways; returns the result. */
async function lint(text: string, options: { minTtl?: number; files?: Record<string, string> } = {}): Promise<LintResult> {
  for (const [rel, body] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(tmp, rel), body);
  const file = path.join(tmp, 'zone.db');
  fs.writeFileSync(file, text);
  const minTtl = options.minTtl === undefined ? {} : { minTtl: options.minTtl };
  const result = await lintZoneFile(file, { origin: 'example.com.', root: tmp, ...minTtl });
  const generic = lintZone(plainIndex(await indexZoneFile(file, { origin: 'example.com.', root: tmp })), minTtl);
  assert.deepEqual(generic, result, 'the generic path finds the same');
  return result;
}

/** The compact path alone, on text that never touches the disk (for the large zones: the generic path is slower). */
const lintText = (text: string): Promise<LintResult> => lintZoneFile('/zones/zone.db', { origin: 'example.com.', root: '/zones', text });

const lines = (r: LintResult, rule: LintRule): number[] => r.findings.filter((f) => f.rule === rule).map((f) => f.line);
const messages = (r: LintResult, rule: LintRule): string[] => r.findings.filter((f) => f.rule === rule).map((f) => f.message);
const where = (r: LintResult): string[] => r.findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.rule}`);

describe('lint: messages name what each finding is about', () => {
  withTempDirIn('lint-edges-', (dir) => (tmp = dir));
  it('each unsupported type is named in its own finding, also when types alternate', async () => {
    const r = await lint(`${SOA}a PTR x.example.com.\nb HINFO "pc" "os"\nc PTR y.example.com.\nd PTR z.example.com.\n`);
    assert.deepEqual(messages(r, 'unsupported-type').map((m) => m.split(' ')[0]), ['PTR', 'HINFO', 'PTR', 'PTR']);
  });
  it('values-per-set counts each record past 50 and names the set\'s type', async () => {
    const a = Array.from({ length: 53 }, (_, k) => `big A 192.0.2.${k + 1}`);
    const aaaa = Array.from({ length: 51 }, (_, k) => `big AAAA 2001:db8::${(k + 1).toString(16)}`);
    const r = await lint(`${SOA}${a.slice(0, 51).join('\n')}\n${aaaa.join('\n')}\n${a.slice(51).join('\n')}\n`);
    assert.deepEqual(messages(r, 'values-per-set').map((m) => /^(\S+ \S+) .*record (\d+)\)/.exec(m)?.slice(1).join(' ')), [
      'big.example.com. A 51', 'big.example.com. AAAA 51', 'big.example.com. A 52', 'big.example.com. A 53',
    ]);
  });
  it('ttl-mixed names the line of the first record of its own set', async () => {
    const r = await lint(`${SOA}a 300 A 192.0.2.1\na 600 A 192.0.2.2\nb 300 A 192.0.2.1\nb 600 A 192.0.2.2\nc 300 TXT "x"\nc 600 TXT "y"\n`);
    assert.deepEqual(messages(r, 'ttl-mixed').map((m) => /first (\S+) record of this set \(line (\d+)\)/.exec(m)?.slice(1).join(' ')), ['A 2', 'A 4', 'TXT 6']);
    assert.deepEqual(lines(r, 'ttl-mixed'), [3, 5, 7]);
  });
  it('ttl-range names each record\'s own TTL', async () => {
    const r = await lint(`${SOA}a 0 A 192.0.2.1\nb 2147483648 A 192.0.2.1\nc 0 A 192.0.2.1\n`);
    assert.deepEqual(messages(r, 'ttl-range').map((m) => m.split(' ')[1]), ['0', '2147483648', '0']);
  });
  it('a cname-conflict lists each other type once, in the order first met', async () => {
    const r = await lint(`${SOA}www CNAME a\nwww TXT "x"\nwww A 192.0.2.1\nwww TXT "y"\nwww A 192.0.2.2\n`);
    assert.deepEqual(lines(r, 'cname-conflict'), [2]);
    assert.match(messages(r, 'cname-conflict')[0]!, /has a CNAME and other records \(TXT, A\)/);
  });
  it('a value of several words is shown as written, one space apart; one over 80 characters is cut with …', async () => {
    const exact = `1${'0'.repeat(79)}`; // 80 characters: shown whole
    const over = `2${'0'.repeat(80)}`; // 81: cut to 79 and …
    const r = await lint(`${SOA}a A 10.0.0.1   10.0.0.2\nb A ${exact}\nc A ${over}\n`);
    const m = messages(r, 'rdata-format');
    assert.match(m[0]!, /^"10\.0\.0\.1 10\.0\.0\.2" is not an IPv4 address/);
    assert.ok(m[1]!.startsWith(`"${exact}" is not`), m[1]);
    assert.ok(m[2]!.startsWith(`"${over.slice(0, 79)}…" is not`), m[2]);
  });
  it('a TXT backslash finding quotes the first string holding one', async () => {
    const r = await lint(`${SOA}t TXT "fine" "a\\\\b" "c\\"d"\n`);
    assert.match(messages(r, 'txt-format')[0]!, /contains a backslash \("a\\\\b"\)/);
  });
  it('a duplicate in another file names that file; in the same file, the line', async () => {
    const r = await lint(`${SOA}a A 192.0.2.1\n$INCLUDE more.db\na A 192.0.2.1\n`, { files: { 'more.db': 'a A 192.0.2.1\nb A 192.0.2.2\nb A 192.0.2.2\n' } });
    assert.deepEqual(r.findings.filter((f) => f.rule === 'duplicate').map((f) => `${path.basename(f.file)}:${f.line} ${f.message}`), [
      'zone.db:4 This A record repeats the one on line 2. Remove the copy.',
      'more.db:1 This A record repeats the one in zone.db on line 2. Remove the copy.',
      'more.db:3 This A record repeats the one on line 2. Remove the copy.',
    ]);
  });
});

describe('lint: findings in file and line order', () => {
  withTempDirIn('lint-edges-', (dir) => (tmp = dir));
  it('the entry file first, then included files; on one line the record\'s own findings before a cname-conflict', async () => {
    const r = await lint(`${SOA}www 0 CNAME a\nwww 300 A 192.0.2.1\n$INCLUDE inc.db\nx 300 PTR y.example.com.\nbad "open\n`, { files: { 'inc.db': 'h 300 PTR z.example.com.\nh2 0 A 192.0.2.1\n' } });
    assert.deepEqual(where(r), [
      'zone.db:2 ttl-range', 'zone.db:2 cname-conflict', 'zone.db:5 unsupported-type', 'zone.db:6 syntax',
      'inc.db:1 unsupported-type', 'inc.db:2 ttl-range',
    ]);
  });
});

describe('lint: minTtl as a setting gives it', () => {
  withTempDirIn('lint-edges-', (dir) => (tmp = dir));
  const text = `${SOA}a 0 A 192.0.2.1\nb 1 A 192.0.2.1\nc 299 A 192.0.2.1\nd 300 A 192.0.2.1\n`;
  it('a fractional minimum is rounded down, a negative one is 0, one that is not a finite number is the default 1', async () => {
    assert.deepEqual(lines(await lint(text, { minTtl: 299.9 }), 'ttl-range'), [2, 3]);
    assert.deepEqual(lines(await lint(text, { minTtl: -5 }), 'ttl-range'), []);
    assert.deepEqual(lines(await lint(text, { minTtl: Number.NaN }), 'ttl-range'), [2]);
    assert.deepEqual(lines(await lint(text, { minTtl: Number.POSITIVE_INFINITY }), 'ttl-range'), [2]);
    assert.match(messages(await lint(text, { minTtl: 299.9 }), 'ttl-range')[0]!, /takes 299 to 2147483647/);
  });
});

describe('lint: rdata-format edges', () => {
  withTempDirIn('lint-edges-', (dir) => (tmp = dir));
  it('quoted addresses and quoted targets are not values the API takes', async () => {
    const r = await lint(`${SOA}a A "192.0.2.1"\nb AAAA "2001:db8::1"\nc CNAME "target"\nm MX 10 "mail"\ns SRV 1 2 3 "t"\nn NS "ns1"\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [2, 3, 4, 5, 6, 7]);
  });
  it('each SRV number is checked, not only the port', async () => {
    const r = await lint(`${SOA}_a._tcp SRV 70000 1 2 t\n_b._tcp SRV 1 70000 2 t\n_c._tcp SRV 1 2 3 t\n_d._tcp SRV 65535 65535 65535 t\n_e._tcp SRV 1 2 3 4 t\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [2, 3, 6]);
  });
  it('a null MX is one with the root as its exchange, whatever the preference; "." inside a name is not', async () => {
    const r = await lint(`${SOA}a MX 10 .\nb MX 0 .x\nc MX 0 x.\n`);
    assert.deepEqual(messages(r, 'rdata-format').map((m) => /null MX/.test(m)), [true, false]);
    assert.deepEqual(lines(r, 'rdata-format'), [2, 3]);
  });
  it('an escaped first word is not generic rdata', async () => {
    const r = await lint(`${SOA}a CNAME \\065bc\nb MX 10 \\097\n`);
    assert.deepEqual(lines(r, 'rdata-format'), []);
  });
  it('a target label written with \\DDD escapes counts one octet per escape', async () => {
    const r = await lint(`${SOA}a CNAME ${'\\097'.repeat(63)}\nb CNAME ${'\\097'.repeat(64)}\nc CNAME x\\.${'\\065'.repeat(61)}\nd CNAME ${'\\\\'.repeat(64)}\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [3, 5]);
  });
  it('a number of more than ten digits is not a preference, even with leading zeros', async () => {
    const r = await lint(`${SOA}a MX 00000000010 mail\nb MX 0000000010 mail\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [2]);
  });
  it('CAA: the flag 255 and each tag in any case; a flag with a sign is refused', async () => {
    const r = await lint(`${SOA}a CAA 255 ISSUE "x"\nb CAA 0 IODEF "mailto:a@example.com"\nc CAA +1 issue "x"\nd CAA 0 issuewildx "x"\n`);
    assert.deepEqual(lines(r, 'rdata-format'), [4, 5]);
  });
  it('IPv6 forms: :: at either end, an IPv4 tail after ::, and the ways they break', async () => {
    const good = ['::', '::1', '1::', '2001:db8::', '::ffff:192.0.2.1', '1:2:3:4:5:6:192.0.2.1', '1:2:3:4:5:6:7:8', '1::8', 'FFFF::ABCD', '0:0:0:0:0:0:0:0'];
    const bad = [':1', '1:', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', '1:2:3:4:5:6:7:192.0.2.1', '::192.0.2.256', 'g::', '1:2:3:4:5:6:7::8', ':::', '1:2:3:4:5:6:7:8::', '1::2:3:4:5:6:7:8',
      `${'1:'.repeat(22)}1`, '::1.2.3', '1:2:3:4:5:6:7:8:'];
    const r = await lint(`${SOA}${[...good, ...bad].map((v, k) => `h${k} AAAA ${v}`).join('\n')}\n`);
    assert.deepEqual(lines(r, 'rdata-format'), bad.map((_, k) => good.length + k + 2));
  });
  it('IPv4: each of the four parts checked, and nothing after the fourth', async () => {
    const bad = ['256.0.0.1', '1.256.0.1', '1.2.256.1', '01.2.3.4', '1.02.3.4', '1.2.3.4.', '.1.2.3', '1..2.3', '1.2.3.', '1234.1.1.1', '1.2.3.4x'];
    const r = await lint(`${SOA}ok A 255.255.255.255\nok2 A 0.10.100.9\n${bad.map((v, k) => `h${k} A ${v}`).join('\n')}\n`);
    assert.deepEqual(lines(r, 'rdata-format'), bad.map((_, k) => k + 4));
  });
});

describe('lint: txt-format edges', () => {
  withTempDirIn('lint-edges-', (dir) => (tmp = dir));
  it('an unquoted word counts all its octets; more than eight strings all count towards the total', async () => {
    const r = await lint(`${SOA}w TXT ${'w'.repeat(256)}\nok TXT ${'w'.repeat(255)}\nn TXT ${Array.from({ length: 17 }, () => `"${'n'.repeat(241)}"`).join(' ')}\n`);
    assert.deepEqual(lines(r, 'txt-format'), [2, 4]);
    assert.deepEqual(messages(r, 'txt-format').map((m) => m.split(' ')[0]), ['A', 'The']);
  });
  it('one finding per record: a backslash wins over a length', async () => {
    const r = await lint(`${SOA}t TXT "${'a'.repeat(300)}\\""\n`);
    assert.deepEqual(lines(r, 'txt-format'), [2]);
    assert.match(messages(r, 'txt-format')[0]!, /backslash/);
  });
});

describe('lint: names', () => {
  withTempDirIn('lint-edges-', (dir) => (tmp = dir));
  it('a name of exactly 255 octets in wire form is taken, 256 is not; a long label wins over the other name rules', async () => {
    const l63 = 'a'.repeat(63);
    // wire: 3 × 64 + (49 + 1) + 13 (example.com.) = 255
    const r = await lint(`${SOA}${[l63, l63, l63].join('.')}.${'b'.repeat(49)} A 192.0.2.1\n${'x'.repeat(64)}.${Array.from({ length: 16 }, () => 'y').join('.')} A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'name-too-long'), [3]);
    assert.match(messages(r, 'name-too-long')[0]!, /label of 64 octets/);
  });
  it('star checks find every owner holding a star, however many owners and wherever the star is', async () => {
    const owners: string[] = [];
    const expected: number[] = [];
    for (let k = 0; k < 120; k++) {
      const kind = k % 5;
      const name = kind === 0 ? `a${k}*` : kind === 1 ? `*b${k}` : kind === 2 ? `*.c${k}` : kind === 3 ? `d${k}.*` : `e${k}`;
      owners.push(`${name} A 192.0.2.1`);
      if (kind === 0 || kind === 1 || kind === 3) expected.push(k + 2);
    }
    const r = await lint(`${SOA}${owners.join('\n')}\n`);
    assert.deepEqual(lines(r, 'wildcard'), expected);
  });
  it('an owner with a stray star and NS records gets one wildcard finding', async () => {
    const r = await lint(`${SOA}x*.y NS ns1.example.net.\n*.z NS ns1.example.net.\n`);
    assert.deepEqual(messages(r, 'wildcard').map((m) => /leftmost/.test(m)), [true, false]);
  });
  it('an escaped backslash before the apex leaves the name in the zone; escaped names are checked for length too', async () => {
    const r = await lint(`${SOA}a\\\\.example.com. A 192.0.2.1\n${'\\\\'.repeat(64)} A 192.0.2.1\n\\*${'q'.repeat(63)} A 192.0.2.1\n`);
    assert.deepEqual(lines(r, 'out-of-zone'), []);
    assert.deepEqual(lines(r, 'name-too-long'), [3, 4]);
    assert.deepEqual(lines(r, 'wildcard'), [4]); // an escaped star is a star in the label all the same
  });
});

describe('lint: duplicates compared as the API compares them', () => {
  withTempDirIn('lint-edges-', (dir) => (tmp = dir));
  it('@, escapes and relative names under the root origin are the names they stand for', async () => {
    const r = await lint(`${SOA}a CNAME @\na CNAME example.com.\nb CNAME \\065bc\nb CNAME abc\n$ORIGIN .\nc.example.com. CNAME t\nc.example.com. CNAME t.\n`);
    assert.deepEqual(lines(r, 'duplicate'), [3, 5, 8]);
  });
  it('target names are compared without case, A to Z', async () => {
    const r = await lint(`${SOA}z CNAME AZ\nz CNAME az.example.com.\ny NS AZ.example.com.\ny NS aZ\n`);
    assert.deepEqual(lines(r, 'duplicate'), [3, 5]);
  });
  it('numbers are compared as numbers in SRV and CAA, the CAA value exactly', async () => {
    const r = await lint(`${SOA}s SRV 1 02 3 t\ns SRV 1 2 03 t.example.com.\ns SRV 1 2 4 t\nc CAA 00 issue "ca"\nc CAA 0 issue "ca"\nc CAA 0 issue "CA"\n`);
    assert.deepEqual(lines(r, 'duplicate'), [3, 6]);
  });
  it('TXT values of more than eight strings are compared whole', async () => {
    const nine = Array.from({ length: 9 }, (_, k) => `"s${k}"`);
    const r = await lint(`${SOA}t TXT ${nine.join(' ')}\nt TXT ${[...nine.slice(0, 8), '"other"'].join(' ')}\nt TXT ${nine.join(' ')}\n`);
    assert.deepEqual(lines(r, 'duplicate'), [4]);
  });
  it('the same value at two owners, or under two types of one owner, is no duplicate', async () => {
    const r = await lint(`${SOA}a A 192.0.2.1\na A 192.0.2.2\nb A 192.0.2.1\nb A 192.0.2.2\nx TXT "v"\nx TXT "w"\nx SPF "u"\nx SPF "v"\n`);
    assert.deepEqual(lines(r, 'duplicate'), []);
  });
  it('sets of one owner interleaved: each record is counted in its own set', async () => {
    const r = await lint(`${SOA}x A 192.0.2.1\nx TXT "t"\nx MX 10 m\nx 600 A 192.0.2.1\nx 600 TXT "t"\nx 600 MX 10 m\nx 300 CAA 0 issue "a"\nx 600 CAA 0 issue "a"\n`);
    assert.deepEqual(lines(r, 'duplicate'), [5, 6, 7, 9]);
    assert.deepEqual(lines(r, 'ttl-mixed'), [5, 6, 7, 9]);
    assert.equal(r.recordSets, 4);
  });
});

describe('lint: zones with many sets', () => {
  withTempDirIn('lint-edges-', (dir) => (tmp = dir));
  it('finds duplicates and mixed TTLs in the third and later sets of thousands of owners', async function () {
    this.timeout(60_000);
    // 1,100 owners of four sets each: 2,200 third and fourth sets, past the first growth of the set table.
    const n = 1100;
    const head: string[] = [];
    const tail: string[] = [];
    for (let k = 0; k < n; k++) {
      head.push(`h${k} A 10.0.${k >> 8}.${k & 255}`, `h${k} AAAA 2001:db8::${k.toString(16)}`, `h${k} ${100 + k} TXT "t${k}"`, `h${k} MX 10 m${k}`);
      tail.push(`h${k} 99 TXT "t${k}"`);
    }
    const r = await lintText(`${SOA}${head.join('\n')}\n${tail.join('\n')}\n`);
    const first = 2 + 4 * n;
    const expected = Array.from({ length: n }, (_, k) => first + k);
    assert.deepEqual(lines(r, 'duplicate'), expected);
    assert.deepEqual(lines(r, 'ttl-mixed'), expected);
    assert.equal(messages(r, 'ttl-mixed')[n - 1], `TTL 99 differs from the TTL ${100 + n - 1} of the first TXT record of this set (line ${first - 2}): a record set has one TTL. Use the same TTL on every record of the set.`);
    assert.equal(r.recordSets, 4 * n);
    assert.deepEqual(r.findings.filter((f) => f.rule !== 'duplicate' && f.rule !== 'ttl-mixed'), []);
  });
  it('finds a repeated value after thousands of other values came between, and no copy across owners or types', async function () {
    this.timeout(60_000);
    const sets = Array.from({ length: 1500 }, (_, k) => `v${k} A 10.1.${k >> 8}.${k & 255}\nv${k} A 10.2.${k >> 8}.${k & 255}`);
    const again = Array.from({ length: 1500 }, (_, k) => `v${k} A 10.1.${k >> 8}.${k & 255}`);
    // The same two values at a thousand other owners, and under a thousand types of one owner: none is a copy.
    const shared = Array.from({ length: 1000 }, (_, k) => `w${k} A 192.0.2.1\nw${k} A 192.0.2.2`);
    const types = Array.from({ length: 1000 }, (_, k) => `u TYPE${1000 + k} \\# 1 00\nu TYPE${1000 + k} \\# 1 01`);
    const r = await lintText(`${SOA}${sets.join('\n')}\n${again.join('\n')}\n${shared.join('\n')}\n${types.join('\n')}\n`);
    assert.deepEqual(lines(r, 'duplicate'), again.map((_, k) => 2 + 3000 + k));
  });
});

describe('lint: an index whose compact form has no data positions (an older indexer\'s)', () => {
  it('reads owner, TTL, class and type off each entry and finds the same', async () => {
    const text = [
      '$ORIGIN example.com.',
      SOA.trimEnd(),
      'a 300 IN A 192.0.2.1',
      'b IN 300 A 192.0.2.1',
      'c 1h30m CH TXT "x"',
      'd CLASS1 A 192.0.2.01',
      'e ANY 2W A 192.0.2.2',
      '\tHS 0 A 192.0.2.3',
      '\tNONE PTR x',
      'f CS MX 10 .',
      '  A 1.2.3.4 ; trailing comment',
      'g ( 300',
      '  IN A',
      '  192.0.2.9 ) ; comment',
      'h 300 TXT "a" ; "b\\"',
      'i 1d TXT "two\\',
      'lines"',
      '300 A 192.0.2.5',
      'in A 192.0.2.6',
      'IN A 192.0.2.7',
      'class5 A 192.0.2.8',
      'CLASS12345678 A 192.0.2.10',
      'j 3600 IN 5 A 192.0.2.11',
      's1 1d A 192.0.2.1',
      's2 30s A 192.0.2.1',
      's3 CLASS12345 A 192.0.2.1',
      'k TXT "unclosed',
      '',
    ].join('\n');
    const index = await indexZoneFile('/zones/example.zone', { origin: 'example.com.', root: '/zones', text });
    const compact = (index as unknown as { compact: Record<string, unknown> }).compact;
    const older = Object.defineProperty(Object.create(index) as LintableIndex, 'compact', { value: { ...compact, recData: undefined } });
    const expected = lintZone(index);
    assert.ok(expected.findings.length >= 5, JSON.stringify(expected.findings));
    assert.deepEqual(lintZone(older), expected);
  });
});

describe('lint: a file with CRLF line ends', () => {
  it('an escaped line break inside a quoted value continues the value', async () => {
    const text = `${SOA}c CAA 0 issue "ca\\\r\nexample"\r\nd A 192.0.2.1\r\n`;
    const r = await lintText(text);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'rdata-format'), []);
  });
});

describe('lint: record sets and severities by contract', () => {
  it('every finding of a zone where each rule fires carries its contract severity', async () => {
    const contract: Record<string, string> = {
      syntax: 'error', 'unsupported-type': 'error', 'cname-conflict': 'error', 'cname-multiple': 'error', 'apex-ns': 'info',
      wildcard: 'error', 'txt-format': 'error', 'values-per-set': 'error', 'ttl-range': 'error', 'ttl-mixed': 'warning',
      'name-too-long': 'error', 'out-of-zone': 'error', duplicate: 'warning', 'rdata-format': 'error', 'too-many-for-one-task': 'info',
    };
    const text = [
      SOA.trimEnd(), '@ NS ns1.example.net.', 'p PTR x.example.com.', 'c CNAME a', 'c CNAME b', 'c A 192.0.2.1', 'x*y A 192.0.2.1',
      't TXT ""', ...Array.from({ length: 51 }, (_, k) => `v A 10.0.0.${k + 1}`), 'r 0 A 192.0.2.1', 'm 300 A 192.0.2.1', 'm 600 A 192.0.2.2',
      `${'l'.repeat(64)} A 192.0.2.1`, 'o.example.org. A 192.0.2.1', 'd A 192.0.2.1', 'd A 192.0.2.1', 'f A 1.2.3', 'q TXT "open',
      '',
    ].join('\n');
    const r = await lintText(text);
    assert.deepEqual([...new Set(r.findings.map((f) => f.rule))].sort(), LINT_RULE_IDS.filter((id) => id !== 'too-many-for-one-task').sort());
    assert.deepEqual(r.findings.filter((f) => f.severity !== contract[f.rule]), []);
    // SOA and the apex NS set are not counted; each other (owner, type) once.
    assert.equal(r.recordSets, 13);
  });
  it('says how many tasks an import of over 10,000 record sets needs, as info on line 1 of the entry file', async () => {
    const r = await lintText(`; header\n${SOA}${Array.from({ length: 10_001 }, (_, k) => `s${k} A 192.0.2.1`).join('\n')}\n`);
    assert.equal(r.recordSets, 10_001);
    assert.deepEqual(r.findings.map((f) => [f.rule, f.severity, f.file, f.line]), [['too-many-for-one-task', 'info', '/zones/zone.db', 1]]);
    assert.match(r.findings[0]!.message, /^The file has 10001 record sets; one import task takes at most 10,000, so this needs 2 tasks/);
  });
});

describe('lint: the apex found wherever its records are', () => {
  it('NS records at the apex are apex-ns even when the apex first appears after many other names', async () => {
    const others = Array.from({ length: 80 }, (_, k) => `h${k}.example.com. A 192.0.2.1`);
    const text = `${others.join('\n')}\nexample.com. NS ns1.example.net.\nexample.com. MX 10 mail.example.com.\n`;
    const index = await indexZoneFile('/zones/late.zone', { origin: 'example.com.', root: '/zones', text });
    for (const r of [lintZone(index), lintZone(plainIndex(index))]) {
      assert.deepEqual(r.findings.map((f) => `${f.line} ${f.rule}`), ['81 apex-ns']);
      assert.equal(r.recordSets, 81);
    }
  });
});
