#!/usr/bin/env node
// Shows, once per `npm test`, that the integration harness cannot lie:
//  1. a failing test inside VS Code makes scripts/run-vscode-tests.js exit 1 (and counts it);
//  2. a hanging test ends in the runner's own timeout, exit 1, instead of a stuck CI.
// Both runs go in parallel (separate code-servers, ports and browsers) to keep it to one run's time.
// Expects dist/ and out/ built (npm test builds them first). Prints "[harness-selftest] N passed, N failed".
'use strict';
const cp = require('node:child_process');
const path = require('node:path');
const { ROOT } = require('./lib/testConfig');
const { reportCounts, RESULT_ENV } = require('./lib/stage');

const RUNNER = path.join(ROOT, 'scripts/run-vscode-tests.js');
// 60 s: under load (six agents on two cores) the extension host took over 30 s to reach the hanging test, so
// the check "the test started" failed. It runs beside the failing suite (about 70 s), so it adds no wall time.
const HANG_TIMEOUT_MS = Number(process.env.DNS_BATCH_TASKS_SELFTEST_TIMEOUT || 60_000);

function runRunner(file, extra) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    // The runs under test must not report into this stage's own result (scripts/lib/stage.js).
    const { [RESULT_ENV]: _ours, ...env } = process.env;
    const child = cp.spawn(process.execPath, [RUNNER, '--no-build', '--files', `out/test/integration/harness-selftest/${file}`, ...extra], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    // Guard against the runner itself hanging: the self-test must not hang either.
    const guard = setTimeout(() => child.kill('SIGTERM'), HANG_TIMEOUT_MS + 90_000);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code: code ?? 1, signal, out, ms: Date.now() - t0 });
    });
  });
}

/** Each check: [description, passed]. Exported for the unit test of the checks themselves. */
function checkFailRun(r) {
  return [
    ['failing suite: runner exits 1', r.code === 1],
    ['failing suite: mocha reports "1 failing"', /\b1 failing\b/.test(r.out)],
    ['failing suite: counted as "1 passed, 1 failed"', /\[vscode-tests\] 1 passed, 1 failed\s*$/.test(r.out.trim() + '\n')],
    ['failing suite: ended by the extension host, not by the timeout', !/TIMEOUT/.test(r.out)],
  ];
}

function checkHangRun(r) {
  return [
    ['hanging suite: runner exits 1', r.code === 1],
    ['hanging suite: the test started and hung', r.out.includes('harness-selftest: hanging now')],
    ['hanging suite: ended by the runner timeout', /TIMEOUT: no result after \d+ ms/.test(r.out)],
    ['hanging suite: reported as failed', /\[vscode-tests\] 0 passed, 1 failed/.test(r.out)],
  ];
}

async function main() {
  const t0 = Date.now();
  const [fail, hang] = await Promise.all([
    runRunner('fail.selftest.js', ['--timeout', '180000']),
    runRunner('hang.selftest.js', ['--timeout', String(HANG_TIMEOUT_MS)]),
  ]);
  const checks = [...checkFailRun(fail), ...checkHangRun(hang)];
  let passed = 0;
  let failed = 0;
  for (const [what, ok] of checks) {
    console.log(`  ${ok ? '✔' : '✘'} ${what}`);
    ok ? passed++ : failed++;
  }
  if (failed) {
    console.log('----- failing-suite run -----\n' + fail.out + '\n----- hanging-suite run -----\n' + hang.out);
  }
  console.log(`[harness-selftest] fail run ${(fail.ms / 1000).toFixed(1)} s, hang run ${(hang.ms / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  reportCounts('harness-selftest', { passed, failed });
  return failed ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error('[harness-selftest] fatal:', e);
      process.exit(1);
    },
  );
}

module.exports = { checkFailRun, checkHangRun };
