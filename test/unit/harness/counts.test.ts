// How `npm test` reads each stage's counts for its closing "N passed, N failed" line.
import * as assert from 'node:assert/strict';
import { script } from './load';

const { parseCounts } = script<{ parseCounts: (out: string) => { passed: number; failed: number } | undefined }>('scripts/lib/counts.js');

describe('harness: stage counts', () => {
  it('takes the last "[runner] N passed, N failed" line of our runners', () => {
    const out = '[vscode-tests] 1 passed, 1 failed\n  5 passing\n[harness-selftest] 8 passed, 0 failed\n';
    assert.deepEqual(parseCounts(out), { passed: 8, failed: 0 });
  });

  it('reads plain mocha output, ignoring colour codes', () => {
    assert.deepEqual(parseCounts('\n  \u001b[32m 335 passing\u001b[0m (8s)\n  2 pending\n  \u001b[31m 3 failing\u001b[0m\n'), { passed: 335, failed: 3 });
    assert.deepEqual(parseCounts('  12 passing (2s)\n'), { passed: 12, failed: 0 });
  });

  it('sums several mocha runs in one stage', () => {
    assert.deepEqual(parseCounts('  3 passing\n  1 failing\n...\n  4 passing\n'), { passed: 7, failed: 1 });
  });

  it('says nothing when a stage printed no counts', () => {
    assert.equal(parseCounts('eslint: 0 problems\nthe 5 passing cars'), undefined);
  });
});
