// One way to run a mocha stage and to hand its counts on as data: the unit tests, the suites inside the
// extension host (test/support/vscodeRunner) and the UI tests all run through runMocha(); every stage that
// reports tests ends with reportCounts(), which prints "[name] N passed, N failed" for people and, when
// `npm test` asked for it, writes the counts to the file named by DNS_BATCH_TASKS_STAGE_RESULT.
'use strict';
const fs = require('node:fs');

const RESULT_ENV = 'DNS_BATCH_TASKS_STAGE_RESULT';

/**
 * Runs mocha over `files` and resolves with what happened, never rejecting for failed tests.
 * @param {{ files: string[], options?: object, mocha?: typeof import('mocha') }} o  options: Mocha constructor options
 * @returns {Promise<{ passes: number, failures: number, pending: number, failed: string[], durationMs: number }>}
 */
async function runMocha({ files, options = {}, mocha: MochaClass = require('mocha') }) {
  const mocha = new MochaClass({ ui: 'bdd', color: false, ...options });
  for (const f of files) mocha.addFile(f);
  const result = { passes: 0, failures: 0, pending: 0, failed: [], durationMs: 0 };
  const started = Date.now();
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(undefined));
    runner.on('pass', () => void result.passes++);
    runner.on('pending', () => void result.pending++);
    runner.on('fail', (test) => {
      result.failures++;
      result.failed.push(test.fullTitle());
    });
  });
  result.durationMs = Date.now() - started;
  return result;
}

/** The stage's closing line, and the counts as data for `npm test` (scripts/test-all.js). */
function reportCounts(name, counts, env = process.env) {
  console.log(`[${name}] ${counts.passed} passed, ${counts.failed} failed`);
  const file = env[RESULT_ENV];
  if (file) fs.writeFileSync(file, JSON.stringify({ passed: counts.passed, failed: counts.failed }));
}

/** What a stage reported through reportCounts(); undefined when it wrote nothing (crashed, or reports none). */
function readCounts(file) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const count = (n) => Number.isInteger(n) && n >= 0;
  return data && count(data.passed) && count(data.failed) ? { passed: data.passed, failed: data.failed } : undefined;
}

module.exports = { runMocha, reportCounts, readCounts, RESULT_ENV };
