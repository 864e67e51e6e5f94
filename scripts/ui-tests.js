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
const { installHandlers, shutdown } = require('./lib/procs');

function parseArgs(argv) {
  const o = { build: true, grep: undefined, timeoutMs: 900_000, files: 'out/test/e2e/**/*.test.js' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--no-build') o.build = false;
    else if (a === '--grep' || a === '-g') o.grep = value();
    else if (a === '--timeout') o.timeoutMs = Number(value());
    else if (a === '--files') o.files = value();
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
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
    console.log('[ui-tests] 0 passed, 1 failed');
    void shutdown(1);
  }, o.timeoutMs);
  const Mocha = require('mocha');
  const { mochaHooks } = require(path.join(ROOT, 'out/test/support/ui/index.js'));
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, slow: 10_000, color: false, reporter: 'spec', rootHooks: mochaHooks, ...(o.grep ? { grep: o.grep } : {}) });
  for (const f of files) mocha.addFile(f);
  const counts = { passes: 0, failures: 0 };
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(undefined));
    runner.on('pass', () => counts.passes++);
    runner.on('fail', () => counts.failures++);
  });
  clearTimeout(timer);
  console.log(`[ui-tests] total ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in test-results/screenshots/`);
  console.log(`[ui-tests] ${counts.passes} passed, ${counts.failures} failed`);
  return counts.failures > 0 ? 1 : 0;
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
