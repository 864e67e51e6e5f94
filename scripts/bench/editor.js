// Benchmark: the editor's check while typing (issue 11, section 5). A 10,000-record zone file is edited one
// line at a time; each edit is checked the way the extension does it (the text posted to the zone worker,
// the pre-flight rules run there, the findings posted back).
//   editor.baseline.index       ms: the same text indexed through the worker (what the outline does per edit)
//   editor.lintRoundTrip        ms: edit -> findings back on the host (median), and its ratio to the baseline
//   editor.hostBusy             ms of the extension host's own thread per re-check (event-loop active time:
//                               posting the text, receiving the findings): what typing can feel
//   editor.editToDiagnostics    ms: the typing pause (TYPING_DEBOUNCE_MS) + the round trip: when Problems update;
//                               afterPause is the same without the pause (what the machine adds to the wait)
// Uses the compiled out/ (built if missing).
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const { performance } = require('perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out');
const RECORDS = 10_000;
const RUNS = 15;
/** src/lint/diagnostics.ts TYPING_DEBOUNCE_MS (that module needs vscode, so it is not loaded here). */
const TYPING_DEBOUNCE_MS = 300;

function ensureCompiled() {
  if (fs.existsSync(path.join(OUT, 'src/core/zone/worker.js'))) return;
  cp.execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', 'tsconfig.json', '--outDir', 'out', '--noEmitOnError', 'false'], { cwd: ROOT, stdio: 'ignore' });
}

/** A 10,000-record zone with the usual mix and a finding every few hundred records, as lines. */
function zoneLines() {
  const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ IN SOA ns1 hostmaster ( 1 7200 3600 1209600 300 )', '\tIN NS ns1', 'ns1 IN A 192.0.2.1'];
  for (let i = 1; lines.length < RECORDS + 2; i++) {
    const h = `host${i}`;
    switch (i % 10) {
      case 0: lines.push(`${h} IN TXT "v=spf1 include:_spf.example.net -all"`); break;
      case 1: lines.push(`${h} 300 IN AAAA 2001:db8::${i.toString(16)}`); break;
      case 2: lines.push(`${h} IN MX 10 mail${i}`); break;
      case 3: lines.push(`_sip._tcp.${h} IN SRV 10 60 5060 ${h}`); break;
      case 4: lines.push(`www.${h} IN CNAME ${h}`); break;
      default: lines.push(`${h} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    }
    if (i % 400 === 0) lines.push(`${h} IN HINFO "x" "y"`);
  }
  return lines;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

exports.run = async (report) => {
  ensureCompiled();
  const { ZoneIndexPool } = require(path.join(OUT, 'src/core/zone/pool.js'));
  const pool = new ZoneIndexPool(path.join(OUT, 'src/core/zone/worker.js'));
  const lines = zoneLines();
  const file = path.join(ROOT, '.bench', 'editor-10k.zone');
  const options = (text) => ({ origin: 'example.com.', root: path.dirname(file), text });
  try {
    // Warm the worker and both code paths.
    for (let i = 0; i < 3; i++) {
      await pool.index(file, options(lines.join('\n')));
      await pool.lint(file, options(lines.join('\n')), { minTtl: 1 });
    }
    const index = [];
    const lint = [];
    const busy = [];
    let findings = 0;
    for (let run = 0; run < RUNS; run++) {
      // One keystroke's worth of change on a line in the middle: a new TTL.
      const at = 100 + ((run * 617) % (lines.length - 200));
      lines[at] = lines[at].replace(/^(\S+)( \d+)? IN /, `$1 ${60 + run} IN `);
      const text = lines.join('\n');
      let t0 = performance.now();
      await pool.index(file, options(text));
      index.push(performance.now() - t0);
      const elu0 = performance.eventLoopUtilization();
      t0 = performance.now();
      const result = await pool.lint(file, options(text), { minTtl: 1 });
      lint.push(performance.now() - t0);
      busy.push(performance.eventLoopUtilization(elu0).active);
      findings = result.findings.length;
    }
    const base = median(index);
    const trip = median(lint);
    report('editor.baseline.index', base, 'ms', { records: RECORDS, runs: RUNS });
    report('editor.lintRoundTrip', trip, 'ms', { ratio: Number((trip / base).toFixed(2)), findings });
    report('editor.hostBusy', median(busy), 'ms', { target: '< 16' });
    report('editor.editToDiagnostics', TYPING_DEBOUNCE_MS + trip, 'ms', { debounce: TYPING_DEBOUNCE_MS, afterPause: `${trip.toFixed(1)} ms`, target: '< 500' });
  } finally {
    pool.dispose();
  }
};
