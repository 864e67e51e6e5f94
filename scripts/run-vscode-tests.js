#!/usr/bin/env node
// Integration tests inside a real VS Code extension host (code-server + Chromium, offline).
//   node scripts/run-vscode-tests.js [--grep PATTERN] [--no-build] [--timeout MS] [--files GLOB] [--verbose]
// Reads files / mocha options / workspace / env from .vscode-test.mjs (label "integration"), the same file
// `vscode-test` (npm run test:desktop) uses. Exit code: 1 when any test fails or the run times out.
// The last line is "[vscode-tests] N passed, N failed" (scripts/test-all.js sums it).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { loadTestConfig, ROOT } = require('./lib/testConfig');
const { bundle, compileTests } = require('./lib/build');
const { runInHost } = require('./lib/inHost');
const { shutdown, installHandlers } = require('./lib/procs');

function parseArgs(argv) {
  const opts = { grep: undefined, build: true, timeoutMs: 600_000, files: undefined, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--grep' || a === '-g') opts.grep = value();
    else if (a.startsWith('--grep=')) opts.grep = a.slice(7);
    else if (a === '--no-build') opts.build = false;
    else if (a === '--timeout') opts.timeoutMs = Number(value());
    else if (a === '--files') opts.files = value();
    else if (a === '--verbose') opts.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) throw new Error('--timeout needs a positive number of ms');
  return opts;
}

async function main() {
  installHandlers();
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  if (opts.build && !(bundle(false) && compileTests())) return 1;
  const cfg = await loadTestConfig({ files: opts.files });
  if (!cfg.files.length) {
    console.log(`[vscode-tests] no test files match ${cfg.patterns.join(', ')}`);
    return 1;
  }
  const workspace = cfg.workspace || path.join(ROOT, 'test/fixtures/workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const mochaOpts = { ...cfg.mochaOpts, ...(opts.grep ? { grep: opts.grep } : {}) };
  console.log(`[vscode-tests] ${cfg.files.length} file(s)${opts.grep ? `, grep /${opts.grep}/` : ''}, timeout ${opts.timeoutMs} ms`);
  const r = await runInHost({
    tests: { files: cfg.files, mochaOpts, preload: cfg.preload },
    workspace,
    extensionDevelopmentPath: cfg.extensionDevelopmentPath,
    env: { DNS_BATCH_TASKS_TEST: '1', ...cfg.env },
    timeoutMs: opts.timeoutMs,
    verbose: opts.verbose,
  });
  const passed = r.result ? r.result.passes : 0;
  const failed = r.result ? r.result.failures : r.timedOut ? 1 : 1;
  console.log(`[vscode-tests] ${r.reason}; code-server up in ${(r.startupMs / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.result && r.result.failed.length) console.log(`[vscode-tests] failed: ${r.result.failed.join(' | ')}`);
  if (r.timedOut) console.log('[vscode-tests] FAILED: the run timed out (a test or the extension host hung)');
  if (r.result && r.result.passes + r.result.failures === 0 && !r.timedOut) console.log('[vscode-tests] note: no test ran (grep matched nothing?)');
  console.log(`[vscode-tests] ${passed} passed, ${failed} failed`);
  return r.exitCode;
}

if (require.main === module) {
  main().then(
    (code) => shutdown(code),
    (e) => {
      console.error('[vscode-tests] fatal:', e && e.stack ? e.stack : e);
      return shutdown(1);
    },
  );
}

module.exports = { parseArgs };
