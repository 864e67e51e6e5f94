// The pure parts of the editor's check: ignore comments, per-rule severity, and the quick fixes' edits.
import * as assert from 'node:assert/strict';
import { absoluteTargetEdit, lineTokens, recordEndLine, recordFields, splitOctets, splitTxtEdits, ttlEdit, type LineEdit } from '../../../src/lint/recordText';
import { shownSeverity } from '../../../src/lint/severity';
import { defaultTtlAt, effectiveTtlAt, ttlRangeFix, ttlSeconds } from '../../../src/lint/ttl';
import { ignoredRules, isSuppressed } from '../../../src/lint/suppression';

const apply = (line: string, edits: readonly LineEdit[]): string =>
  [...edits].sort((a, b) => b.start - a.start).reduce((s, e) => s.slice(0, e.start) + e.text + s.slice(e.end), line);

describe('lint in the editor: ignore comments', () => {
  it('reads the rules an ignore comment names, and none for every rule', () => {
    assert.deepEqual([...(ignoredRules('www A 1.2.3.4 ; huaweidns-ignore ttl-mixed, duplicate') ?? [])], ['ttl-mixed', 'duplicate']);
    assert.deepEqual([...(ignoredRules('; HuaweiDNS-Ignore') ?? ['x'])], []);
    assert.equal(ignoredRules('www TXT "; huaweidns-ignore txt-format"'), undefined, 'inside a quoted string it is data');
    assert.equal(ignoredRules('www A 1.2.3.4 ; a comment'), undefined);
  });

  it('silences its own line, or the record under a comment-only line, and only the named rules', () => {
    const lines = ['; huaweidns-ignore duplicate', 'www A 192.0.2.1', 'www A 192.0.2.1 ; huaweidns-ignore ttl-range', 'ftp A 192.0.2.2'];
    const at = (l: number): string | undefined => lines[l];
    assert.equal(isSuppressed('duplicate', 1, at), true);
    assert.equal(isSuppressed('ttl-range', 1, at), false);
    assert.equal(isSuppressed('ttl-range', 2, at), true);
    assert.equal(isSuppressed('duplicate', 2, at), false, 'a trailing comment does not reach the next line');
    assert.equal(isSuppressed('ttl-range', 3, at), false);
  });
});

describe('lint in the editor: severity settings', () => {
  it('uses the setting, "off" turns the rule off, unknown keys change nothing', () => {
    assert.equal(shownSeverity('ttl-mixed', 'warning', {}), 'warning');
    assert.equal(shownSeverity('ttl-mixed', 'warning', { 'ttl-mixed': 'error' }), 'error');
    assert.equal(shownSeverity('ttl-mixed', 'warning', { 'ttl-mixed': 'off' }), undefined);
    assert.equal(shownSeverity('toString', 'info', {}), 'info', 'no prototype keys');
  });
});

describe('lint in the editor: record fields and quick-fix edits', () => {
  it('splits a line into owner, TTL, class, type and data (quoted strings whole, comments dropped)', () => {
    const f = recordFields('www 300 IN TXT "a b" "c" ; x');
    assert.deepEqual([f?.owner?.text, f?.ttl?.text, f?.cls?.text, f?.type.text, f?.rdata.map((t) => t.text)], ['www', '300', 'IN', 'TXT', ['"a b"', '"c"']]);
    const blank = recordFields('\tIN 1h MX 10 mail');
    assert.deepEqual([blank?.owner, blank?.ttl?.text, blank?.type.text], [undefined, '1h', 'MX']);
    assert.equal(recordFields('$TTL 300'), undefined);
    assert.equal(recordFields('; only a comment'), undefined);
    assert.deepEqual(lineTokens('@ SOA ns1 host ( 1 2'), [
      { text: '@', start: 0, end: 1 }, { text: 'SOA', start: 2, end: 5 }, { text: 'ns1', start: 6, end: 9 },
      { text: 'host', start: 10, end: 14 }, { text: '1', start: 17, end: 18 }, { text: '2', start: 19, end: 20 },
    ]);
  });

  it('sets a TTL in place, or inserts one before the class or type', () => {
    assert.equal(apply('www 3000000000 IN A 192.0.2.1', [ttlEdit('www 3000000000 IN A 192.0.2.1', 2147483647)!]), 'www 2147483647 IN A 192.0.2.1');
    assert.equal(apply('www\tIN\tA\t192.0.2.1', [ttlEdit('www\tIN\tA\t192.0.2.1', 300)!]), 'www\t300 IN\tA\t192.0.2.1');
    assert.equal(apply('\tA 192.0.2.1', [ttlEdit('\tA 192.0.2.1', 300)!]), '\t300 A 192.0.2.1');
  });

  it('makes a relative target absolute only when it already ends with the zone name', () => {
    const fix = (line: string): string | undefined => {
      const e = absoluteTargetEdit(line, 'example.com.');
      return e && apply(line, [e]);
    };
    assert.equal(fix('api CNAME www.example.com'), 'api CNAME www.example.com.');
    assert.equal(fix('@ MX 10 mail.Example.COM ; mx'), '@ MX 10 mail.Example.COM. ; mx');
    assert.equal(fix('_sip._tcp SRV 10 60 5060 sip.example.com'), '_sip._tcp SRV 10 60 5060 sip.example.com.');
    assert.equal(fix('sub NS example.com'), 'sub NS example.com.');
    assert.equal(fix('api CNAME www'), undefined, 'a short relative name means what it says');
    assert.equal(fix('api CNAME www.example.com.'), undefined);
    assert.equal(fix('api CNAME notexample.com'), undefined);
    assert.equal(fix('www A 192.0.2.1'), undefined);
  });

  it('splits TXT strings over 255 octets without cutting a character, and leaves others alone', () => {
    const long = 'x'.repeat(300);
    assert.equal(apply(`t TXT "${long}" "ok"`, splitTxtEdits(`t TXT "${long}" "ok"`)), `t TXT "${'x'.repeat(255)}" "${'x'.repeat(45)}" "ok"`);
    const parts = splitOctets('é'.repeat(200));
    assert.deepEqual(parts.map((p) => new TextEncoder().encode(p).length), [254, 146]);
    assert.deepEqual(splitTxtEdits('t TXT "short"'), []);
    assert.deepEqual(splitTxtEdits(`t TXT "${long}\\"x"`), [], 'escapes are not split');
  });

  it('finds the last line of a parenthesised record', () => {
    const lines = ['@ SOA ns1 host (', ' 1 ; ( not counted', ' 2 ")" )', 'next A 192.0.2.1'];
    assert.equal(recordEndLine((l) => lines[l], 0), 2);
    assert.equal(recordEndLine((l) => lines[l], 3), 3);
  });
});

describe('lint in the editor: TTLs as written', () => {
  it('reads seconds and BIND units, and the $TTL in effect above a line', () => {
    assert.deepEqual(['300', '1h30m', '2W', '1d', 'x', '1y', ''].map(ttlSeconds), [300, 5400, 1209600, 86400, undefined, undefined, undefined]);
    const lines = ['$TTL 1h', 'a A 192.0.2.1', '$ttl 60', 'b A 192.0.2.2'];
    assert.equal(defaultTtlAt((l) => lines[l], 1), 3600);
    assert.equal(defaultTtlAt((l) => lines[l], 3), 60);
    assert.equal(defaultTtlAt((l) => lines[l], 0), undefined);
  });

  it('finds the TTL a record gets: its own, else $TTL, else the previous record\'s (RFC 1035), else 300', () => {
    const at = (lines: string[]) => (l: number): string | undefined => lines[l];
    const own = ['$TTL 60', 'a 120 IN A 192.0.2.1'];
    assert.deepEqual(effectiveTtlAt(at(own), 1), { seconds: 120, from: 'record' });
    assert.deepEqual(effectiveTtlAt(at(['$TTL 1h', 'a 5 A 192.0.2.1', 'b A 192.0.2.2']), 2), { seconds: 3600, from: '$TTL' });
    // No $TTL: the previous record's TTL, through records that inherit it, comments and a multi-line SOA.
    const chain = ['@ 7200 IN SOA ns1 h (', '  1 7200 3600 1209600 300 )', 'a IN A 192.0.2.1', '; note', '\tIN AAAA ::1'];
    assert.deepEqual(effectiveTtlAt(at(chain), 4), { seconds: 7200, from: 'previous' });
    assert.deepEqual(effectiveTtlAt(at(['a IN A 192.0.2.1']), 0), { seconds: 300, from: 'default' });
    assert.equal(effectiveTtlAt(at(['$TTL 1y', 'a A 192.0.2.1']), 1), undefined, 'a $TTL that is not a time: no guess');
  });

  it('brings an inherited TTL into range by writing one on the record', () => {
    const at = (lines: string[]) => (l: number): string | undefined => lines[l];
    const apply1 = (lines: string[], line: number, minTtl = 1): string | undefined => {
      const fix = ttlRangeFix(at(lines), line, minTtl);
      return fix && apply(lines[line] as string, [fix.edit]);
    };
    // The previous record's TTL is too large: the next record inherits it and gets the maximum written on it.
    const big = ['big 3000000000 IN A 192.0.2.1', '\tIN A 192.0.2.2'];
    assert.equal(apply1(big, 0), 'big 2147483647 IN A 192.0.2.1');
    assert.equal(apply1(big, 1), '\t2147483647 IN A 192.0.2.2');
    assert.equal(ttlRangeFix(at(big), 1, 1)?.ttl, 2147483647);
    // The default 300 under an account minimum of 600: the record gets 600.
    assert.equal(apply1(['www IN A 192.0.2.1'], 0, 600), 'www 600 IN A 192.0.2.1');
    assert.equal(apply1(['www A 192.0.2.1'], 0, 600), 'www 600 A 192.0.2.1');
    // A $TTL 0 above: the record gets the minimum; the $TTL line itself is left alone (other records may be fine).
    assert.equal(apply1(['$TTL 0', 'www IN A 192.0.2.1'], 1), 'www 1 IN A 192.0.2.1');
    // In range, or not a record: nothing to do.
    assert.equal(ttlRangeFix(at(['www 300 IN A 192.0.2.1']), 0, 1), undefined);
    assert.equal(ttlRangeFix(at(['$TTL 0']), 0, 1), undefined);
  });
});
