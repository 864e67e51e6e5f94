#!/usr/bin/env node
// Integration tests inside a real VS Code extension host (code-server + Chromium, offline).
//   node scripts/run-vscode-tests.js [--grep PATTERN] [--no-build] [--timeout MS] [--files GLOB] [--verbose] [--untrusted]
// --untrusted: workspace trust on, so the fixture folder opens untrusted (restricted mode), and the suites in
// test/integration/untrusted/*.untrusted.ts run instead (the default run has trust off, as a trusted folder).
// Reads files / mocha options / workspace / env from .vscode-test.mjs (label "integration"), the same file
// `vscode-test` (npm run test:desktop) uses. Exit code: 1 when any test fails or the run times out.
// The last line is "[vscode-tests] N passed, N failed"; the counts reach `npm test` as data (scripts/lib/stage.js).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { loadTestConfig, ROOT } = require('./lib/testConfig');
const { bundle, compileTests } = require('./lib/build');
const { runInHost } = require('./lib/inHost');
const { shutdown, installHandlers } = require('./lib/procs');
const { reportCounts } = require('./lib/stage');
const { parseArgs: nodeParseArgs } = require('node:util');

/** The suites that need an untrusted workspace (the .vscode-test.mjs globs never match them). */
const UNTRUSTED_FILES = 'out/test/integration/untrusted/*.untrusted.js';

/** The command line, through node:util parseArgs (unknown flags and missing values are refused). */
function parseArgs(argv) {
  const { values } = nodeParseArgs({
    args: argv,
    options: {
      grep: { type: 'string', short: 'g' },
      'no-build': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '600000' },
      files: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      untrusted: { type: 'boolean', default: false },
    },
  });
  const timeoutMs = Number(values.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error('--timeout needs a positive number of ms');
  return { grep: values.grep, build: !values['no-build'], timeoutMs, files: values.files ?? (values.untrusted ? UNTRUSTED_FILES : undefined), verbose: values.verbose, untrusted: values.untrusted };
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
    workspaceTrust: opts.untrusted,
  });
  const passed = r.result ? r.result.passes : 0;
  // No result (a hang, a crash, a bootstrap error) counts as one failure.
  const failed = r.result ? r.result.failures : 1;
  console.log(`[vscode-tests] ${r.reason}; code-server up in ${(r.startupMs / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.result && r.result.failed.length) console.log(`[vscode-tests] failed: ${r.result.failed.join(' | ')}`);
  if (r.timedOut) console.log('[vscode-tests] FAILED: the run timed out (a test or the extension host hung)');
  if (r.result && r.result.passes + r.result.failures === 0 && !r.timedOut) console.log('[vscode-tests] note: no test ran (grep matched nothing?)');
  reportCounts('vscode-tests', { passed, failed });
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
