#!/usr/bin/env node
// `npm test`: every check, one command. Stops at the first failing stage, prints a summary table and
// closes with one line "N passed, N failed" summing the test counts of all stages (the CI reads it; a
// failed stage without test counts, such as lint, counts as one failure).
// Each stage that runs tests hands its counts over as data (scripts/lib/stage.js), not as text to parse.
//   node scripts/test-all.js [--skip ui,selftest]   skip stages by id (quick local loops; CI never does)
//   VSCODE_TEST_MODE=desktop  integration tests through `vscode-test` (desktop VS Code) instead of code-server.
//   DNS_BATCH_TASKS_SKIP=ui,selftest  the same as --skip.
'use strict';
const path = require('node:path');
const { parseArgs } = require('node:util');
const { spawnGroup, installHandlers, shutdown } = require('./lib/procs');
const { readCounts, RESULT_ENV } = require('./lib/stage');
const { tempDir } = require('./lib/codeServer');
const { ROOT } = require('./lib/testConfig');

const node = process.execPath;
const npx = 'npx';
const desktop = process.env.VSCODE_TEST_MODE === 'desktop';
const MIN = 60_000;

/** id, title, command, timeout, whether it reports tests */
const STAGES = [
  // eslint (type-aware) and tsc are both CPU-bound and independent: run them side by side.
  { id: 'lint', title: 'lint + type check + import cycles (eslint type-aware incl. layer rules; tsc --noEmit; dependency-cruiser)', timeoutMs: 6 * MIN, parallel: [
    [npx, 'eslint', '.'],
    [npx, 'depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    [npx, 'tsc', '--noEmit', '-p', 'tsconfig.json'],
    [npx, 'tsc', '--noEmit', '-p', 'tsconfig.webview.json'],
  ] },
  { id: 'build', title: 'build (esbuild)', cmd: [node, 'esbuild.mjs'], timeoutMs: 2 * MIN },
  { id: 'compile', title: 'compile tests (tsc --outDir out)', cmd: [npx, 'tsc', '-p', 'tsconfig.json', '--outDir', 'out'], timeoutMs: 5 * MIN },
  { id: 'unit', title: 'unit tests (mocha, plain Node)', cmd: [node, 'scripts/unit-tests.js'], timeoutMs: 6 * MIN, tests: true },
  { id: 'tools', title: 'test tools (setup-tools.sh)', cmd: ['bash', 'scripts/setup-tools.sh'], timeoutMs: 15 * MIN },
  desktop
    ? { id: 'integration', title: 'integration tests (vscode-test, desktop VS Code)', cmd: [npx, 'vscode-test', '--label', 'integration'], timeoutMs: 10 * MIN, tests: true }
    : { id: 'integration', title: 'integration tests (code-server extension host)', cmd: [node, 'scripts/run-vscode-tests.js', '--no-build', '--timeout', String(8 * MIN)], timeoutMs: 9 * MIN, tests: true },
  ...(desktop ? [] : [{ id: 'untrusted', title: 'integration tests in an untrusted workspace (code-server, workspace trust on)', cmd: [node, 'scripts/run-vscode-tests.js', '--no-build', '--untrusted', '--timeout', String(4 * MIN)], timeoutMs: 5 * MIN, tests: true }]),
  { id: 'selftest', title: 'harness self-test (failing and hanging suites)', cmd: [node, 'scripts/harness-selftest.js'], timeoutMs: 4 * MIN, tests: true },
  { id: 'package', title: 'package VSIX + content test', cmd: [node, 'scripts/check-vsix.js', '--package'], timeoutMs: 4 * MIN, tests: true },
  { id: 'ui', title: 'UI end-to-end (VSIX in code-server, Chromium)', cmd: [node, 'scripts/ui-tests.js', '--no-build', '--timeout', String(11 * MIN)], timeoutMs: 12 * MIN, tests: true },
];

/** Run one command in its own process group (a timeout or Ctrl-C stops it and all it started). */
function runCommand(argv, timeoutMs, label, { echo = true, env = {} } = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const [cmd, ...args] = argv;
    const child = spawnGroup(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], graceMs: 15_000, env: { ...process.env, FORCE_COLOR: '0', ...env } });
    let out = '';
    const onData = (d) => {
      if (echo) process.stdout.write(d);
      if (out.length < 4_000_000) out += d;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\n[test-all] ${label}: TIMEOUT after ${timeoutMs / 1000} s, stopping it`);
      void child.stop();
    }, timeoutMs);
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      await child.stop(); // anything the command left in its group
      resolve({ ok: code === 0 && !timedOut, code: code ?? signal, timedOut, out, ms: Date.now() - t0 });
    });
  });
}

async function runStage(stage, env) {
  if (!stage.parallel) return runCommand(stage.cmd, stage.timeoutMs, stage.id, { env });
  // Side by side; each command's output is printed whole when it ends, so lines never interleave.
  const t0 = Date.now();
  const results = await Promise.all(
    stage.parallel.map((argv) =>
      runCommand(argv, stage.timeoutMs, argv.slice(1).join(' '), { echo: false }).then((r) => {
        console.log(`[test-all] $ ${argv.join(' ')}  → ${r.ok ? 'ok' : 'FAILED'} (${fmt(r.ms)})`);
        if (r.out.trim()) process.stdout.write(r.out.endsWith('\n') ? r.out : `${r.out}\n`);
        return r;
      }),
    ),
  );
  const bad = results.find((r) => !r.ok);
  return { ok: !bad, code: bad ? bad.code : 0, timedOut: results.some((r) => r.timedOut), out: results.map((r) => r.out).join('\n'), ms: Date.now() - t0 };
}

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  installHandlers();
  const { values } = parseArgs({ options: { skip: { type: 'string', default: process.env.DNS_BATCH_TASKS_SKIP || '' } } });
  const skip = new Set(values.skip.split(',').map((s) => s.trim()).filter(Boolean));
  const unknown = [...skip].filter((id) => !STAGES.some((s) => s.id === id));
  if (unknown.length) throw new Error(`--skip: no stage ${unknown.join(', ')} (stages: ${STAGES.map((s) => s.id).join(', ')})`);
  const results = tempDir('stages');
  const t0 = Date.now();
  const rows = [];
  let passed = 0;
  let failed = 0;
  let failedStage;
  for (const stage of STAGES) {
    if (skip.has(stage.id)) {
      rows.push({ stage, status: 'skipped', ms: 0, counts: '' });
      continue;
    }
    console.log(`\n[test-all] ── ${stage.title} ──`);
    const resultFile = path.join(results, `${stage.id}.json`);
    const r = await runStage(stage, stage.tests ? { [RESULT_ENV]: resultFile } : {});
    const counts = stage.tests ? readCounts(resultFile) : undefined;
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
    }
    if (!r.ok && (!counts || counts.failed === 0)) failed += 1; // a failed stage always shows as a failure
    rows.push({ stage, status: r.ok ? 'ok' : r.timedOut ? 'TIMEOUT' : `FAILED (${r.code})`, ms: r.ms, counts: counts ? `${counts.passed} passed, ${counts.failed} failed` : '' });
    if (!r.ok) {
      failedStage = stage;
      break;
    }
  }
  for (const stage of STAGES.slice(rows.length)) rows.push({ stage, status: 'not run', ms: 0, counts: '' });

  console.log('\n[test-all] summary');
  const w = Math.max(...rows.map((r) => r.stage.title.length));
  for (const r of rows) console.log(`  ${r.stage.title.padEnd(w)}  ${r.status.padEnd(12)} ${r.ms ? fmt(r.ms).padStart(8) : ''.padStart(8)}  ${r.counts}`);
  console.log(`  total ${fmt(Date.now() - t0)}${failedStage ? `; stopped at "${failedStage.title}"` : ''}${skip.size ? `; skipped: ${[...skip].join(', ')}` : ''}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failedStage ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => shutdown(code),
    (e) => {
      console.error('[test-all] fatal:', e);
      console.log('0 passed, 1 failed');
      return shutdown(1);
    },
  );
}

module.exports = { STAGES };
