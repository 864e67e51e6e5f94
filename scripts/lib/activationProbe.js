// Runs INSIDE the extension host as extensionTestsPath (see scripts/bench/foundation.js): measures, in one
// fresh host, a baseline (an empty extension installed beside ours, activated the same way) and the extension's own
// first activation through the real host (`ext.activate()`: module load, the host's bookkeeping, activate()).
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

/**
 * Where one activation's time went, ms between consecutive marks (in time order), from `t0` (ext.activate()
 * called) to `t1` (its promise resolved). The host marks its own steps (`code/extHost/…/<id>`): between
 * didLoadExtensionCode and willActivateExtension it waits for the ExtensionContext (globalState and
 * workspaceState ask the workbench for their storage; the request leaves only once `main` is evaluated, which is
 * why `main` is the small dist/entry.js: it evaluates the bundle and prepare() while that request travels).
 * src/extension.ts adds its own marks (an array, not performance.mark): evaluating (first statement of the bundle), loaded (end of
 * evaluation), prepared (the settings read before the context), then one per feature registered.
 */
function phasesOf(id, t0, t1, ownMarks = []) {
  const host = { willLoadExtensionCode: 'host', didLoadExtensionCode: 'returned', willActivateExtension: 'context', didActivateExtension: 'activated' };
  const marks = [];
  // In Node the host keeps its marks itself (vs/base/common/performance), in epoch ms (Date.now()).
  const hostMarks = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];
  for (const [step, phase] of Object.entries(host)) {
    const e = hostMarks.filter((m) => m.name === `code/extHost/${step}/${id}`).pop();
    const at = e && e.startTime - performance.timeOrigin;
    if (at !== undefined && at >= t0 - 1) marks.push({ phase, at: Math.max(at, t0) });
  }
  // Ours: [name, performance.now()] pairs in one global array (src/extension.ts says why not performance.mark).
  const own = globalThis[Symbol.for('huaweiDns.activationMarks')] ?? [];
  for (const name of ownMarks) {
    const e = own.filter(([n]) => n === name).pop();
    if (e && e[1] >= t0) marks.push({ phase: name, at: e[1] });
  }
  marks.sort((a, b) => a.at - b.at);
  const phases = {};
  let previous = t0;
  for (const m of marks) {
    phases[m.phase] = Number((m.at - previous).toFixed(2));
    previous = m.at;
  }
  phases.rest = Number((t1 - previous).toFixed(2));
  return phases;
}

/**
 * DNS_BATCH_TASKS_BENCH_CPU_PROFILE=DIR: a CPU profile of our activation (this host's V8 profiler, through
 * node:inspector), one .cpuprofile per host in DIR, to see which module or call the time goes to. It slows
 * what it measures: figures from a profiled run are not the benchmark's.
 */
async function startProfiler() {
  const inspector = require('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return {
    async stopInto(dir) {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(require('node:path').join(dir, `activation-${process.pid}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

exports.run = async function run() {
  const vscode = require('vscode');
  const id = process.env.DNS_BATCH_TASKS_BENCH_EXTENSION_ID;
  const out = process.env.DNS_BATCH_TASKS_BENCH_OUT;
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`extension ${id} not found in the host`);

  // Baseline: an empty extension (scripts/bench/foundation.js writes it) activated through the same host,
  // first, so the host's own cost of activating anything is measured the same way as ours.
  const baseline = vscode.extensions.getExtension(process.env.DNS_BATCH_TASKS_BENCH_BASELINE_ID);
  if (!baseline) {
    const dev = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    fs.appendFileSync(out, JSON.stringify({ error: `baseline extension not found; extensions: ${dev.join(', ')}` }) + '\n');
    throw new Error('baseline extension not found in the host');
  }
  const b0 = performance.now();
  await baseline.activate();
  const b1 = performance.now();
  const baselineMs = b1 - b0;

  const wasActive = ext.isActive; // true would mean something activated it first: the run is discarded
  const profiler = process.env.DNS_BATCH_TASKS_BENCH_CPU_PROFILE ? await startProfiler() : undefined;
  const t0 = performance.now();
  await ext.activate();
  const t1 = performance.now();
  if (profiler) await profiler.stopInto(process.env.DNS_BATCH_TASKS_BENCH_CPU_PROFILE);
  const activationMs = t1 - t0;
  const phases = phasesOf(id, t0, t1, ['evaluating', 'loaded', 'prepared', 'activate', 'platform', 'auth', 'zones', 'lint', 'panels', 'retry', 'tasks', 'compare']);
  const baselinePhases = phasesOf(baseline.id, b0, b1);
  fs.appendFileSync(out, JSON.stringify({ baselineMs, activationMs, wasActive, phases, baselinePhases, node: process.version }) + '\n');
};
