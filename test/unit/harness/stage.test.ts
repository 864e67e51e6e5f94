// How every test stage runs mocha and hands its counts to `npm test` as data (scripts/lib/stage.js).
import * as assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, script } from './load';

interface Counts { passed: number; failed: number }
interface RunResult { passes: number; failures: number; pending: number; failed: string[] }
const stage = script<{
  runMocha(o: { files: string[]; options?: object }): Promise<RunResult>;
  reportCounts(name: string, counts: Counts, env?: Record<string, string | undefined>): void;
  readCounts(file: string): Counts | undefined;
  RESULT_ENV: string;
}>('scripts/lib/stage.js');

describe('harness: one mocha stage, counts as data', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stage-test-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a suite and returns passes, failures, pending and the failed titles', async () => {
    const file = path.join(dir, 'sample.test.js');
    fs.writeFileSync(file, [
      "describe('sample', () => {",
      "  it('passes', () => {});",
      "  it('fails', () => { throw new Error('no'); });",
      "  it.skip('waits', () => {});",
      '});',
    ].join('\n'));
    // A reporter that prints nothing: the inner run's lines are not this test's output.
    const r = await stage.runMocha({ files: [file], options: { reporter: function Silent() {} } });
    assert.deepEqual([r.passes, r.failures, r.pending, r.failed], [1, 1, 1, ['sample fails']]);
  });

  it('writes the counts where npm test asked, and reads them back', () => {
    const file = path.join(dir, 'unit.json');
    const log = console.log;
    const lines: string[] = [];
    console.log = (line: string) => void lines.push(line);
    try {
      stage.reportCounts('unit-tests', { passed: 12, failed: 1 }, { [stage.RESULT_ENV]: file });
      stage.reportCounts('unit-tests', { passed: 3, failed: 0 }, {});
    } finally {
      console.log = log;
    }
    assert.deepEqual(lines, ['[unit-tests] 12 passed, 1 failed', '[unit-tests] 3 passed, 0 failed']);
    assert.deepEqual(stage.readCounts(file), { passed: 12, failed: 1 });
  });

  it('reads nothing from a stage that wrote nothing or garbage', () => {
    assert.equal(stage.readCounts(path.join(dir, 'none.json')), undefined);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"passed": -1, "failed": "x"}');
    assert.equal(stage.readCounts(path.join(dir, 'bad.json')), undefined);
  });
});

describe('harness: the integration reporter hands counts on from a desktop host (vscode-test)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counts-reporter-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Mocha with the reporter, as @vscode/test-cli's runner builds it, in a child process (its own output). */
  function runWithReporter(env: Record<string, string>): { out: string; status: number | null } {
    const file = path.join(dir, 'sample.test.js');
    fs.writeFileSync(file, "describe('s', () => { it('a', () => {}); it('b', () => {}); it('c', () => { throw new Error('no'); }); });");
    const reporter = path.join(ROOT, 'scripts/lib/countsReporter.js');
    const script = `const M = require(${JSON.stringify(require.resolve('mocha'))}); const m = new M({ ui: 'bdd', color: false, reporter: ${JSON.stringify(reporter)} }); m.addFile(${JSON.stringify(file)}); m.run(() => {});`;
    const { [stage.RESULT_ENV]: _outer, ...base } = process.env;
    const r = cp.spawnSync(process.execPath, ['-e', script], { env: { ...base, ...env }, encoding: 'utf8' });
    return { out: r.stdout, status: r.status };
  }

  it('prints the spec lines and writes "2 passed, 1 failed" where npm test asked', () => {
    const result = path.join(dir, 'counts.json');
    const r = runWithReporter({ [stage.RESULT_ENV]: result });
    assert.match(r.out, /✔ a/);
    assert.match(r.out, /1 failing/);
    assert.match(r.out, /\[vscode-tests\] 2 passed, 1 failed/);
    assert.deepEqual(stage.readCounts(result), { passed: 2, failed: 1 });
  });

  it('writes nothing when no stage result was asked for (the code-server runner reports for its host)', () => {
    const r = runWithReporter({});
    assert.match(r.out, /2 passing/);
    assert.doesNotMatch(r.out, /\[vscode-tests\]/);
    assert.deepEqual(fs.readdirSync(dir), ['sample.test.js']);
  });
});
