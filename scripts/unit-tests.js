#!/usr/bin/env node
// Unit tests in plain Node: mocha over out/test/unit (compiled first by `npm run compile:tests`), with the
// options of .mocharc.json, through the one mocha stage runner (scripts/lib/stage.js).
//   node scripts/unit-tests.js [--grep PATTERN]
// Last line: "[unit-tests] N passed, N failed".
'use strict';
const path = require('node:path');
const { parseArgs } = require('node:util');
const { globSync } = require('glob');
const { ROOT } = require('./lib/testConfig');
const { runMocha, reportCounts } = require('./lib/stage');

async function main() {
  const { values } = parseArgs({ options: { grep: { type: 'string', short: 'g' } } });
  const { spec, ui, timeout, 'enable-source-maps': sourceMaps } = require(path.join(ROOT, '.mocharc.json'));
  if (sourceMaps) process.setSourceMapsEnabled(true);
  const files = [spec].flat().flatMap((g) => globSync(g, { cwd: ROOT, absolute: true })).sort();
  const r = await runMocha({ files, options: { ui, timeout, reporter: 'spec', ...(values.grep ? { grep: values.grep } : {}) } });
  reportCounts('unit-tests', { passed: r.passes, failed: r.failures });
  return r.failures > 0 || files.length === 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error('[unit-tests] fatal:', e && e.stack ? e.stack : e);
      process.exit(1);
    },
  );
}
