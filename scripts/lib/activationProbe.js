// Runs INSIDE the extension host as extensionTestsPath (see scripts/bench/foundation.js): measures, in one
// fresh host, a baseline (an empty extension installed beside ours, activated the same way) and the extension's own
// first activation through the real host (`ext.activate()`: module load, the host's bookkeeping, activate()).
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

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
  const baselineMs = performance.now() - b0;

  const wasActive = ext.isActive; // true would mean something activated it first: the run is discarded
  const t0 = performance.now();
  await ext.activate();
  const activationMs = performance.now() - t0;
  // Where the time went, from the marks src/extension.ts sets: host bookkeeping + module load before
  // 'loaded', then each feature's registration.
  const phases = {};
  let previous = t0;
  for (const name of ['evaluating', 'loaded', 'activate', 'platform', 'auth', 'zones', 'panels', 'tasks']) {
    const entry = performance.getEntriesByName(`huaweiDns.${name}`).pop();
    if (!entry) continue;
    phases[name] = Number((entry.startTime - previous).toFixed(2));
    previous = entry.startTime;
  }
  phases.rest = Number((t0 + activationMs - previous).toFixed(2));
  fs.appendFileSync(out, JSON.stringify({ baselineMs, activationMs, wasActive, phases, node: process.version }) + '\n');
};
