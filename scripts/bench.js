#!/usr/bin/env node
// `npm run bench`: runs every scripts/bench/*.js module in name order. Each exports
// `async run(report)` and calls `report(name, value, unit, extra?)`; `extra.target` (e.g. '< 50', '>= 3')
// is checked and shown. Prints one table at the end. A module that throws is reported and makes the bench
// exit non-zero after the others ran; a missed target is shown, not fatal (figures are not tests).
//   node scripts/bench.js [NAME…]   only the named modules (e.g. foundation client)
'use strict';

/** Figures as a person reads them: at most two decimals (performance.now() differences carry float noise). */
const show = (v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(2)) : v);
const fs = require('node:fs');
const path = require('node:path');
const { installHandlers, cleanupAll, shutdown } = require('./lib/procs');

const DIR = path.join(__dirname, 'bench');

/** '< 50' | '<= 200' | '>= 3' | '> 1' → predicate; undefined when not a comparison. */
function parseTarget(target) {
  const m = /^\s*(<=|>=|<|>)\s*([\d.]+)/.exec(String(target ?? ''));
  if (!m) return undefined;
  const n = Number(m[2]);
  return { '<': (v) => v < n, '<=': (v) => v <= n, '>': (v) => v > n, '>=': (v) => v >= n }[m[1]];
}

async function main() {
  installHandlers();
  const only = process.argv.slice(2);
  const modules = fs.readdirSync(DIR).filter((f) => f.endsWith('.js')).sort().filter((f) => !only.length || only.includes(path.basename(f, '.js')));
  const rows = [];
  const errors = [];
  for (const file of modules) {
    const name = path.basename(file, '.js');
    const t0 = Date.now();
    console.log(`[bench] ${name} …`);
    try {
      const mod = require(path.join(DIR, file));
      if (typeof mod.run !== 'function') throw new Error('exports no run(report)');
      await mod.run((figure, value, unit, extra = {}) => {
        rows.push({ module: name, figure, value, unit, extra });
        console.log(`[bench]   ${figure} = ${show(value)} ${unit}`);
      });
      console.log(`[bench] ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      errors.push({ name, error: e });
      console.log(`[bench] ${name} FAILED: ${e && e.stack ? e.stack : e}`);
    }
    await cleanupAll(); // each module's servers and temp folders, before the next one measures
  }

  const cells = rows.map((r) => {
    const { target, ...rest } = r.extra;
    const check = parseTarget(target);
    const verdict = target === undefined ? '' : check ? (check(Number(r.value)) ? 'ok' : 'MISSED') : '';
    const notes = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(' ');
    return [r.figure, `${show(r.value)} ${r.unit}`, target === undefined ? '' : `${target} ${r.unit}`, verdict, notes];
  });
  const head = ['figure', 'value', 'target', '', 'notes'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]))).join('  ');
  console.log('');
  console.log(line(head));
  console.log(line(widths.map((w, i) => (i === widths.length - 1 ? '-----' : '-'.repeat(w)))));
  for (const c of cells) console.log(line(c));
  const missed = cells.filter((c) => c[3] === 'MISSED').length;
  console.log('');
  console.log(`[bench] ${rows.length} figures from ${modules.length - errors.length}/${modules.length} modules; ${missed} target(s) missed${errors.length ? `; FAILED: ${errors.map((e) => e.name).join(', ')}` : ''}`);
  return errors.length ? 1 : 0;
}

main().then(
  (code) => shutdown(code),
  (e) => {
    console.error('[bench] fatal:', e);
    return shutdown(1);
  },
);
