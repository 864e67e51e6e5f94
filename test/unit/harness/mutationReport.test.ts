// The score over src/core/ comes from one report that every partial `npm run test:mutation FILE…` run merges
// into (scripts/mutation.js): a file measured earlier keeps its result only while its source is unchanged.
import * as assert from 'node:assert/strict';
import { script } from './load';

interface Mutant { id: string; status: string; killedBy?: string[]; coveredBy?: string[] }
interface FileResult { source: string; mutants: Mutant[] }
interface Report { schemaVersion: string; files: Record<string, FileResult>; testFiles?: Record<string, { tests: { id: string; name: string }[] }> }
interface Row { file: string; score: number; detected: number; valid: number; survived: number }
const mutation = script<{
  mergeReports(previous: Report | undefined, current: Report, readSource?: (file: string) => string): { report: Report; dropped: string[] };
  scores(report: Report): { rows: Row[]; total: number };
}>('scripts/mutation.js');

const mutants = (...statuses: string[]): Mutant[] => statuses.map((status, i) => ({ id: String(i), status }));
const report = (files: Record<string, FileResult>): Report => ({ schemaVersion: '2', files });

describe('mutation report: merging partial runs', () => {
  const sources: Record<string, string> = { 'src/core/a.ts': 'a v1', 'src/core/b.ts': 'b v1' };
  const read = (file: string): string => {
    const s = sources[file];
    if (s === undefined) throw new Error('ENOENT');
    return s;
  };

  it('keeps an earlier file whose source is unchanged, and the overall score counts both runs', () => {
    const earlier = report({ 'src/core/a.ts': { source: 'a v1', mutants: mutants('Killed', 'Killed', 'Survived', 'Killed') } });
    const now = report({ 'src/core/b.ts': { source: 'b v1', mutants: mutants('Killed', 'NoCoverage', 'CompileError', 'Timeout') } });
    const { report: merged, dropped } = mutation.mergeReports(earlier, now, read);
    assert.deepEqual(Object.keys(merged.files).sort(), ['src/core/a.ts', 'src/core/b.ts']);
    assert.deepEqual(dropped, []);
    const { rows, total } = mutation.scores(merged);
    assert.deepEqual(rows.map((r) => [r.file, r.detected, r.valid]), [['src/core/a.ts', 3, 4], ['src/core/b.ts', 2, 3]]);
    // 5 detected of 7 valid mutants (the compile error counts for neither).
    assert.equal(total, (100 * 5) / 7);
  });

  it('drops an earlier file that was edited or deleted since, and names it', () => {
    const earlier = report({
      'src/core/a.ts': { source: 'a v0', mutants: mutants('Survived') },
      'src/core/gone.ts': { source: 'x', mutants: mutants('Survived') },
    });
    const { report: merged, dropped } = mutation.mergeReports(earlier, report({ 'src/core/b.ts': { source: 'b v1', mutants: mutants('Killed') } }), read);
    assert.deepEqual(Object.keys(merged.files), ['src/core/b.ts']);
    assert.deepEqual(dropped.sort(), ['src/core/a.ts', 'src/core/gone.ts']);
  });

  it('the new run wins for a file measured in both', () => {
    const earlier = report({ 'src/core/a.ts': { source: 'a v1', mutants: mutants('Survived') } });
    const now = report({ 'src/core/a.ts': { source: 'a v1', mutants: mutants('Killed') } });
    assert.equal(mutation.mergeReports(earlier, now, read).report.files['src/core/a.ts']!.mutants[0]!.status, 'Killed');
  });

  it('re-points a kept mutant at the same test of the new run (ids are per run), and keeps tests only the earlier run had', () => {
    const earlier: Report = {
      ...report({ 'src/core/a.ts': { source: 'a v1', mutants: [{ id: '0', status: 'Killed', killedBy: ['3'], coveredBy: ['3', '4'] }] } }),
      testFiles: { 'x.test.js': { tests: [{ id: '3', name: 'signs a Z' }, { id: '4', name: 'gone now' }] } },
    };
    const now: Report = {
      ...report({ 'src/core/b.ts': { source: 'b v1', mutants: mutants('Killed') } }),
      testFiles: { 'x.test.js': { tests: [{ id: '0', name: 'signs a Z' }, { id: '3', name: 'something else' }] } },
    };
    const { report: merged } = mutation.mergeReports(earlier, now, read);
    const kept = merged.files['src/core/a.ts']!.mutants[0]!;
    assert.deepEqual(kept.killedBy, ['0']);
    assert.deepEqual(kept.coveredBy, ['0', '4']);
    assert.deepEqual(merged.testFiles, { 'x.test.js': { tests: [{ id: '0', name: 'signs a Z' }, { id: '3', name: 'something else' }, { id: '4', name: 'gone now' }] } });
  });

  it('starts afresh when there is no earlier report or it has another schema', () => {
    const now = report({ 'src/core/b.ts': { source: 'b v1', mutants: mutants('Killed') } });
    assert.equal(mutation.mergeReports(undefined, now, read).report, now);
    const other = { ...report({ 'src/core/a.ts': { source: 'a v1', mutants: mutants('Killed') } }), schemaVersion: '1' };
    assert.deepEqual(Object.keys(mutation.mergeReports(other, now, read).report.files), ['src/core/b.ts']);
  });
});
