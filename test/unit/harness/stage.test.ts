// How every test stage runs mocha and hands its counts to `npm test` as data (scripts/lib/stage.js).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { script } from './load';

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
    const log = console.log;
    console.log = () => undefined; // the spec reporter's lines are not this test's output
    let r: RunResult;
    try {
      r = await stage.runMocha({ files: [file], options: { reporter: 'dot' } });
    } finally {
      console.log = log;
    }
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
