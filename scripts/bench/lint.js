// Benchmark: the pre-flight check (issue 11).
//   lint.kzonecheck          ms of Knot's `kzonecheck -o nw. zone` on the 1M-record zone: the baseline, a C
//                            checker that parses every record fully and checks CNAME and other semantics
//   lint.zone                ms of index + lint (all rules, findings collected) of the same file in a fresh
//                            Node process, spawn to exit like kzonecheck; the median of each run's ratio to
//                            the kzonecheck run just before it (load on this shared machine skews both alike).
//                            Target <= 0.5x. cpuRatio: the same with CPU time (user + system) of both processes,
//                            steadier than wall time when other work shares the machine
//   lint.zone.inProcess      the same measured inside that process: index, then lint alone
//   lint.zone.cpu            ms of CPU time (user + system) of that process, beside kzonecheck's, and of its
//                            index and lint parts; with the load average before and after the runs (the
//                            machine may be shared: a ratio measured under load is indicative only)
//   lint.zone.peakRss        MB peak resident memory of that process (target < 400), beside kzonecheck's
//   lint.edit10k             ms to re-check a 10,000-record file after a one-line edit (index the edited text +
//                            lint), median of 30 edits, beside indexing that text alone: the pure part of
//                            edit-to-diagnostics; the editor adds its debounce and the worker hop. lintAlone is
//                            lintZone over the edited text's index (what the rules cost the worker per edit)
// kzonecheck comes from Debian's knot-dnssecutils, installed here when missing (apt-get, as root); when that
// cannot be done the comparison is skipped and said so. The zone is the one zone.js benchmarks (.bench/).
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const os = require('os');
const zoneBench = require('./zone');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out');
const RUNS = Number(process.env.BENCH_LINT_RUNS || 5);
const EDITS = 30;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Compiles src/ to out/ when any core source is newer than the compiled barrel (a stale out/ would lie). */
function ensureCompiled() {
  const barrel = path.join(OUT, 'src/core/lint/index.js');
  const built = fs.existsSync(barrel) ? fs.statSync(barrel).mtimeMs : 0;
  const newest = (dir) => fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? fs.statSync(p).mtimeMs : 0);
  }, 0);
  if (built >= newest(path.join(ROOT, 'src/core'))) return;
  cp.execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', 'tsconfig.json', '--outDir', 'out'], { cwd: ROOT, stdio: 'ignore' });
}

/** kzonecheck's path, installing knot-dnssecutils when missing and possible; { path } or { why }. */
function findKzonecheck() {
  const which = () => cp.spawnSync('sh', ['-c', 'command -v kzonecheck'], { encoding: 'utf8' }).stdout.trim();
  let found = which();
  if (found) return { path: found };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { why: 'kzonecheck is missing and installing knot-dnssecutils needs root' };
  console.log('[bench] installing knot-dnssecutils (kzonecheck) from Debian …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = cp.spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'knot-dnssecutils'], { encoding: 'utf8', env, timeout: 300_000 });
  if (r.status !== 0) {
    cp.spawnSync('apt-get', ['update'], { encoding: 'utf8', env, timeout: 300_000 });
    r = cp.spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'knot-dnssecutils'], { encoding: 'utf8', env, timeout: 300_000 });
  }
  found = which();
  return found ? { path: found } : { why: `apt-get install knot-dnssecutils failed: ${(r.stderr || r.error || '').toString().trim().split('\n').pop()}` };
}

/** Wall ms and peak RSS (KB, via GNU time when present) of kzonecheck on the zone. */
function runKzonecheck(kz, zone) {
  const gnuTime = fs.existsSync('/usr/bin/time');
  const args = gnuTime ? ['-f', 'MAXRSS %M CPU %U %S', kz, '-o', 'nw.', zone] : ['-o', 'nw.', zone];
  const t0 = process.hrtime.bigint();
  const r = cp.spawnSync(gnuTime ? '/usr/bin/time' : kz, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 300_000 });
  const wall = ms(t0);
  if (r.error) throw r.error;
  const rss = /MAXRSS (\d+)/.exec(r.stderr || '');
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr || '');
  return { wall, rssKb: rss ? Number(rss[1]) : undefined, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, status: r.status };
}

/** A fresh Node process that indexes and lints the zone; wall ms from spawn to exit, plus what it measured. */
function runLintProcess(zone, dir) {
  const script = `
const HWM = () => { try { return Number(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } };
const core = require(${JSON.stringify(path.join(OUT, 'src/core/index.js'))});
(async () => {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const index = await core.indexZoneFile(${JSON.stringify(zone)}, { origin: 'nw.', root: ${JSON.stringify(dir)} });
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  const result = core.lintZone(index);
  const t2 = process.hrtime.bigint();
  const c2 = process.cpuUsage(c0);
  const byRule = {};
  for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] || 0) + 1;
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ indexMs: Number(t1 - t0) / 1e6, lintMs: Number(t2 - t1) / 1e6,
    indexCpuMs: (c1.user + c1.system) / 1000, lintCpuMs: (c2.user + c2.system - c1.user - c1.system) / 1000, rssKb: HWM(), cpuMs: (cpu.user + cpu.system) / 1000, findings: result.findings.length, recordSets: result.recordSets, byRule }));
})();`;
  const t0 = process.hrtime.bigint();
  const r = cp.spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 300_000 });
  const wall = ms(t0);
  if (r.status !== 0) throw new Error(`lint process failed (${r.status}): ${r.stderr}`);
  return { wall, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
}

/** Re-check after a one-line edit of a 10,000-record file: index the edited text and lint it, vs index alone. */
async function editToDiagnostics(report) {
  const core = require(path.join(OUT, 'src/core/index.js'));
  const dir = path.join(zoneBench.DIR, 'edit');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'zone-10000.zone');
  const shared = path.resolve(ROOT, '..', 'shared', 'zones', 'gen-zone.js');
  if (!fs.existsSync(file)) {
    if (fs.existsSync(shared)) cp.execFileSync(process.execPath, [shared, '10000', file], { stdio: 'ignore' });
    else zoneBench.generateZone(10000, file);
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const edited = (k) => {
    // A typing-sized change on a record line in the middle: one character added to a name.
    const copy = lines.slice();
    const at = Math.floor(lines.length / 2) + k * 7;
    copy[at] = copy[at].replace(/^(\S+)/, `$1${String.fromCharCode(97 + (k % 26))}`);
    return copy.join('\n');
  };
  const check = [];
  const indexOnly = [];
  const lintOnly = [];
  let findings = 0;
  for (let k = 0; k < EDITS; k++) {
    const text = edited(k);
    let t0 = process.hrtime.bigint();
    const index = await core.indexZoneFile(file, { origin: 'nw.', root: dir, text });
    indexOnly.push(ms(t0));
    t0 = process.hrtime.bigint();
    core.lintZone(index);
    lintOnly.push(ms(t0));
    t0 = process.hrtime.bigint();
    findings = (await core.lintZoneFile(file, { origin: 'nw.', root: dir, text })).findings.length;
    check.push(ms(t0));
  }
  const sorted = [...check].sort((a, b) => a - b);
  report('lint.edit10k', median(check).toFixed(1), 'ms', {
    target: '< 100', p90: sorted[Math.floor(sorted.length * 0.9)].toFixed(1), indexAlone: `${median(indexOnly).toFixed(1)} ms`,
    vsIndexAlone: `${(median(check) / median(indexOnly)).toFixed(2)}x`, lintAlone: `${median(lintOnly).toFixed(1)} ms`,
    lintVsIndex: `${median(lintOnly.map((v, i) => v / indexOnly[i])).toFixed(2)}x`, findings, note: 'index edited text + lint; the editor adds debounce and the worker hop',
  });
}

exports.run = async function run(report) {
  ensureCompiled();
  const source = zoneBench.ensureZone();
  const zone = zoneBench.ZONE;
  const kz = findKzonecheck();
  if (!kz.path) console.log(`[bench] lint: no kzonecheck comparison: ${kz.why}`);
  const lint = [];
  const knot = [];
  const loadBefore = os.loadavg()[0];
  for (let i = 0; i < RUNS; i++) {
    if (kz.path) knot.push(runKzonecheck(kz.path, zone));
    lint.push(runLintProcess(zone, zoneBench.DIR));
  }
  const loadAfter = os.loadavg()[0];
  const last = lint[lint.length - 1];
  if (kz.path) {
    const k = median(knot.map((r) => r.wall));
    report('lint.kzonecheck', k.toFixed(0), 'ms', { runs: knot.map((r) => r.wall.toFixed(0)).join('/'), exit: knot[0].status, file: path.basename(zone), source });
  } else {
    report('lint.kzonecheck', 'skipped', '', { why: kz.why });
  }
  const wall = median(lint.map((r) => r.wall));
  const extra = { runs: lint.map((r) => r.wall.toFixed(0)).join('/'), findings: last.findings, recordSets: last.recordSets, byRule: last.byRule };
  if (kz.path) {
    const ratio = median(lint.map((r, i) => r.wall / knot[i].wall));
    report('lint.zone', wall.toFixed(0), 'ms', { ...extra, note: 'index + lint, fresh process, spawn to exit' });
    // CPU time (user + system, every thread) moves less than wall time when other work shares the machine.
    const cpuRatio = knot.every((r) => r.cpuMs > 0) ? median(lint.map((r, i) => r.cpuMs / knot[i].cpuMs)).toFixed(2) + 'x' : 'n/a';
    report('lint.zone.vsKzonecheck', ratio.toFixed(2), 'x', { target: '<= 0.5', ratioOfMedians: (wall / median(knot.map((r) => r.wall))).toFixed(2), cpuRatio });
  } else {
    report('lint.zone', wall.toFixed(0), 'ms', { ...extra, note: 'no kzonecheck to compare with' });
  }
  report('lint.zone.inProcess', median(lint.map((r) => r.indexMs + r.lintMs)).toFixed(0), 'ms', {
    index: `${median(lint.map((r) => r.indexMs)).toFixed(0)} ms`, lint: `${median(lint.map((r) => r.lintMs)).toFixed(0)} ms`,
    lintVsIndex: `${median(lint.map((r) => r.lintMs / r.indexMs)).toFixed(2)}x`,
  });
  report('lint.zone.cpu', median(lint.map((r) => r.cpuMs)).toFixed(0), 'ms', {
    kzonecheck: knot.length && knot[0].cpuMs !== undefined ? `${median(knot.map((r) => r.cpuMs)).toFixed(0)} ms` : 'n/a',
    index: `${median(lint.map((r) => r.indexCpuMs)).toFixed(0)} ms`, lint: `${median(lint.map((r) => r.lintCpuMs)).toFixed(0)} ms`,
    loadAverage: `${loadBefore.toFixed(1)} -> ${loadAfter.toFixed(1)} on ${os.cpus().length} cores`,
  });
  const rss = Math.round(median(lint.map((r) => r.rssKb)) / 1024);
  const knotRss = knot.length && knot[0].rssKb ? `${Math.round(median(knot.map((r) => r.rssKb)) / 1024)} MB` : 'n/a';
  report('lint.zone.peakRss', rss, 'MB', { target: '< 400', kzonecheck: knotRss });
  await editToDiagnostics(report);
};

if (require.main === module) {
  exports.run((name, value, unit, extra) => console.log(name, value, unit, extra ?? '')).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
