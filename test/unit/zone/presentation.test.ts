// Owner names, rdata and class as the indexer presents them (what Show Failures, a retry and Compare show and
// send): BIND's escapes in names, blanks and quotes in rdata, the class as written, $GENERATE's formats.
import * as assert from 'node:assert/strict';
import { indexZoneFile, normalizeName, type ZoneIndex } from '../../../src/core';

const index = (text: string): Promise<ZoneIndex> => indexZoneFile('/virtual/zone.db', { origin: 'example.org.', root: '/virtual', text });
const names = async (text: string): Promise<string[]> => [...(await index(text)).records()].map((r) => r.name);
/** Each record as `owner first-last rdata`: where details() says it ends, and what it holds. */
const spans = (idx: ZoneIndex): string[] => [...idx.records()].map((r) => `${r.name} ${r.line}-${idx.details(r).endLine} ${idx.details(r).rdata}`);

describe('zone indexer: names in presentation form', () => {
  it('escapes what BIND escapes: specials with a backslash, blanks, controls and 8-bit bytes as \\DDD', async () => {
    assert.deepEqual(await names('a\\(b\\)c A 1\nd\\;e A 1\nf\\009g A 1\nh\\127i A 1\nj\\031k A 1\nl\\255m A 1\nn\u00e9 A 1\n'), [
      'a\\(b\\)c.example.org.',
      'd\\;e.example.org.',
      'f\\009g.example.org.',
      'h\\127i.example.org.',
      'j\\031k.example.org.',
      'l\\255m.example.org.',
      'n\\195\\169.example.org.',
    ]);
  });

  it('keeps every other printable character as it is, folding only A-Z', async () => {
    assert.deepEqual(await names('A!#%&*+,-/:<=>?[]^_`{|}~Z A 1\n\\033\\126\\064 A 1\n'), ['a!#%&*+,-/:<=>?[]^_`{|}~z.example.org.', '!~\\@.example.org.']);
    assert.equal(normalizeName('Q\\090[Z]'), 'qz[z].');
  });

  it('reads a backslash before fewer than three digits as escaping one character', async () => {
    assert.deepEqual(await names('a\\1 A 1\nb\\12 A 1\nc\\12x A 1\n\\0 A 1\n'), ['a1.example.org.', 'b12.example.org.', 'c12x.example.org.', '0.example.org.']);
  });

  it('a name ending in an escaped dot is relative; one ending in a plain dot is absolute', async () => {
    assert.deepEqual(await names('x\\. A 1\ny\\065. A 1\nz\\.. A 1\n'), ['x\\..example.org.', 'ya.', 'z\\..']);
  });

  it('under $ORIGIN . a relative name gets one final dot, plain or escaped', async () => {
    assert.deepEqual(await names('$ORIGIN .\nx A 1\nY\\065 A 1\n@ A 1\n'), ['x.', 'ya.', '.']);
  });

  it('normalizes what a user types: blanks around, the root, any case', () => {
    assert.deepEqual(['', '  ', '.', ' . ', 'WWW.Example.ORG', 'www.example.org.'].map(normalizeName), ['.', '.', '.', '.', 'www.example.org.', 'www.example.org.']);
  });
});

describe('zone indexer: rdata and class as details() gives them', () => {
  const details = async (text: string): Promise<string[]> => {
    const idx = await index(text);
    return [...idx.records()].map((r) => {
      const d = idx.details(r);
      return `${d.class} ${d.rdata}`;
    });
  };

  it('collapses blanks and tabs between words to one space, and keeps words glued to quotes glued', async () => {
    assert.deepEqual(await details('a TXT x\ty\nb TXT x  \t y\nc TXT "x""y"\nd TXT x"y" z\ne TXT "a  b"\t"c"\n'), [
      'IN x y',
      'IN x y',
      'IN "x""y"',
      'IN x"y" z',
      'IN "a  b" "c"',
    ]);
  });

  it('reads the class as written in any case, before or after the TTL, with or without an owner', async () => {
    const text = 'a ch TXT x\nb 60 hs TXT x\nc Cs 60 TXT x\nd none TXT x\ne any TXT x\nf class3 TXT x\n\tIn TXT y\n\t60 TXT z\ng CLASS65535 TXT x\n';
    assert.deepEqual(await details(text), ['CH x', 'HS x', 'CS x', 'NONE x', 'ANY x', 'CLASS3 x', 'IN y', 'IN z', 'CLASS65535 x']);
  });

  it('an owner that looks like a class or TTL is still the owner', async () => {
    assert.deepEqual(await details('in A 192.0.2.1\nch TXT x\n600 600 CH TXT y\n'), ['IN 192.0.2.1', 'IN x', 'CH y']);
  });

  it('drops comments and parentheses, keeps escaped ones, across CRLF lines', async () => {
    assert.deepEqual(await details('a MX ( 10 ; pref\r\n  mx ) ; host\r\nb TXT x\\;y \\( ( z )\r\nc TXT "q\\\r\nr" s\r\n'), ['IN 10 mx', 'IN x\\;y \\( z', 'IN "q\\\r\nr" s']);
  });

  it('parentheses, a comment and a quote end a word even when glued to it, and so does a bare CR or LF', async () => {
    // `x(y)z` is three words to BIND; `x;c` is a word and a comment; a quote glued to a word starts a string.
    assert.deepEqual(await details('a TXT x(y)z\nb TXT x;c\nc TXT x"y  z"\nd TXT ( x\ny )\ne TXT ( x\ry )\r'), [
      'IN x y z',
      'IN x',
      'IN x"y  z"',
      'IN x y',
      'IN x y',
    ]);
  });

  it('a backslash at the end of an unquoted word does not join the next line (LF, bare CR or CRLF)', async () => {
    const text = 'a TXT ( abc\\\ndef )\nb TXT ( abc\\\rdef )\rc TXT ( abc\\\r\ndef )\r\nd A 192.0.2.1\n';
    const idx = await index(text);
    assert.deepEqual(spans(idx), [
      'a.example.org. 1-2 abc\\ def',
      'b.example.org. 3-4 abc\\ def',
      'c.example.org. 5-6 abc\\ def',
      'd.example.org. 7-7 192.0.2.1',
    ]);
  });

  it('in a quoted string a backslash escapes exactly the next character, or the next line break', async () => {
    // `\"` does not close the string, the quote after it does; blanks after the string collapse.
    // `\<CR>` (a bare CR is a line break) continues the string onto the next line, where `"` closes it.
    const idx = await index('a TXT "ab\\""  next\nb TXT "ab\\\\"  "c"\nc TXT "ab\\\r"  y\rd A 192.0.2.1\r');
    assert.deepEqual(spans(idx), [
      'a.example.org. 1-1 "ab\\"" next',
      'b.example.org. 2-2 "ab\\\\" "c"',
      'c.example.org. 3-4 "ab\\\r" y',
      'd.example.org. 5-5 192.0.2.1',
    ]);
    assert.deepEqual(idx.diagnostics, []);
  });

  it('a comment ends at a bare CR: the parenthesised record goes on on the next line', async () => {
    const idx = await index('a TXT ( "x" ; one\r "y" ) ; two\rb A 192.0.2.1\r');
    assert.deepEqual(spans(idx), ['a.example.org. 1-2 "x" "y"', 'b.example.org. 3-3 192.0.2.1']);
  });

  it('only IN, CH, HS, CS, NONE, ANY and CLASSn are classes; one class per record', async () => {
    // A word that merely contains CLASSnn, or has more digits, is the (unknown) type; so is a second class word:
    // the rdata is what follows the type word.
    const idx = await index('a ACLASS1 TXT x\nb CLASS123456 TXT x\nc CLASS1X TXT x\nd IN CH TXT x\ne CLASS65535 TXT x\n');
    assert.deepEqual([...idx.records()].map((r) => `${r.type} ${idx.details(r).class} ${idx.details(r).rdata}`), [
      'ACLASS1 IN TXT x',
      'CLASS123456 IN TXT x',
      'CLASS1X IN TXT x',
      'CH IN TXT x',
      'TXT CLASS65535 x',
    ]);
  });
});

describe('zone indexer: $GENERATE as BIND formats it', () => {
  const generated = async (text: string): Promise<string[]> => {
    const idx = await index(text);
    assert.deepEqual(idx.diagnostics, []);
    return [...idx.records()].map((r) => `${r.name} ${idx.details(r).rdata}`);
  };

  it('octal, hex in both cases, offsets with a sign, and widths', async () => {
    assert.deepEqual(await generated('$GENERATE 8-9 o${0,3,o} TXT ${+1}-${-1,2}-${0,3,x}-${246,0,X}\n'), [
      'o010.example.org. 9-07-008-FE',
      'o011.example.org. 10-08-009-FF',
    ]);
  });

  it('a width over 255 is 255', async () => {
    const [r] = await generated('$GENERATE 7-7 w TXT ${0,300}\n');
    assert.equal(r, `w.example.org. ${'0'.repeat(254)}7`);
  });

  it('a $ at the end, \\$ as a literal dollar, other escapes kept as written', async () => {
    assert.deepEqual(await generated('$GENERATE 1-1 a$ TXT p\\$q\\.r$\n'), ['a1.example.org. p\\$q\\.r1']);
  });

  it('\\\\$ is an escaped backslash before a substitution; $ before an escape and a final backslash stay as written', async () => {
    assert.deepEqual(await generated('$GENERATE 7-7 a$ TXT x\\\\$ $\\.z w$\\\n'), ['a7.example.org. x\\\\7 7\\.z w7\\']);
  });

  it('a step of several digits, a value wrapping past 32 bits in hex, nibbles in the case asked', async () => {
    assert.deepEqual(await generated('$GENERATE 1-30/10 s$ A 10.0.0.$\n'), ['s1.example.org. 10.0.0.1', 's11.example.org. 10.0.0.11', 's21.example.org. 10.0.0.21']);
    // 4294967295 + 1 as BIND's unsigned 32-bit arithmetic gives it: 0.
    assert.deepEqual(await generated('$GENERATE 4294967295-4294967295 w TXT ${1,0,x} ${0,0,x}\n'), ['w.example.org. 0 ffffffff']);
    assert.deepEqual(await generated('$GENERATE 171-171 n TXT ${0,0,n} ${0,0,N}\n'), ['n.example.org. b.a B.A']);
  });

  it('keeps raw UTF-8 in the rdata as text', async () => {
    assert.deepEqual(await generated('$GENERATE 1-1 u$ TXT "caf\u00e9 $"\n'), ['u1.example.org. caf\u00e9 1']);
  });

  it('finds names of every format by lookup, and none outside the range', async () => {
    const idx = await index('$GENERATE 8-9 o${0,3,o} A 10.0.0.1\n$GENERATE 250-255 h${0,2,X} A 10.0.0.1\n$GENERATE 1-3 d$x A 10.0.0.1\n');
    assert.deepEqual(['o010.example.org', 'O011.example.org', 'hFA.example.org', 'hff.example.org', 'd2x.example.org'].map((n) => idx.lookup(n).length), [1, 1, 1, 1, 1]);
    assert.deepEqual(['o007.example.org', 'o012.example.org', 'hf9.example.org', 'd0x.example.org', 'd4x.example.org', 'd2.example.org'].map((n) => idx.lookup(n).length), [0, 0, 0, 0, 0, 0]);
  });

  it('finds a value after hex letters or octal digits glued before it', async () => {
    const idx = await index('$GENERATE 14-15 bbbbbb${0,1,x} A 10.0.0.1\n$GENERATE 8-8 abcdefabcdefa${0,0,o} A 10.0.0.2\n');
    assert.deepEqual(idx.lookup('bbbbbbf.example.org').map((r) => `${r.name} ${idx.details(r).rdata}`), ['bbbbbbf.example.org. 10.0.0.1']);
    assert.deepEqual(idx.lookup('abcdefabcdefa10.example.org').map((r) => `${r.name} ${idx.details(r).rdata}`), ['abcdefabcdefa10.example.org. 10.0.0.2']);
  });

  it('finds names of several nibbles, lowest first, in either case', async () => {
    const idx = await index('$GENERATE 170-171 ${0,3,n}.low PTR x\n$GENERATE 170-171 ${0,3,N}.up PTR x\n');
    assert.deepEqual(['B.A.low.example.org', 'b.a.up.example.org', 'a.b.low.example.org'].map((n) => idx.lookup(n).map((r) => r.name)), [
      ['b.a.low.example.org.'],
      ['b.a.up.example.org.'],
      [],
    ]);
  });

  it('finds a value however many characters of its alphabet come before it (an ip6.arpa name, zero padding)', async () => {
    // Reverse IPv6: the name's nibbles form one run of hex digits, the value's two nibbles at its far end.
    const ip6 = await indexZoneFile('/virtual/zone.db', { origin: '1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.', root: '/virtual', text: '$GENERATE 0-255 ${0,3,n} PTR host$.example.com.\n' });
    assert.deepEqual(ip6.lookup('f.f.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa').map((r) => ip6.details(r).rdata), ['host255.example.com.']);
    assert.deepEqual(ip6.lookup('e.a.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa').map((r) => ip6.details(r).rdata), ['host174.example.com.']);
    const idx = await index('$GENERATE 1-2 h${0,30,d} A 10.0.0.$\n$GENERATE 1-2 abcdefabcdefab${0,0,x} A 10.0.0.$\n');
    assert.deepEqual([`h${'0'.repeat(29)}2.example.org`, 'abcdefabcdefab2.example.org'].map((n) => idx.lookup(n).map((r) => idx.details(r).rdata)), [['10.0.0.2'], ['10.0.0.2']]);
  });

  it('finds a value written among digits of the same alphabet (hex glued to hex letters)', async () => {
    const idx = await index('$GENERATE 10-12 cafe${0,1,x}bee A 10.0.0.1\n');
    assert.deepEqual(idx.lookup('cafebbee.example.org').map((r) => r.name), ['cafebbee.example.org.']);
    assert.deepEqual(idx.lookup('cafeabee.example.org').map((r) => r.name), ['cafeabee.example.org.']);
  });
});
