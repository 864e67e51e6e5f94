// One comparison as the person sees it: both texts written alike, marks on the right lines with hovers that
// never carry live Markdown, and the summary line.
import * as assert from 'node:assert/strict';
import { renderZoneText, type LiveRecordSet, type RetryRecordSet } from '../../../src/core';
import { compare } from '../../../src/compare/comparison';
import { locationsBySet } from '../../../src/compare/lines';
import { countsOf, summaryText } from '../../../src/compare/summary';

const t = (message: string, ...args: string[]): string => message.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
const APEX = 'example.com.';
const f = (name: string, type: string, records: string[], ttl = 300): RetryRecordSet => ({ zone_name: APEX, name, type, ttl, records });
const l = (id: string, name: string, type: string, records: string[], extra: Partial<LiveRecordSet> = {}): LiveRecordSet => ({ id, name, type, ttl: 300, records, status: 'ACTIVE', ...extra });

describe('compare: one comparison', () => {
  const fileSets = [f('www.example.com.', 'A', ['192.0.2.1']), f('mail.example.com.', 'MX', ['10 mail.example.com.']), f('new.example.com.', 'TXT', ['"a b"'])];
  const live = [
    l('s', 'example.com.', 'SOA', ['x'], { default: true }),
    l('1', 'WWW.example.com.', 'A', ['192.0.2.1']),
    l('2', 'mail.example.com.', 'MX', ['20 mx.example.net.', '[x](command:evil)']),
    l('3', 'old.example.com.', 'A', ['192.0.2.9']),
    l('4', 'gone.example.com.', 'A', ['192.0.2.8'], { status: 'DISABLE' }),
  ];
  const records = [
    { name: 'www.example.com.', type: 'A', line: 3, file: '/z/a.zone' },
    { name: 'mail.example.com.', type: 'MX', line: 4, file: '/z/a.zone' },
    { name: 'new.example.com.', type: 'TXT', line: 2, file: '/z/inc.zone' },
    { name: 'new.example.com.', type: 'TXT', line: 5, file: '/z/inc.zone' },
  ];
  const c = compare({ apex: APEX, zoneId: 'z', fileSets, live, locations: locationsBySet(records), ignoreTtl: false }, t);

  it('marks each record line of a set, per file, in line order', () => {
    assert.deepEqual([...c.marks.keys()], ['/z/a.zone', '/z/inc.zone']);
    assert.deepEqual(c.marks.get('/z/a.zone')!.map((m) => [m.line, m.state]), [[3, 'inSync'], [4, 'differs']]);
    assert.deepEqual(c.marks.get('/z/inc.zone')!.map((m) => [m.line, m.state]), [[2, 'missingLive'], [5, 'missingLive']]);
  });

  it('shows the live values in the hover as code spans, so a value cannot become a link', () => {
    const hover = c.marks.get('/z/a.zone')![1]!.hover;
    assert.match(hover, /`20 mx\.example\.net\.`/);
    assert.match(hover, /`\[x\] \(command:evil\)`/);
    assert.doesNotMatch(hover, /\]\(command:/);
  });

  it('renders both sides alike: the system and inactive sets never diff, the inactive one shown as a comment', () => {
    assert.doesNotMatch(c.liveText, /SOA/);
    assert.match(c.liveText, /^; not served \(DISABLE\): gone\t300\tIN\tA\t192\.0\.2\.8$/m);
    assert.match(c.liveText, /^www\t300\tIN\tA\t192\.0\.2\.1$/m);
    assert.match(c.fileText, /^www\t300\tIN\tA\t192\.0\.2\.1$/m);
    const same = (text: string) => text.split('\n').filter((x) => x.startsWith('www'));
    assert.deepEqual(same(c.liveText), same(c.fileText));
  });

  it('counts and words the summary as the issue shows it', () => {
    const counts = countsOf([c.diff]);
    assert.deepEqual(counts, { inSync: 1, missingLive: 1, differ: 1, onlyLive: 1, inactive: 1 });
    assert.equal(summaryText({ inSync: 1880, missingLive: 118, differ: 2, onlyLive: 5, inactive: 0 }, t), '1,880 in sync, 118 missing live, 2 differ, 5 only live');
    assert.equal(summaryText(counts, t), '1 in sync, 1 missing live, 1 differs, 1 only live, 1 inactive');
  });
});

describe('renderZoneText', () => {
  it('writes owners relative to the apex, parents first, values normalised and sorted, one line per value', () => {
    const text = renderZoneText(
      [
        { name: 'b.a.example.com.', type: 'A', ttl: 60, records: ['192.0.2.2'] },
        { name: 'a.example.com.', type: 'TXT', ttl: 60, records: ['"z"', 'y'] },
        { name: 'example.com.', type: 'MX', ttl: 60, records: ['010 Mail'] },
        { name: 'other.example.net.', type: 'A', ttl: 60, records: ['192.0.2.3'] },
      ],
      'Example.com',
      ['header line'],
    );
    assert.equal(text, [
      '; header line',
      '$ORIGIN example.com.',
      '@\t60\tIN\tMX\t10 mail.example.com.',
      'a\t60\tIN\tTXT\t"y"',
      'a\t60\tIN\tTXT\t"z"',
      'b.a\t60\tIN\tA\t192.0.2.2',
      'other.example.net.\t60\tIN\tA\t192.0.2.3',
      '',
    ].join('\n'));
  });

  it('keeps a name\'s children right under it (before a sibling that merely starts with the same letters), labels in order, types in order', () => {
    const text = renderZoneText(
      [
        { name: 'ba.example.com.', type: 'A', ttl: 60, records: ['192.0.2.2'] },
        { name: 'ab.example.com.', type: 'A', ttl: 60, records: ['192.0.2.1'] },
        { name: 'b.a.example.com.', type: 'TXT', ttl: 60, records: ['"x"'] },
        { name: 'a.example.com.', type: 'TXT', ttl: 60, records: ['"t"'] },
        { name: 'a.example.com.', type: 'A', ttl: 60, records: ['192.0.2.9'] },
      ],
      APEX,
    );
    assert.equal(text, [
      '$ORIGIN example.com.',
      'a\t60\tIN\tA\t192.0.2.9',
      'a\t60\tIN\tTXT\t"t"',
      'b.a\t60\tIN\tTXT\t"x"',
      'ab\t60\tIN\tA\t192.0.2.1',
      'ba\t60\tIN\tA\t192.0.2.2',
      '',
    ].join('\n'));
  });

  it('writes a set without values as one line with an empty value, and a set not served as a comment', () => {
    const text = renderZoneText([
      { name: 'a.example.com.', type: 'TXT', ttl: 60, records: [] },
      { name: 'b.example.com.', type: 'A', ttl: 60, records: ['192.0.2.1'], commentedOut: 'DISABLE\nstatus' },
    ], APEX);
    assert.equal(text, '$ORIGIN example.com.\na\t60\tIN\tTXT\t\n; DISABLE status: b\t60\tIN\tA\t192.0.2.1\n');
  });

  it('writes sets of the same owner and type (one per resolution line, or one not served) in one order, whatever order the API listed them in', () => {
    const sets = [
      { name: 'www.example.com.', type: 'A', ttl: 60, records: ['192.0.2.2'] },
      { name: 'WWW.example.com.', type: 'a', ttl: 60, records: ['192.0.2.3', '192.0.2.1'] },
      { name: 'www.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1'] },
      { name: 'www.example.com.', type: 'A', ttl: 60, records: ['192.0.2.9'], commentedOut: 'not served (DISABLE)' },
      { name: 'www.example.com.', type: 'A', ttl: 60, records: ['192.0.2.10'] },
    ];
    // Compared as their lines read, first line first: the set whose first line is the shorter one comes first.
    const expected = [
      '$ORIGIN example.com.',
      '; not served (DISABLE): www\t60\tIN\tA\t192.0.2.9',
      'www\t300\tIN\tA\t192.0.2.1',
      'www\t60\tIN\tA\t192.0.2.1',
      'www\t60\tIN\tA\t192.0.2.3',
      'www\t60\tIN\tA\t192.0.2.10',
      'www\t60\tIN\tA\t192.0.2.2',
      '',
    ].join('\n');
    for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 3, 0, 4, 2], [2, 4, 0, 3, 1]]) {
      assert.equal(renderZoneText(order.map((i) => sets[i]!), APEX), expected, `listed as ${order.join(',')}`);
    }
  });

  it('writes a line break inside a value, a header or a status as one blank, whatever its style, so it never starts a line of its own', () => {
    const text = renderZoneText([
      { name: 'a.example.com.', type: 'A', ttl: 60, records: ['192.0.2.1\r\n\r\nevil\t60\tIN\tA\t192.0.2.66'] },
      { name: 'b.example.com.', type: 'A', ttl: 60, records: ['192.0.2.2\nx'], commentedOut: 'not served\r\n(DISABLE)' },
    ], APEX, ['Zone\r\nexample.com.']);
    assert.equal(text, [
      '; Zone example.com.',
      '$ORIGIN example.com.',
      'a\t60\tIN\tA\t192.0.2.1 evil\t60\tIN\tA\t192.0.2.66',
      '; not served (DISABLE): b\t60\tIN\tA\t192.0.2.2 x',
      '',
    ].join('\n'));
    // A CR LF and a lone LF read alike, so the two sides of a comparison never differ by line-break style.
    const lf = renderZoneText([{ name: 'a.example.com.', type: 'A', ttl: 60, records: ['192.0.2.1\nx'] }], APEX, ['h\ni']);
    const crlf = renderZoneText([{ name: 'a.example.com.', type: 'A', ttl: 60, records: ['192.0.2.1\r\nx'] }], APEX, ['h\r\ni']);
    assert.equal(crlf, lf);
  });

  it('writes a placeholder TTL when TTLs are not compared', () => {
    assert.match(renderZoneText([{ name: 'a.example.com.', type: 'A', ttl: 60, records: ['192.0.2.1'] }], APEX, [], { omitTtl: true }), /^a\t-\tIN\tA/m);
  });
});
