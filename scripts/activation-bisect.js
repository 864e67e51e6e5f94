#!/usr/bin/env node
// Where activation's time goes, by bisection: the activation probe (scripts/lib/activationProbe.js) run
// against variants of the extension that each add one part of ours to an empty extension, every variant in
// its own code-server with fresh hosts, each host's figure paired with the empty baseline in that host.
//   manifest  our package.json (contributes, l10n, nls) with an empty module
//   vscode    the same module plus require('vscode') (the host builds the API object for the extension)
//   evaluate  our production dist/extension.js evaluated, activate() returns at once
//   full      the extension as it ships
//   node scripts/activation-bisect.js [VARIANT…]   (BENCH_ACTIVATION_RUNS, default 7)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, bundle } = require('./lib/build');
const { tempDir } = require('./lib/codeServer');
const { repeatInHost } = require('./lib/inHost');
const { installHandlers, cleanupAll } = require('./lib/procs');
const { writeBaselineExtension } = require('./bench/foundation');

const RUNS = Number(process.env.BENCH_ACTIVATION_RUNS || 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A copy of our manifest (and what it names) whose `main` is `code`. */
function variant(name, code) {
  const dir = tempDir(`bisect-${name}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  pkg.main = './variant.js';
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const f of ['package.nls.json', 'package.nls.zh-cn.json', 'l10n', 'media', 'dist']) fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  fs.writeFileSync(path.join(dir, 'variant.js'), code);
  return dir;
}

const VARIANTS = {
  manifest: () => variant('manifest', 'exports.activate = function () { return {}; };\n'),
  vscode: () => variant('vscode', "require('vscode');\nexports.activate = function () { return {}; };\n"),
  evaluate: () => variant('evaluate', "require('./dist/extension.js');\nexports.activate = function () { return {}; };\n"),
  full: () => ROOT,
};

async function main() {
  installHandlers();
  const only = process.argv.slice(2);
  if (!bundle(true)) throw new Error('production build failed');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const rows = [];
  for (const [name, make] of Object.entries(VARIANTS).filter(([n]) => !only.length || only.includes(n))) {
    const baseline = writeBaselineExtension(tempDir('bisect-baseline'));
    const out = path.join(tempDir('bisect'), `${name}.jsonl`);
    fs.writeFileSync(out, '');
    await repeatInHost({
      vsix: baseline.vsix,
      extensionDevelopmentPath: make(),
      testsPath: path.join(ROOT, 'scripts/lib/activationProbe.js'),
      runs: RUNS,
      workspace: path.join(ROOT, 'test/fixtures/workspace'),
      env: { DNS_BATCH_TASKS_BENCH_OUT: out, DNS_BATCH_TASKS_BENCH_EXTENSION_ID: `${pkg.publisher}.${pkg.name}`, DNS_BATCH_TASKS_BENCH_BASELINE_ID: baseline.id },
    });
    const s = fs.readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((x) => !x.error && !x.wasActive);
    const phases = [...new Set(s.flatMap((x) => Object.keys(x.phases)))].map((p) => `${p}:${median(s.map((x) => x.phases[p] ?? 0)).toFixed(1)}`).join(' ');
    const row = { variant: name, runs: s.length, ms: median(s.map((x) => x.activationMs)).toFixed(1), baseline: median(s.map((x) => x.baselineMs)).toFixed(1), ratio: median(s.map((x) => x.activationMs / x.baselineMs)).toFixed(2), phases };
    rows.push(row);
    console.log(JSON.stringify(row));
    await cleanupAll();
  }
  console.table(rows);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
