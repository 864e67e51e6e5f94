// The API's form of zone-file values and the comparison form of any value: the cases that give false diffs.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { apiRecordValue, canonicalIpv6, normalizeRecordValue, ownerKey, recordSetKey } from '../../../src/core';

const O = 'example.com.';

describe('record values: the API form of zone-file rdata', () => {
  it('makes CNAME, NS, MX and SRV targets absolute with the record origin, `@` being the origin, lower-cased', () => {
    assert.equal(apiRecordValue('CNAME', 'www', O), 'www.example.com.');
    assert.equal(apiRecordValue('cname', 'WWW.Example.NET.', O), 'www.example.net.');
    assert.equal(apiRecordValue('CNAME', '@', 'Sub.Example.COM.'), 'sub.example.com.');
    assert.equal(apiRecordValue('NS', 'ns1', 'sub.example.com.'), 'ns1.sub.example.com.');
    assert.equal(apiRecordValue('MX', '10 Mail', O), '10 mail.example.com.');
    assert.equal(apiRecordValue('MX', '10 @', O), '10 example.com.');
    assert.equal(apiRecordValue('SRV', '10 60 5060 sip', O), '10 60 5060 sip.example.com.');
    assert.equal(apiRecordValue('SRV', '0 0 0 .', O), '0 0 0 .');
  });

  it('keeps names with escapes in BIND presentation form', () => {
    assert.equal(apiRecordValue('CNAME', 'a\\046b', O), 'a\\.b.example.com.');
    assert.equal(apiRecordValue('CNAME', '\\065bc.example.org.', O), 'abc.example.org.');
  });

  it('writes numbers without leading zeros and CAA as flag tag "value"', () => {
    assert.equal(apiRecordValue('MX', '010 mail.example.com.', O), '10 mail.example.com.');
    assert.equal(apiRecordValue('MX', '0 mail.example.com.', O), '0 mail.example.com.');
    assert.equal(apiRecordValue('SRV', '01 002 0443 x.example.com.', O), '1 2 443 x.example.com.');
    assert.equal(apiRecordValue('CAA', '0 issue "ca.example.net"', O), '0 issue "ca.example.net"');
    assert.equal(apiRecordValue('CAA', '00 ISSUE ca.example.net', O), '0 issue "ca.example.net"');
    assert.equal(apiRecordValue('CAA', '128 iodef "mailto:Sec@example.com"', O), '128 iodef "mailto:Sec@example.com"');
  });

  it('quotes TXT strings, keeping what is inside as written; a bare word gets quotes', () => {
    assert.equal(apiRecordValue('TXT', '"v=spf1 -all"', O), '"v=spf1 -all"');
    assert.equal(apiRecordValue('TXT', '"part one" "part two"', O), '"part one" "part two"');
    assert.equal(apiRecordValue('TXT', 'hello', O), '"hello"');
    assert.equal(apiRecordValue('TXT', 'a "b c" d', O), '"a" "b c" "d"');
    assert.equal(apiRecordValue('TXT', '"Case  Spaces "', O), '"Case  Spaces "');
  });

  it('leaves A and AAAA as written', () => {
    assert.equal(apiRecordValue('A', '192.0.2.1', O), '192.0.2.1');
    assert.equal(apiRecordValue('AAAA', '2001:DB8:0:0::1', O), '2001:DB8:0:0::1');
  });
});

describe('record values: the comparison form', () => {
  const n = (type: string, value: string, apex = O) => normalizeRecordValue(type, value, apex);

  it('TXT: blanks between strings are not data, blanks and case inside a string are', () => {
    assert.equal(n('TXT', '"part one"   "part two"'), n('TXT', '"part one" "part two"'));
    assert.notEqual(n('TXT', '"part one"'), n('TXT', '"part  one"'));
    assert.notEqual(n('TXT', '"Hello"'), n('TXT', '"hello"'));
    assert.notEqual(n('TXT', '"part one" "part two"'), n('TXT', '"part one part two"'));
    assert.equal(n('TXT', 'hello'), n('TXT', '"hello"'));
    assert.equal(n('TXT', '"a\\"b"'), '"a\\"b"');
    assert.equal(n('TXT', '"\\065bc"'), '"Abc"');
  });

  it('names inside values: absolute (relative to the apex without a trailing dot) and lower-case', () => {
    assert.equal(n('CNAME', 'WWW.Example.COM.'), 'www.example.com.');
    assert.equal(n('CNAME', 'www'), 'www.example.com.');
    assert.equal(n('MX', '10 MAIL.example.com.'), n('MX', '10 mail'));
    assert.equal(n('SRV', '10 60 5060 SIP.example.com.'), '10 60 5060 sip.example.com.');
    assert.equal(n('NS', 'ns1.example.net.'), 'ns1.example.net.');
  });

  it('MX, SRV and CAA numbers without leading zeros; CAA tags lower-case, values kept', () => {
    assert.equal(n('MX', '010 mail.example.com.'), '10 mail.example.com.');
    assert.equal(n('SRV', '010 05 05060 sip.example.com.'), '10 5 5060 sip.example.com.');
    assert.equal(n('CAA', '000 ISSUE "ca.example.net"'), '0 issue "ca.example.net"');
    assert.notEqual(n('CAA', '0 issue "CA.example.net"'), n('CAA', '0 issue "ca.example.net"'));
  });

  it('IPv6 in RFC 5952 form', () => {
    const forms = ['2001:db8::1', '2001:DB8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8:0:0:0:0:0:1', '2001:db8::0:1'];
    for (const f of forms) assert.equal(n('AAAA', f), '2001:db8::1', f);
    assert.equal(canonicalIpv6('2001:db8:0:0:1:0:0:1'), '2001:db8::1:0:0:1');
    assert.equal(canonicalIpv6('2001:db8:0:1:1:1:1:1'), '2001:db8:0:1:1:1:1:1');
    assert.equal(canonicalIpv6('::ffff:192.0.2.1'), '::ffff:c000:201');
    assert.equal(canonicalIpv6('not-an-address'), undefined);
    const cases: [string, string | undefined][] = [
      ['::', '::'], ['::1', '::1'], ['1::', '1::'], ['FE80::', 'fe80::'], ['0:0:0:0:0:0:0:0', '::'],
      ['1:0:0:2:0:0:0:3', '1:0:0:2::3'], ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'], ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
      ['::ffff:1.2.3.4', '::ffff:102:304'], ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
      [':::1', undefined], ['1:2:3:4:5:6:7:8:9', undefined], ['1::2::3', undefined], ['12345::', undefined], ['g::', undefined],
      ['1:2:3:4:5:6:7', undefined], ['1:', undefined], [':1', undefined], ['::1.2.3.256', undefined], ['::1.2.3', undefined],
      ['1:2:3:4:5:6:7:1.2.3.4', undefined], ['', undefined], ['1::2:', undefined],
    ];
    for (const [input, want] of cases) assert.equal(canonicalIpv6(input), want, input);
    assert.equal(n('AAAA', 'GARBAGE'), 'garbage');
  });

  it('IPv6: agrees with the WHATWG URL serialiser (RFC 5952) on any address, however it is written', () => {
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.boolean(), fc.boolean(), (groups, upper, pad) => {
        let text = groups.map((g) => (pad ? g.toString(16).padStart(4, '0') : g.toString(16))).join(':');
        if (upper) text = text.toUpperCase();
        const expected = new URL(`http://[${text}]/`).hostname.slice(1, -1);
        assert.equal(canonicalIpv6(text), expected);
        assert.equal(canonicalIpv6(expected), expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('TXT: a control character is the same string written literally or as a \\ddd escape', () => {
    assert.equal(n('TXT', '"a\tb"'), '"a\\009b"');
    assert.equal(n('TXT', '"a\tb"'), n('TXT', '"a\\009b"'));
    assert.equal(n('TXT', '"a\u007fb"'), n('TXT', '"a\\127b"'));
    assert.equal(n('TXT', '"a\\127b"'), '"a\\127b"');
    assert.equal(n('TXT', '"a\\000b"'), '"a\\000b"');
  });

  it('TXT: escapes decoded and written back one way (quotes and backslashes escaped, other escapes dropped)', () => {
    assert.equal(n('TXT', 'a"b'), '"a\\"b"'); // a quote inside a bare word
    assert.equal(n('TXT', '"a\\\\b"'), '"a\\\\b"');
    assert.equal(n('TXT', '"a\\b"'), '"ab"');
    assert.equal(n('TXT', '"\\0651"'), '"A1"'); // three digits only
    assert.equal(n('TXT', '"\\321"'), '"A"'); // 321 & 0xff: one octet
    assert.equal(n('TXT', 'a\\ b'), '"a b"');
    assert.equal(n('TXT', '"a b"  "c"'), '"a b" "c"');
    assert.equal(n('TXT', '""'), '""');
    assert.equal(n('TXT', '"a" "b"'), '"a" "b"');
    assert.equal(n('TXT', '"a""b"'), '"a" "b"');
  });

  it('CAA: a value in several strings is one value; too few fields are left as written', () => {
    assert.equal(n('CAA', '0 issue "a" "b"'), '0 issue "a b"');
    assert.equal(n('CAA', '0 ISSUE a b'), '0 issue "a b"');
    assert.equal(n('CAA', '0 issue "ca\\"x"'), '0 issue "ca\\"x"');
    assert.equal(n('CAA', '0  issue'), '0 issue');
    assert.equal(n('CAA', '0 issue "ca.example.net"'), '0 issue "ca.example.net"');
    assert.equal(n('CAA', '1000 issue "x"'), '1000 issue "x"');
    assert.equal(apiRecordValue('CAA', '0 issue "a" "b"', O), '0 issue "a b"');
  });

  it('A, MX, SRV and other types: blanks are not data', () => {
    assert.equal(n('A', ' 192.0.2.1 '), '192.0.2.1');
    assert.equal(n('A', '192.0.2.1\t'), '192.0.2.1');
    assert.equal(n('A', '\n192.0.2.1'), '192.0.2.1');
    assert.equal(n('A', ''), '');
    assert.equal(n('MX', '10  mail'), '10 mail.example.com.');
    assert.equal(n('MX', '10 mail.example.com'), '10 mail.example.com.example.com.');
    assert.equal(n('MX', '100000 mail.example.com.'), '100000 mail.example.com.');
    assert.equal(n('SRV', '1 2 3  sip'), '1 2 3 sip.example.com.');
    assert.equal(n('SRV', '1 2 3 SIP.example.com.'), '1 2 3 sip.example.com.');
    assert.equal(n('SRV', '1 2 3 .'), '1 2 3 .');
    assert.equal(n('HINFO', '  "x  y"   z  '), '"x  y" z');
    assert.equal(n('CNAME', 'a b'), 'a b');
    assert.equal(n('NS', 'NS1.Example.NET.'), 'ns1.example.net.');
    assert.equal(n('PTR', 'host'), 'host.example.com.');
  });

  it('the API form: an empty TXT stays empty, a name type with two words is left as written, other types keep their quoting', () => {
    assert.equal(apiRecordValue('TXT', '   ', O), '');
    assert.equal(apiRecordValue('SPF', 'v=spf1', O), '"v=spf1"');
    assert.equal(apiRecordValue('CNAME', ' a b ', O), 'a b');
    assert.equal(apiRecordValue('CNAME', '.', O), '.');
    assert.equal(apiRecordValue('DNAME', 'Other', O), 'other.example.com.');
    assert.equal(apiRecordValue('PTR', 'host.', O), 'host.');
    assert.equal(apiRecordValue('MX', '10', O), '10');
    assert.equal(apiRecordValue('SRV', '1 2 3', O), '1 2 3');
    assert.equal(apiRecordValue('CAA', '0 issue', O), '0 issue');
    assert.equal(apiRecordValue('HINFO', '"x y"   z', O), '"x y" z');
    assert.equal(apiRecordValue('a', ' 192.0.2.1 ', O), '192.0.2.1');
    assert.equal(apiRecordValue('MX', '10 a1-b_c.example.com.', O), '10 a1-b_c.example.com.');
    assert.equal(apiRecordValue('MX', '10 *.example.com.', O), '10 *.example.com.');
    assert.equal(apiRecordValue('CNAME', 'a..b.', O), 'a..b.');
    assert.equal(apiRecordValue('CNAME', 'x', 'Sub.Example.ORG'), 'x.sub.example.org.');
    assert.equal(apiRecordValue('CNAME', 'y', 'Sub.Example.ORG'), 'y.sub.example.org.');
    assert.equal(apiRecordValue('CNAME', 'z', 'other.org.'), 'z.other.org.');
  });

  it('is idempotent on its own output', () => {
    const cases: [string, string][] = [['TXT', 'a "b c"'], ['MX', '010 Mail'], ['CAA', '0 Issue x'], ['AAAA', '2001:DB8::0:1'], ['SRV', '1 2 3 t'], ['CNAME', '@']];
    for (const [t, v] of cases) assert.equal(n(t, n(t, v)), n(t, v), `${t} ${v}`);
  });
});

describe('record set keys', () => {
  it('compare names case-insensitively with the trailing dot implied', () => {
    assert.equal(ownerKey('WWW.Example.COM'), 'www.example.com.');
    assert.equal(ownerKey('www.example.com.'), 'www.example.com.');
    assert.equal(recordSetKey('Mail.Example.com', 'mx'), recordSetKey('mail.example.com.', 'MX'));
    assert.notEqual(recordSetKey('mail.example.com.', 'A'), recordSetKey('mail.example.com.', 'MX'));
    assert.equal(recordSetKey('h.example.com', 'a'), 'h.example.com. A');
    assert.equal(recordSetKey('h.example.com', 'z'), 'h.example.com. Z');
    assert.equal(recordSetKey('h.example.com', 'A`{'), 'h.example.com. A`{');
    assert.equal(ownerKey('_sip._tcp.*.a-b.example.com'), '_sip._tcp.*.a-b.example.com.');
    assert.equal(ownerKey('Z.example.com.'), 'z.example.com.');
    assert.equal(ownerKey(' www.example.com '), 'www.example.com.');
    assert.equal(ownerKey(''), '.');
    assert.equal(ownerKey('.'), '.');
    assert.equal(ownerKey('a\\.b'), 'a\\.b.');
  });
});
