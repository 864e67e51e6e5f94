// lintZone reads only the index's interface (records, details, apex, diagnostics, files): a hand-made index of
// record facts shows the rules without the parser in between.
import * as assert from 'node:assert/strict';
import { lintZone, type LintRule } from '../../../src/core';

interface Fact { name: string; type: string; line: number; file: string; ttl: number; rdata: string; origin: string }

function indexOf(facts: Fact[], apex = 'example.com.', diagnostics: { file: string; line: number; message: string }[] = []) {
  return {
    apex,
    diagnostics,
    size: facts.length,
    files: ['/z/zone.db', '/z/inc.db'],
    records: () => facts.map(({ name, type, line, file }) => ({ name, type, line, file })),
    details: (r: { line: number; file: string; type: string; name: string }) => {
      const f = facts.find((x) => x.line === r.line && x.file === r.file && x.type === r.type && x.name === r.name);
      if (!f) throw new RangeError('foreign record');
      return { ttl: f.ttl, class: 'IN', rdata: f.rdata, origin: f.origin, endLine: f.line };
    },
  };
}
const fact = (line: number, name: string, type: string, rdata: string, extra: Partial<Fact> = {}): Fact =>
  ({ name, type, line, file: '/z/zone.db', ttl: 300, rdata, origin: 'example.com.', ...extra });
const byRule = (r: ReturnType<typeof lintZone>, rule: LintRule) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`);

describe('lintZone over record facts', () => {
  it('applies every per-record rule and names file and line', () => {
    const r = lintZone(indexOf([
      fact(1, 'example.com.', 'SOA', 'ns1 h 1 1 1 1 1', { ttl: 0 }),
      fact(2, 'a.example.com.', 'PTR', 'x'),
      fact(3, 'b.example.com.', 'A', '1.2.3.999', { ttl: 0 }),
      fact(1, 'c.example.org.', 'TXT', '"x\\"y"', { file: '/z/inc.db' }),
      fact(5, 'x.*.example.com.', 'A', '192.0.2.1'),
    ]));
    assert.deepEqual(byRule(r, 'unsupported-type'), ['/z/zone.db:2']);
    assert.deepEqual(byRule(r, 'ttl-range'), ['/z/zone.db:3']);
    assert.deepEqual(byRule(r, 'rdata-format'), ['/z/zone.db:3']);
    assert.deepEqual(byRule(r, 'out-of-zone'), ['/z/inc.db:1']);
    assert.deepEqual(byRule(r, 'txt-format'), ['/z/inc.db:1']);
    assert.deepEqual(byRule(r, 'wildcard'), ['/z/zone.db:5']);
    // entry file first, then the included one
    assert.deepEqual(r.findings.map((f) => f.file), ['/z/zone.db', '/z/zone.db', '/z/zone.db', '/z/zone.db', '/z/inc.db', '/z/inc.db']);
    assert.equal(r.recordSets, 4);
  });
  it('uses the index apex, and turns diagnostics into syntax findings', () => {
    const r = lintZone(indexOf([fact(2, 'example.net.', 'NS', 'ns1.example.net.')], 'example.net.', [{ file: '/z/zone.db', line: 7, message: 'Unexpected ")"' }]));
    assert.deepEqual(r.findings.map((f) => [f.rule, f.line, f.message]), [['apex-ns', 2, r.findings[0]!.message], ['syntax', 7, 'Unexpected ")"']]);
    assert.equal(r.recordSets, 0);
  });
  it('a minTtl that is not a number falls back to 1', () => {
    const r = lintZone(indexOf([fact(2, 'a.example.com.', 'A', '192.0.2.1', { ttl: 1 })]), { minTtl: Number.NaN });
    assert.deepEqual(r.findings, []);
  });
});
