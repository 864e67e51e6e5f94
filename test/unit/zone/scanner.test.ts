// The byte-level rules every record's line and every diagnostic depend on: a byte-order mark, backslash escapes
// (in quotes, in rdata, in names), quotes that hide ';' and '(', parentheses across lines, CRLF. Each case
// checks what the operator sees: which records are found on which line, and which diagnostics, word for word.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { indexZoneFile } from '../../../src/core';

const FILE = path.join(os.tmpdir(), 'scanner-test.zone');
const UNCLOSED_QUOTE = 'Unclosed quote: the string ends at the end of its line';
const UNCLOSED_PAREN = 'Unclosed parenthesis: the record ends at the end of this line';
const UNEXPECTED_PAREN = 'Unexpected ")"';

/** "name type line" of every record, and "line: message" of every diagnostic. */
async function scan(text: string): Promise<{ records: string[]; diagnostics: string[] }> {
  const idx = await indexZoneFile(FILE, { origin: 'example.org.', root: os.tmpdir(), text });
  return {
    records: [...idx.records()].map((r) => `${r.name} ${r.type} ${r.line}`),
    diagnostics: idx.diagnostics.map((d) => `${d.line}: ${d.message}`),
  };
}

describe('zone scanner', () => {
  it('skips a UTF-8 byte-order mark before the first owner', async () => {
    assert.deepEqual(await scan('\ufeffwww A 192.0.2.1\n'), { records: ['www.example.org. A 1'], diagnostics: [] });
    assert.deepEqual(await scan('\ufeff; generated\nwww A 192.0.2.1\n'), { records: ['www.example.org. A 2'], diagnostics: [] });
  });

  it('reads type and class words in any case and of any length, however many distinct ones a file uses', async () => {
    // The parser caches words of up to five letters in 1,024 slots: thousands of mnemonics collide there.
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-';
    const unique = new Set<string>();
    for (let k = 0, seed = 7; unique.size < 3000; k++) {
      // One to seven characters, a letter first (a type word); class words are left out (they are no type here).
      let w = letters[k % 26] as string;
      while (w.length < 1 + (k % 7)) w += letters[(seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % letters.length];
      if (!/^(IN|CH|HS|CS|ANY|NONE)$/.test(w)) unique.add(w);
    }
    const words = [...unique];
    const lines = words.flatMap((w, k) => [`w${k} ${w.toLowerCase()} x`, `\tIN ${k % 2 ? w : w.toLowerCase()} y`]);
    const text = `${lines.join('\n')}\na IN IN A 192.0.2.1\nb ch in TXT "x"\nc 300 in cname d\nd Cname e\n`;
    const { records, diagnostics } = await scan(text);
    const expected = words.flatMap((w, k) => [`w${k}.example.org. ${w} ${2 * k + 1}`, `w${k}.example.org. ${w} ${2 * k + 2}`]);
    // A second class word is the type (as before the cache); CNAME (five letters) in any case.
    const n = 2 * words.length;
    expected.push(`a.example.org. IN ${n + 1}`, `b.example.org. IN ${n + 2}`, `c.example.org. CNAME ${n + 3}`, `d.example.org. CNAME ${n + 4}`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(records, expected);
  });

  describe('backslash escapes', () => {
    it('an escaped quote does not end a quoted string, an escaped backslash does not escape the quote', async () => {
      assert.deepEqual(await scan('a TXT "say \\"hi\\"" ; c\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 2'], diagnostics: [] });
      assert.deepEqual(await scan('a TXT "back\\\\"\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 2'], diagnostics: [] });
    });

    it('an escaped parenthesis or quote in rdata is a literal character', async () => {
      assert.deepEqual(await scan('a TXT x\\(y\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 2'], diagnostics: [] });
      assert.deepEqual(await scan('a TXT x\\"y\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 2'], diagnostics: [] });
      assert.deepEqual(await scan('a TXT x\\;y (\n\tz )\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 3'], diagnostics: [] });
    });

    it('an escaped space stays inside an owner name', async () => {
      assert.deepEqual((await scan('a\\ b A 192.0.2.1\n')).records, ['a\\032b.example.org. A 1']);
    });

    it('an escaped newline ends an unquoted word and the line, and continues a quoted string', async () => {
      assert.deepEqual(await scan('a TXT x\\\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 2'], diagnostics: [] });
      assert.deepEqual(await scan('a TXT "x\\\n"\nb A 1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 3'], diagnostics: [] });
    });

    it('a backslash as the very last byte ends the word or the string', async () => {
      assert.deepEqual(await scan('a TXT x\\'), { records: ['a.example.org. TXT 1'], diagnostics: [] });
      assert.deepEqual(await scan('a TXT "x\\'), { records: ['a.example.org. TXT 1'], diagnostics: [`1: ${UNCLOSED_QUOTE}`] });
    });
  });

  describe('quotes', () => {
    it('hide ";" and "(" inside a string', async () => {
      assert.deepEqual(await scan('a TXT "x;(y" "z)"\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 2'], diagnostics: [] });
    });

    it('an unclosed quote is reported on its own line and the next entry is read', async () => {
      assert.deepEqual(await scan('a TXT "x\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 2'], diagnostics: [`1: ${UNCLOSED_QUOTE}`] });
      assert.deepEqual(await scan('a TXT (\n) "x\nb A 1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 3'], diagnostics: [`2: ${UNCLOSED_QUOTE}`] });
    });

    it('an owner that opens a quote it never closes is skipped', async () => {
      assert.deepEqual(await scan('"a A 192.0.2.1\nb A 192.0.2.2\n'), { records: ['b.example.org. A 2'], diagnostics: [`1: ${UNCLOSED_QUOTE}`] });
    });
  });

  describe('parentheses', () => {
    it('count the lines they span, through comments, blank lines, nesting and CRLF', async () => {
      assert.deepEqual(await scan('@ SOA ns hm (\n\t1 ; serial )\n\t2\n\n\t3 )\nb A 192.0.2.1\n'), { records: ['example.org. SOA 1', 'b.example.org. A 6'], diagnostics: [] });
      assert.deepEqual(await scan('a TXT ( ( "x" ) )\nb A 192.0.2.1\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 2'], diagnostics: [] });
      assert.deepEqual(await scan('a TXT (\r\n\t"x" )\r\nb A 1\r\n'), { records: ['a.example.org. TXT 1', 'b.example.org. A 3'], diagnostics: [] });
      assert.deepEqual(await scan('a ( A ) 192.0.2.1\nb A 192.0.2.2'), { records: ['a.example.org. A 1', 'b.example.org. A 2'], diagnostics: [] });
      assert.deepEqual(await scan('a ( 300\n\tIN A ) 192.0.2.1\nb A 192.0.2.2'), { records: ['a.example.org. A 1', 'b.example.org. A 3'], diagnostics: [] });
    });

    it('a stray ")" is reported on its line and the record is kept', async () => {
      assert.deepEqual(await scan('a A 192.0.2.1 )\nb A 192.0.2.2\n'), { records: ['a.example.org. A 1', 'b.example.org. A 2'], diagnostics: [`1: ${UNEXPECTED_PAREN}`] });
      assert.deepEqual((await scan('x A 1\na A ) 192.0.2.1\n')).diagnostics, [`2: ${UNEXPECTED_PAREN}`]);
    });

    it('an unclosed "(" is reported on the line that opened it, and the records after it are read', async () => {
      const atEnd = await scan('x A 192.0.2.1\na TXT ( "x"\n\t"y"');
      assert.deepEqual(atEnd.records, ['x.example.org. A 1', 'a.example.org. TXT 2']);
      assert.equal(atEnd.diagnostics[0], `2: ${UNCLOSED_PAREN}`);
      const before = await scan('x A 192.0.2.1\na TXT ( "x"\n\t"y"\nb A 1\nc A 2\n');
      assert.deepEqual(before.records, ['x.example.org. A 1', 'a.example.org. TXT 2', 'b.example.org. A 4', 'c.example.org. A 5']);
      assert.equal(before.diagnostics[0], `2: ${UNCLOSED_PAREN}`);
      assert.deepEqual((await scan('a (\nb A 192.0.2.1\n')).records, ['b.example.org. A 2']);
      assert.equal((await scan('a (\n\t\n')).diagnostics[0], `1: ${UNCLOSED_PAREN}`);
    });

    it('a stray ")" in column 1 is reported and the word after it is the owner, never an empty name', async () => {
      assert.deepEqual(await scan(') a A 192.0.2.1\nb A 192.0.2.2\n'), { records: ['a.example.org. A 1', 'b.example.org. A 2'], diagnostics: [`1: ${UNEXPECTED_PAREN}`] });
      assert.deepEqual(await scan('x A 192.0.2.1\n)\nb A 192.0.2.2\n'), { records: ['x.example.org. A 1', 'b.example.org. A 3'], diagnostics: [`2: ${UNEXPECTED_PAREN}`] });
    });

    it('a line in column 1 inside a closed parenthesis continues the record', async () => {
      assert.deepEqual(await scan('a TXT ( x\nb A 1\n) \nc A 2\n'), { records: ['a.example.org. TXT 1', 'c.example.org. A 4'], diagnostics: [] });
    });
  });

  it('reads tabs and CRLF as blanks and a comment without a final newline as the end', async () => {
    assert.deepEqual(await scan('a\tIN\tA\t192.0.2.1\r\nb A 192.0.2.2 ; last'), { records: ['a.example.org. A 1', 'b.example.org. A 2'], diagnostics: [] });
  });

  it('ends a line at a bare CR', async () => {
    assert.deepEqual(await scan('a A 1\rb A 2\r'), { records: ['a.example.org. A 1', 'b.example.org. A 2'], diagnostics: [] });
  });
});
