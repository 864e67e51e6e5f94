#!/usr/bin/env node
// Package content test: lists the packaged VSIX (reading the zip itself) and fails when anything but
// dist/*.js, media/, package.json, package.nls*.json, l10n/, README, CHANGELOG, LICENSE is inside, or when
// source maps, tests or node_modules leak in.
//   node scripts/check-vsix.js [--package] [path/to.vsix]     (--package: build + vsce package first)
// Last line: "[vsix-content] N passed, N failed".
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { VSIX, packageVsix, ROOT } = require('./lib/build');
const { checkVsixEntries, zipEntries, bundlesLinkingMaps } = require('./lib/vsixContent');
const { reportCounts } = require('./lib/stage');

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--package') && !packageVsix()) return 1;
  const file = path.resolve(ROOT, args.find((a) => !a.startsWith('--')) || VSIX);
  if (!fs.existsSync(file)) {
    console.log(`[vsix-content] ${file} missing: run npm run package (or pass --package)`);
    reportCounts('vsix-content', { passed: 0, failed: 1 });
    return 1;
  }
  const records = zipEntries(file).entries;
  const entries = records.map((r) => r.name);
  const sizes = new Map(records.map((r) => [r.name, r.size]));
  console.log(`[vsix-content] ${path.relative(ROOT, file)}: ${fs.statSync(file).size} bytes, ${entries.length} entries`);
  for (const e of entries) console.log(`    ${e}${sizes.has(e) ? `  (${sizes.get(e)} B)` : ''}`);
  let passed = 0;
  let failed = 0;
  const linking = bundlesLinkingMaps(file);
  const results = [...checkVsixEntries(entries), { name: 'bundles do not reference source maps', ok: linking.length === 0, offenders: linking }];
  for (const r of results) {
    console.log(`  ${r.ok ? '✔' : '✘'} ${r.name}${r.ok ? '' : `: ${r.offenders.join(', ')}`}`);
    r.ok ? passed++ : failed++;
  }
  reportCounts('vsix-content', { passed, failed });
  return failed ? 1 : 0;
}

process.exit(main());
