#!/usr/bin/env node
// UI end-to-end tests: package the VSIX (production bundle), then run mocha (bdd) over out/test/e2e/**/*.test.js
// in this Node process with the root hooks of test/support/ui (code-server with the VSIX installed, fake
// gateway, Chromium). Screenshots: test-results/screenshots/ (git-ignored).
//   node scripts/ui-tests.js [--no-build] [--grep PATTERN] [--timeout MS] [--files GLOB]
// Last line: "[ui-tests] N passed, N failed".
'use strict';
const path = require('node:path');
const { globSync } = require('glob');
const { ROOT, compileTests, packageVsix, VSIX } = require('./lib/build');
const { parseArgs: nodeParseArgs } = require('node:util');
const { installHandlers, shutdown } = require('./lib/procs');
const { runMocha, reportCounts } = require('./lib/stage');

/** The command line, through node:util parseArgs (unknown flags and missing values are refused). */
function parseArgs(argv) {
  const { values } = nodeParseArgs({
    args: argv,
    options: {
      'no-build': { type: 'boolean', default: false },
      grep: { type: 'string', short: 'g' },
      timeout: { type: 'string', default: '900000' },
      files: { type: 'string', default: 'out/test/e2e/**/*.test.js' },
    },
  });
  const timeoutMs = Number(values.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error('--timeout needs a positive number of ms');
  return { build: !values['no-build'], grep: values.grep, timeoutMs, files: values.files };
}

async function main() {
  installHandlers();
  const o = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  if (o.build && !(packageVsix() && compileTests())) return 1;
  process.env.DNS_BATCH_TASKS_VSIX = process.env.DNS_BATCH_TASKS_VSIX || VSIX;
  const files = globSync(o.files, { cwd: ROOT, absolute: true }).sort();
  if (!files.length) {
    console.log(`[ui-tests] no files match ${o.files}`);
    return 1;
  }
  // A hang anywhere (browser, server, test) ends the run as a failure.
  const timer = setTimeout(() => {
    console.log(`[ui-tests] TIMEOUT after ${o.timeoutMs} ms`);
    reportCounts('ui-tests', { passed: 0, failed: 1 });
    void shutdown(1);
  }, o.timeoutMs);
  const { mochaHooks } = require(path.join(ROOT, 'out/test/support/ui/index.js'));
  const r = await runMocha({
    files,
    options: { timeout: 120_000, slow: 10_000, reporter: 'spec', rootHooks: mochaHooks, ...(o.grep ? { grep: o.grep } : {}) },
  });
  clearTimeout(timer);
  console.log(`[ui-tests] total ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in test-results/screenshots/`);
  reportCounts('ui-tests', { passed: r.passes, failed: r.failures });
  return r.failures > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => shutdown(code),
    (e) => {
      console.error('[ui-tests] fatal:', e && e.stack ? e.stack : e);
      return shutdown(1);
    },
  );
}
module.exports = { parseArgs };
