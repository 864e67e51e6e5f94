// Runs INSIDE the extension host as extensionTestsPath (see scripts/bench/foundation.js): measures, in one
// fresh host, a baseline (require + activate() of an empty module written just now) and the extension's own
// first activation through the real host (`ext.activate()`: module load, the host's bookkeeping, activate()).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

exports.run = async function run() {
  const vscode = require('vscode');
  const id = process.env.DNS_BATCH_TASKS_BENCH_EXTENSION_ID;
  const out = process.env.DNS_BATCH_TASKS_BENCH_OUT;
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`extension ${id} not found in the host`);

  // Baseline: the cheapest possible "extension": load a module and call its activate().
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-baseline-'));
  const file = path.join(dir, 'empty-extension.js');
  fs.writeFileSync(file, 'exports.activate = function (context) { return {}; };\n');
  const b0 = performance.now();
  require(file).activate({ subscriptions: [] });
  const baselineMs = performance.now() - b0;
  fs.rmSync(dir, { recursive: true, force: true });

  const wasActive = ext.isActive; // true would mean something activated it first: the run is discarded
  const t0 = performance.now();
  await ext.activate();
  const activationMs = performance.now() - t0;
  // Where the time went, from the marks src/extension.ts sets: host bookkeeping + module load before
  // 'loaded', then each feature's registration.
  const phases = {};
  let previous = t0;
  for (const name of ['evaluating', 'loaded', 'activate', 'platform', 'auth', 'tasks', 'panels', 'zones']) {
    const entry = performance.getEntriesByName(`huaweiDns.${name}`).pop();
    if (!entry) continue;
    phases[name] = Number((entry.startTime - previous).toFixed(2));
    previous = entry.startTime;
  }
  phases.rest = Number((t0 + activationMs - previous).toFixed(2));
  fs.appendFileSync(out, JSON.stringify({ baselineMs, activationMs, wasActive, phases, node: process.version }) + '\n');
};
