// Benchmark: the zone-file indexer (issue 7).
//   zone.baseline.readCount   ms to read the 1M-record zone and count its lines (byte loop), same process
//   zone.index                ms of indexZoneFile on it (median of 5), and the ratio to the baseline (target <= 5)
//   zone.index.peakRss        MB peak resident memory of a fresh process that only indexes (target < 300)
//   zone.firstLookup          ms of the first lookup (builds the name hash table and chains), and index + it
//   zone.worker               ms through ZoneIndexPool (worker: parse + lookup table; transfer; first lookup)
// The zone comes from ../shared/zones/gen-zone.js 1000000 when present, else from the project's own generator
// (generateZone below); it is written to .bench/ once and reused. Uses the compiled out/ (built if missing).
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out');
const RECORDS = 1_000_000;
const DIR = path.join(ROOT, '.bench');
const ZONE = path.join(DIR, `zone-${RECORDS}.zone`);
const RUNS = 5;

function ensureCompiled() {
  if (fs.existsSync(path.join(OUT, 'src/core/zone/worker.js'))) return;
  cp.execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', 'tsconfig.json', '--outDir', 'out', '--noEmitOnError', 'false'], { cwd: ROOT, stdio: 'ignore' });
}

function ensureZone() {
  if (fs.existsSync(ZONE)) return 'cached';
  fs.mkdirSync(DIR, { recursive: true });
  const shared = path.resolve(ROOT, '..', 'shared', 'zones', 'gen-zone.js');
  if (fs.existsSync(shared)) {
    cp.execFileSync(process.execPath, [shared, String(RECORDS), ZONE], { stdio: 'ignore' });
    return 'shared gen-zone.js';
  }
  generateZone(RECORDS, ZONE);
  return 'own generator';
}

/** The project's own deterministic zone of n records (zone nw.): the same mix of owners, types and layouts. */
function generateZone(n, file) {
  const fd = fs.openSync(file, 'w');
  let chunk = '$TTL 3600\n$ORIGIN nw.\n@ IN SOA ns1 hostmaster (\n\t1 ; serial\n\t7200 3600 1209600 300 )\n\tNS ns1\n';
  let s = 12345;
  const rnd = (k) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % k);
  for (let i = 1; i < n; i++) {
    const host = `test${100000 + i}`;
    switch (rnd(8)) {
      case 0: chunk += `${host} IN 600 TXT "note; with semicolon (and paren" "second"\n`; break;
      case 1: chunk += `${host}.nw. 300 MX 10 mx1.nw.\n`; break;
      case 2: chunk += `${host} AAAA 2001:db8::${i.toString(16)}\n`; break;
      case 3: chunk += `\t300 A 10.0.${(i >> 8) & 255}.${i & 255} ; blank owner\n`; break;
      case 4: chunk += `_sip._tcp.${host} SRV 10 60 5060 ${host}\n`; break;
      case 5: chunk += `${host.toUpperCase()} TXT ( "multi"\n\t"line" )\n`; break;
      default: chunk += `${host} 3600 IN A 10.0.${(i >> 8) & 255}.${i & 255}\n`;
    }
    if (i % 10000 === 0) {
      fs.writeSync(fd, chunk);
      chunk = i % 100000 === 0 ? `$ORIGIN nw.\n` : '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** The baseline: read the whole file and count its lines with a plain byte loop. */
function readAndCount(file) {
  const buf = fs.readFileSync(file);
  let lines = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
  return lines;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/**
 * Peak RSS of a fresh process doing one thing. VmHWM (Linux) resets at exec; getrusage's maxRSS would
 * report this big parent's peak, inherited across fork+exec.
 */
function peakRssMb(what) {
  const script = what === 'index'
    ? `require(${JSON.stringify(path.join(OUT, 'src/core/zone/index.js'))}).indexZoneFile(${JSON.stringify(ZONE)}, { origin: 'nw.', root: ${JSON.stringify(DIR)} }).then((i) => { if (!i.lookup('ns1.nw').length) process.exit(2); console.log(HWM()); })`
    : `const fs=require('fs');const b=fs.readFileSync(${JSON.stringify(ZONE)});let n=0;for(let i=0;i<b.length;i++)if(b[i]===10)n++;console.log(HWM())`;
  const hwm = "const HWM=()=>{try{return Number(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status','utf8'))[1]);}catch{return process.resourceUsage().maxRSS;}};";
  const out = cp.execFileSync(process.execPath, ['-e', hwm + script], { encoding: 'utf8' });
  return Math.round(Number(out.trim()) / 1024);
}

exports.run = async function run(report) {
  ensureCompiled();
  const source = ensureZone();
  const { indexZoneFile, ZoneIndexPool } = require(path.join(OUT, 'src/core/index.js'));
  const lines = readAndCount(ZONE); // warm the page cache

  const base = [];
  const idx = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    let t0 = process.hrtime.bigint();
    readAndCount(ZONE);
    base.push(ms(t0));
    t0 = process.hrtime.bigint();
    const index = await indexZoneFile(ZONE, { origin: 'nw.', root: DIR });
    idx.push(ms(t0));
    size = index.size;
  }
  // The name lookup table is built on the first lookup (in the worker, before the transfer): measured apart.
  const first = [];
  for (let i = 0; i < 3; i++) {
    const index = await indexZoneFile(ZONE, { origin: 'nw.', root: DIR });
    const t0 = process.hrtime.bigint();
    if (index.lookup('test100002.nw.').length !== 1) throw new Error('lookup failed');
    first.push(ms(t0));
  }
  const b = median(base);
  const x = median(idx);
  report('zone.baseline.readCount', b.toFixed(0), 'ms', { lines, source });
  report('zone.index', x.toFixed(0), 'ms', { target: '< 800', records: size });
  report('zone.index.vsBaseline', (x / b).toFixed(2), 'x', { target: '<= 5' });
  report('zone.firstLookup', median(first).toFixed(0), 'ms', { note: 'builds the name hash table + chains once' });
  report('zone.indexPlusFirstLookup', (x + median(first)).toFixed(0), 'ms', { target: '< 800', vsBaseline: ((x + median(first)) / b).toFixed(2) + 'x' });

  const pool = new ZoneIndexPool(path.join(OUT, 'src/core/zone/worker.js'));
  try {
    const w = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      const index = await pool.index(ZONE, { origin: 'nw.', root: DIR });
      index.lookup('ns1.nw.');
      w.push(ms(t0));
    }
    report('zone.worker', median(w).toFixed(0), 'ms', { note: 'index in the worker, transfer, first lookup' });
  } finally {
    pool.dispose();
  }

  const rssIndex = peakRssMb('index');
  const rssBase = peakRssMb('baseline');
  report('zone.index.peakRss', rssIndex, 'MB', { target: '< 300', baselinePeakRss: `${rssBase} MB`, ratio: (rssIndex / rssBase).toFixed(2) });
};

if (require.main === module) {
  exports.run((name, value, unit, extra) => console.log(name, value, unit, extra ?? '')).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
