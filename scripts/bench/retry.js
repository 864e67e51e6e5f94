// Benchmark: the retry plan (issue 12).
//   retry.index   ms of indexZoneFile on the 1,000,000-record zone (the zone bench's file), median of the runs
//   retry.plan    ms of planRetry for 10,000 failed items of that zone (every 70th owner; retryable and
//                 "type" messages mixed, so lint runs over every set they reach), and its ratio to indexing
//                 the zone (target <= 0.2): the median of each run's ratio to the index measured just before
//                 it, so load from other processes skews both alike
// Uses the compiled out/ (built if missing).
'use strict';
const path = require('path');
const zoneBench = require('./zone');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out');
const ITEMS = 10_000;
const RUNS = 5;
const MESSAGES = [
  'Insufficient record set quota.',
  'System busy, please try again later.',
  "Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'.",
  'Invalid record value.(name: x, type: TXT)',
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

exports.run = async function run(report) {
  const zone = zoneBench.ensureZone();
  const { indexZoneFile, planRetry } = require(path.join(OUT, 'src/core/index.js'));
  const first = await indexZoneFile(zone.file, { origin: zone.origin, root: zone.root });
  const owners = [];
  const seen = new Set();
  for (const r of first.records()) {
    if (seen.has(r.name)) continue;
    seen.add(r.name);
    if (seen.size % 70 === 0) owners.push(r.name);
    if (owners.length === ITEMS) break;
  }
  const items = owners.map((name, i) => ({ item: name, errorMessage: MESSAGES[i % MESSAGES.length] }));
  const idx = [];
  const plan = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    let t0 = process.hrtime.bigint();
    const index = await indexZoneFile(zone.file, { origin: zone.origin, root: zone.root });
    idx.push(ms(t0));
    t0 = process.hrtime.bigint();
    result = planRetry({ items, zones: [index] });
    plan.push(ms(t0));
  }
  const ratio = median(plan.map((p, i) => p / idx[i]));
  report('retry.index', median(idx).toFixed(0), 'ms', { records: first.size, source: zone.source, runs: idx.map((v) => v.toFixed(0)).join('/') });
  report('retry.plan', median(plan).toFixed(0), 'ms', { items: items.length, sets: result.recordsets.length, skipped: result.skipped.length, runs: plan.map((v) => v.toFixed(0)).join('/') });
  report('retry.plan.vsIndex', ratio.toFixed(3), 'x', { target: '<= 0.2', ratioOfMedians: (median(plan) / median(idx)).toFixed(3) });
};
