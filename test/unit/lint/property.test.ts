// Lint never throws and always ends, whatever the file holds; and the in-place path over the indexer's compact
// form finds exactly what the generic path over records()/details() finds.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { indexZoneFile, lintZone, type LintResult } from '../../../src/core';
import { plainIndex } from './helpers';
import { withTempDirIn } from '../../support/tempDir';

let tmp: string;

/** Both paths over one file: the compact one (lintZone on the index itself) and the generic one. */
async function bothWays(text: string): Promise<[LintResult, LintResult]> {
  const file = path.join(tmp, 'zone.db');
  fs.writeFileSync(file, text);
  const index = await indexZoneFile(file, { origin: 'example.com.', root: tmp });
  const fast = lintZone(index);
  const generic = lintZone(plainIndex(index));
  return [fast, generic];
}

const WORDS = ['@', 'www', 'a', '*', '*.x', 'x.*', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'CAA', 'PTR', 'SOA', 'TYPE1', 'TYPE5',
  'IN', 'CH', '300', '0', '1h', '2147483648', '192.0.2.1', '192.0.2.01', '2001:db8::1', '::ffff:1.2.3.4', '10', '65536', 'mail',
  'mail.example.com.', 'MAIL', '.', '..', 'a\\.b', '\\065', '"txt"', '"a\\"b"', '""', '"é"', 'issue', 'tbs', '(', ')', ';c', '\\#',
  '$ORIGIN', '$TTL', '$GENERATE', '1-3', 'h$', '$INCLUDE', 'example.org.', 'sub', '\t', ' ', '\n', '\r\n', '"open'];

describe('lint: properties', () => {
  withTempDirIn('lint-prop-', (dir) => (tmp = dir));
  it('never throws, always ends, and both paths agree, on random zone-like text', async function () {
    this.timeout(120_000);
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }), async (words) => {
      const text = words.map((w, k) => (w === '\n' || w === '\r\n' || w === '\t' || k === 0 ? w : ` ${w}`)).join('');
      const [fast, generic] = await bothWays(text);
      assert.deepEqual(fast, generic);
    }), { numRuns: 150 });
  });
  it('never throws on arbitrary bytes', async function () {
    this.timeout(120_000);
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 400, unit: 'binary' }), async (text) => {
      const [fast, generic] = await bothWays(text);
      assert.deepEqual(fast, generic);
      for (const f of fast.findings) assert.ok(f.line >= 1 && typeof f.message === 'string' && f.message.length > 0);
    }), { numRuns: 150 });
  });
});
