import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeCell, toCsv, toJson, toTsv } from '../../../src/shared/delimited';

/** A strict RFC 4180 reader, written independently of the writer, to read back what it wrote. */
function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      assert.ok(c !== '"' && c !== '\n' && c !== '\r', `bare ${JSON.stringify(c)} outside quotes at ${i}`);
      cell += c;
      i++;
    }
  }
  assert.equal(cell, '', 'output ends with a line break');
  return rows;
}

const FORMULA = /^[=+\-@\t\r]/;
/** What a reader should see: the value, with an apostrophe in front if it would start a formula. */
const expected = (v: string): string => (FORMULA.test(v) ? `'${v}` : v);
const awkward = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', ' ', "'", 'é', '😀') });
const items = fc.array(fc.record({ item: awkward, errorMessage: awkward }), { maxLength: 20 });

describe('CSV and TSV export', () => {
  it('CSV reads back to exactly the items written (formula lead-ins prefixed)', () => {
    fc.assert(
      fc.property(items, (list) => {
        const rows = parseDelimited(toCsv(list), ',');
        assert.deepEqual(rows[0], ['item', 'error_message']);
        assert.deepEqual(rows.slice(1), list.map((i) => [expected(i.item), expected(i.errorMessage)]));
      }),
      { numRuns: 500 },
    );
  });

  it('TSV reads back the same way with tabs', () => {
    fc.assert(
      fc.property(items, (list) => {
        const rows = parseDelimited(toTsv(list), '\t');
        assert.deepEqual(rows.slice(1), list.map((i) => [expected(i.item), expected(i.errorMessage)]));
      }),
      { numRuns: 500 },
    );
  });

  it('quotes commas, quotes and newlines', () => {
    assert.equal(escapeCell('a,b'), '"a,b"');
    assert.equal(escapeCell('say "hi"'), '"say ""hi"""');
    assert.equal(escapeCell('line1\nline2'), '"line1\nline2"');
    assert.equal(escapeCell('plain'), 'plain');
  });

  it('defuses spreadsheet formulas in any cell', () => {
    for (const v of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const cell = escapeCell(v);
      const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
      assert.ok(unquoted.startsWith("'"), `${JSON.stringify(v)} -> ${cell}`);
    }
    assert.equal(escapeCell('a=1'), 'a=1');
  });

  it('CSV quotes every cell, so a ;-separated locale cannot split one into a formula (issue #14)', () => {
    const csv = toCsv([{ item: "x;=cmd|' /C calc'!A0", errorMessage: 'plain' }]);
    assert.equal(csv, '"item","error_message"\r\n"x;=cmd|\' /C calc\'!A0","plain"\r\n');
    // Read as a spreadsheet in such a locale does: split on ; outside quotes. No cell starts a formula.
    for (const line of csv.split('\r\n')) {
      for (const field of line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)) assert.ok(!/^[=+\-@]/.test(field), field);
    }
  });

  it('TSV without a header is just the rows (for a single copied row)', () => {
    assert.equal(toTsv([{ item: 'a.example.com.', errorMessage: 'bad' }], { header: false }), 'a.example.com.\tbad\r\n');
  });

  it('JSON uses the API field names and keeps text verbatim (no formula escaping needed)', () => {
    const json = JSON.parse(toJson('t1', [{ item: '=x', errorMessage: '<img src=x>' }])) as unknown;
    assert.deepEqual(json, { id: 't1', error_items: [{ item: '=x', error_message: '<img src=x>' }] });
  });
});
