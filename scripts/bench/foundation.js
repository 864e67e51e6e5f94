// Benchmark: the foundation (issue 2).
//   foundation.activation          first activation of the extension in a real extension host (code-server),
//                                  `ext.activate()` from not-active to resolved: module load + activate();
//                                  median of RUNS fresh hosts. Target < 50 ms.
//   foundation.activation.baseline the same host, same clock: require + activate() of an empty module.
//   foundation.activation.ratio    ours / the baseline, the median of the per-host paired ratios (the machine
//                                  is shared, so each host's pair is compared with itself). Target <= 1.5.
//   foundation.bundle              size of the production dist/extension.js. Target < 300 KB.
//   foundation.vsix                size of the packaged VSIX. Target < 500 KB.
// Builds the production bundle and the VSIX first (the figures are about what ships). BENCH_ACTIVATION_RUNS=N
// takes N hosts (at least 7); BENCH_ACTIVATION_SAMPLES=FILE keeps each host's times and phases (JSON lines).
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, packageVsix, VSIX } = require('../lib/build');
const { tempDir } = require('../lib/codeServer');
const { repeatInHost } = require('../lib/inHost');
const { assertToolsInstalled } = require('../lib/tools');

const RUNS = Math.max(7, Number(process.env.BENCH_ACTIVATION_RUNS || 7));
const KB = 1024;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 2) => Number(x.toFixed(d));

/**
 * The smallest real extension (a manifest and an activate() that returns), packaged and installed beside
 * ours: code-server's remote host takes only one extensionDevelopmentPath.
 */
function writeBaselineExtension(dir) {
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'activation-baseline', publisher: 'bench', version: '0.0.0', license: 'MIT', engines: { vscode: '^1.90.0' },
    main: './extension.js', activationEvents: [],
  }));
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = function () { return {}; };\n');
  fs.writeFileSync(path.join(dir, 'README.md'), 'Activation baseline for the benchmark.\n');
  const vsix = path.join(dir, 'baseline.vsix');
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [ROOT] });
  const r = cp.spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the baseline extension failed:\n${r.stdout}\n${r.stderr}`);
  return { vsix, id: 'bench.activation-baseline' };
}

/** 'name:ms …', the median of each phase over the samples (key: 'phases' for ours, 'baselinePhases'). */
function medianPhases(samples, key) {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s[key] || {})))];
  return names.map((n) => `${n}:${round(median(samples.map((s) => (s[key] || {})[n] ?? 0)), 1)}`).join(' ');
}

async function run(report) {
  if (!packageVsix()) throw new Error('production build / vsce package failed');
  const bundle = fs.statSync(path.join(ROOT, 'dist/extension.js')).size;
  const vsix = fs.statSync(VSIX).size;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  assertToolsInstalled();
  const out = path.join(tempDir('bench'), 'activation.jsonl');
  fs.writeFileSync(out, '');
  const baselineExt = writeBaselineExtension(tempDir('bench-baseline'));
  const codes = await repeatInHost({
    vsix: baselineExt.vsix,
    testsPath: path.join(ROOT, 'scripts/lib/activationProbe.js'),
    runs: RUNS,
    workspace: path.join(ROOT, 'test/fixtures/workspace'),
    env: { DNS_BATCH_TASKS_BENCH_OUT: out, DNS_BATCH_TASKS_BENCH_EXTENSION_ID: `${pkg.publisher}.${pkg.name}`, DNS_BATCH_TASKS_BENCH_BASELINE_ID: baselineExt.id },
  });
  const samples = fs.readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const s of samples.filter((x) => x.error)) console.log(`[bench] activation probe: ${s.error}`);
  const valid = samples.filter((s) => !s.error && !s.wasActive);
  // BENCH_ACTIVATION_SAMPLES=FILE keeps every host's sample (times and phases), to see which hosts decided the median.
  if (process.env.BENCH_ACTIVATION_SAMPLES) fs.copyFileSync(out, process.env.BENCH_ACTIVATION_SAMPLES);
  if (!valid.length) throw new Error(`no valid activation sample (exit codes ${codes.join(', ')}; ${samples.length} samples, all pre-activated)`);
  const act = median(valid.map((s) => s.activationMs));
  const base = median(valid.map((s) => s.baselineMs));
  report('foundation.activation', round(act), 'ms', {
    target: '< 50',
    runs: valid.length,
    min: round(Math.min(...valid.map((s) => s.activationMs))),
    max: round(Math.max(...valid.map((s) => s.activationMs))),
    host: `code-server extension host, node ${valid[0].node}`,
    // median ms per phase (scripts/lib/activationProbe.js): the host's steps, module evaluation, the wait
    // for the ExtensionContext, then each feature's registration
    phases: medianPhases(valid, 'phases'),
  });
  report('foundation.activation.baseline', round(base, 3), 'ms', { what: 'ext.activate() of an empty extension, same host, same way', phases: medianPhases(valid, 'baselinePhases') });
  const ratios = valid.map((s) => s.activationMs / Math.max(s.baselineMs, 0.001));
  report('foundation.activation.ratio', round(median(ratios)), 'x', {
    target: '<= 1.5',
    what: `median of ${valid.length} per-host ratios (ours / empty extension in the same host)`,
    perHost: ratios.map((r) => round(r)).join(' '),
    ratioOfMedians: round(act / Math.max(base, 0.001)),
  });
  report('foundation.bundle', round(bundle / KB, 1), 'KB', { target: '< 300', file: 'dist/extension.js (production, minified)' });
  report('foundation.vsix', round(vsix / KB, 1), 'KB', { target: '< 500', file: path.relative(ROOT, VSIX) });
}

module.exports = { run, writeBaselineExtension };
