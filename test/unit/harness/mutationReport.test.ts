// The score over src/core/ comes from one report that every partial `npm run test:mutation FILE…` run merges
// into (scripts/mutation.js): a file measured earlier keeps its result only while its source is unchanged.
import * as assert from 'node:assert/strict';
import { script } from './load';

interface Mutant { id: string; status: string; killedBy?: string[]; coveredBy?: string[] }
interface FileResult { language?: string; source: string; mutants: Mutant[] }
interface Report { schemaVersion: string; files: Record<string, FileResult>; testFiles?: Record<string, { tests: { id: string; name: string }[] }> }
interface Row { file: string; score: number; detected: number; valid: number; survived: number }
const mutation = script<{
  mergeReports(previous: Report | undefined, current: Report, readSource?: (file: string) => string): { report: Report; dropped: string[] };
  mergeForeign(base: Report | undefined, foreign: Report, readSource?: (file: string) => string): { report: Report; stale: string[]; dropped: string[] };
  withUnmutated(report: Report, mutate: string[], readSource?: (file: string) => string): Report;
  scores(report: Report): { rows: Row[]; total: number };
  testsLoading(targets: string[]): string[];
  grepFor(mutate: string[], grep?: string, allTests?: boolean): { grep?: string; left: string[] };
  HEAVY_TESTS: { title: string; targets: string[] }[];
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

  it('a file the run mutated but Stryker made no mutant of is measured, with nothing to kill, not "never measured"', () => {
    const stryker = report({ 'src/core/a.ts': { source: 'a v1', mutants: mutants('Killed') } });
    const done = mutation.withUnmutated(stryker, ['src/core/a.ts', 'src/core/b.ts'], read);
    assert.deepEqual(done.files['src/core/b.ts'], { language: 'typescript', source: 'b v1', mutants: [] });
    assert.deepEqual(done.files['src/core/a.ts'], stryker.files['src/core/a.ts']);
    // Kept by a later merge while its source is unchanged, like any measured file.
    const later = mutation.mergeReports(done, report({}), read);
    assert.deepEqual(Object.keys(later.report.files).sort(), ['src/core/a.ts', 'src/core/b.ts']);
    assert.deepEqual(later.dropped, []);
  });

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

describe('mutation report: --merge of other checkouts\' reports', () => {
  // This checkout's sources: a.ts and b.ts as measured elsewhere, c.ts edited here since the other run.
  const sources: Record<string, string> = { 'src/core/a.ts': 'a v1', 'src/core/b.ts': 'b v1', 'src/core/c.ts': 'c v2' };
  const read = (file: string): string => {
    const s = sources[file];
    if (s === undefined) throw new Error('ENOENT');
    return s;
  };

  it('takes the files whose source is this checkout\'s and names the others, which do not count', () => {
    const other = report({
      'src/core/b.ts': { source: 'b v1', mutants: mutants('Killed', 'Survived') },
      'src/core/c.ts': { source: 'c v1', mutants: mutants('Killed', 'Killed', 'Killed') },
      'src/core/gone.ts': { source: 'g', mutants: mutants('Killed') },
    });
    const mine = report({ 'src/core/a.ts': { source: 'a v1', mutants: mutants('Killed', 'Survived', 'Survived') } });
    const { report: merged, stale, dropped } = mutation.mergeForeign(mine, other, read);
    assert.deepEqual(Object.keys(merged.files).sort(), ['src/core/a.ts', 'src/core/b.ts']);
    assert.deepEqual(stale.sort(), ['src/core/c.ts', 'src/core/gone.ts']);
    assert.deepEqual(dropped, []);
    // 2 of 5: the stale c.ts (3 of 3) would have raised it to 5 of 8.
    assert.equal(mutation.scores(merged).total, (100 * 2) / 5);
  });

  it('the merged report wins for a file both measured; a stale one never replaces a current result', () => {
    const mine = report({
      'src/core/a.ts': { source: 'a v1', mutants: mutants('Survived') },
      'src/core/c.ts': { source: 'c v2', mutants: mutants('Survived') },
    });
    const other = report({
      'src/core/a.ts': { source: 'a v1', mutants: mutants('Killed') },
      'src/core/c.ts': { source: 'c v1', mutants: mutants('Killed') },
    });
    const { report: merged } = mutation.mergeForeign(mine, other, read);
    assert.equal(merged.files['src/core/a.ts']!.mutants[0]!.status, 'Killed');
    assert.equal(merged.files['src/core/c.ts']!.mutants[0]!.status, 'Survived');
  });

  it('folds two reports into a checkout that has none (the lead on main), dropping nothing of either', () => {
    const zone = report({ 'src/core/a.ts': { source: 'a v1', mutants: mutants('Killed', 'Killed') } });
    const client = report({ 'src/core/b.ts': { source: 'b v1', mutants: mutants('Killed', 'Survived') } });
    const first = mutation.mergeForeign(undefined, zone, read).report;
    const { report: merged } = mutation.mergeForeign(first, client, read);
    assert.deepEqual(mutation.scores(merged).rows.map((r) => [r.file, r.detected, r.valid]), [['src/core/a.ts', 2, 2], ['src/core/b.ts', 1, 2]]);
  });

  it('drops a result of this checkout\'s own report whose file was edited since it was measured', () => {
    const mine = report({ 'src/core/c.ts': { source: 'c v1', mutants: mutants('Killed') } });
    const { report: merged, dropped } = mutation.mergeForeign(mine, report({ 'src/core/a.ts': { source: 'a v1', mutants: mutants('Killed') } }), read);
    assert.deepEqual(Object.keys(merged.files), ['src/core/a.ts']);
    assert.deepEqual(dropped, ['src/core/c.ts']);
  });
});

describe('mutation runs: which tests a run selects', () => {
  it('follows a barrel by the names a test imports, through `export *`, not through the types it names', () => {
    // ipv6.test imports canonicalIpv6 from src/core, which reaches it through `export * from './recordSets/index'`;
    // the same barrel's `export * from './errors'` (and so redact.ts) is not on its way.
    const redact = mutation.testsLoading(['src/core/redact.ts']);
    assert.ok(redact.includes('out/test/unit/core/redact.test.js'));
    assert.ok(redact.includes('out/test/unit/client/redaction.test.js'), 'the client tests reach redact through errors.ts');
    assert.ok(!redact.includes('out/test/unit/recordSets/ipv6.test.js'));
    // comparison.test names `type LiveRecordSet` beside renderZoneText: a type is erased, it loads nothing.
    assert.ok(!redact.includes('out/test/unit/compare/comparison.test.js'));
    assert.ok(mutation.testsLoading(['src/core/recordSets/ipv6.ts']).includes('out/test/unit/recordSets/ipv6.test.js'));
  });

  it('leaves out the scale tests of other files, keeps those of the files mutated, and keeps the person\'s --grep', () => {
    const liveZone = 'client: live zone reads a zone of 100,000 sets is read whole in 201 pages, in order';
    const quick = 'core/redact: redact removes the secret';
    const forRedact = mutation.grepFor(['src/core/redact.ts']);
    const re = new RegExp(forRedact.grep!);
    assert.equal(re.test(liveZone), false);
    assert.equal(re.test('response paths under random answers (property) every schema returns a checked value'), false);
    assert.equal(re.test(quick), true);
    assert.equal(forRedact.left.length, mutation.HEAVY_TESTS.length);
    assert.ok(new RegExp(mutation.grepFor(['src/core/liveZone.ts']).grep!).test(liveZone));
    // A target folder stands for its files.
    const inPlace = 'planRetry: in place against the general path gives the same plan';
    assert.equal(new RegExp(mutation.grepFor(['src/core/explain.ts']).grep!).test(inPlace), false);
    assert.ok(new RegExp(mutation.grepFor(['src/core/zone/scanner.ts']).grep!).test(inPlace));
    assert.deepEqual(mutation.grepFor(['src/core/redact.ts'], undefined, true), { grep: undefined, left: [] });
    const both = new RegExp(mutation.grepFor(['src/core/redact.ts'], '^(?!core/redact)').grep!);
    assert.equal(both.test(quick), false);
    assert.equal(both.test('client: requests and answers signs'), true);
    assert.equal(both.test(liveZone), false);
  });
});
