// Benchmark: the zone-file indexer (issue 7).
//   zone.baseline.readCount   ms to read the 1M-record zone and count its lines (byte loop), same process
//   zone.index                ms of indexZoneFile on it (median of 5; the name hash table and the record chains
//                             are built while parsing, so this includes them), and its ratio to the baseline
//   zone.tableBuild           ms of the first lookup: whatever lookup work is still deferred after indexing
//   zone.indexPlusFirstLookup ms of index + first lookup (the honest figure: one indexes to look up), and its
//                             ratio to the baseline (target <= 5): the median of each run's ratio to the
//                             baseline measured just before it, so load from other processes on this shared
//                             machine skews both alike; the ratio of the two medians is shown beside it
//   zone.truth                mismatches against gen-zone's truth.tsv: every record (name, type, line) in order,
//                             and a lookup of every 97th name as users write it (upper case, no trailing dot)
//   zone.worker               ms through ZoneIndexPool (worker: parse; transfer; first lookup)
//   zone.index.peakRss        MB peak resident memory of a fresh process that indexes and looks up (target < 300)
// The zone comes from ../shared/zones/gen-zone.js 1000000 (with its truth.tsv) when present, else from the
// project's own generator (generateZone below, no truth check); it is written to .bench/ once and reused.
// Uses the compiled out/ (built if missing).
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out');
const RECORDS = 1_000_000;
const DIR = path.join(ROOT, '.bench');
const ZONE = path.join(DIR, `zone-${RECORDS}.zone`);
const TRUTH = path.join(DIR, `truth-${RECORDS}.tsv`);
const RUNS = 7;

function ensureCompiled() {
  if (fs.existsSync(path.join(OUT, 'src/core/zone/worker.js'))) return;
  cp.execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', 'tsconfig.json', '--outDir', 'out', '--noEmitOnError', 'false'], { cwd: ROOT, stdio: 'ignore' });
}

function ensureZone() {
  const shared = path.resolve(ROOT, '..', 'shared', 'zones', 'gen-zone.js');
  if (fs.existsSync(ZONE) && (fs.existsSync(TRUTH) || !fs.existsSync(shared))) return 'cached';
  fs.mkdirSync(DIR, { recursive: true });
  if (fs.existsSync(shared)) {
    cp.execFileSync(process.execPath, [shared, String(RECORDS), ZONE, TRUTH], { stdio: 'ignore' });
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

/** Mismatches of the index against truth.tsv ("owner TAB TYPE TAB line" per record, in file order). */
function checkTruth(index) {
  const rows = fs.readFileSync(TRUTH, 'latin1').split('\n').filter(Boolean);
  let bad = 0;
  let k = 0;
  for (const r of index.records()) {
    const row = rows[k++];
    if (row !== `${r.name}\t${r.type}\t${r.line}`) bad++;
  }
  bad += Math.abs(rows.length - k);
  for (let i = 0; i < rows.length; i += 97) {
    const [name, type, line] = rows[i].split('\t');
    const asTyped = name.toUpperCase().replace(/\.$/, '');
    if (!index.lookup(asTyped).some((r) => r.type === type && r.line === Number(line))) bad++;
  }
  return { bad, checked: rows.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/**
 * Peak RSS of a fresh process doing one thing. VmHWM (Linux) resets at exec; getrusage's maxRSS would
 * report this big parent's peak, inherited across fork+exec.
 */
function peakRssMb(what) {
  const script = what === 'index'
    ? `require(${JSON.stringify(path.join(OUT, 'src/core/zone/index.js'))}).indexZoneFile(${JSON.stringify(ZONE)}, { origin: 'nw.', root: ${JSON.stringify(DIR)} }).then((i) => { if (!i.lookup('nw.').length) process.exit(2); console.log(HWM()); })`
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

  // Each run: the baseline, then index, then the first lookup, so both see the same machine load.
  const base = [];
  const idx = [];
  const first = [];
  const total = [];
  let size = 0;
  let last;
  for (let i = 0; i < RUNS; i++) {
    let t0 = process.hrtime.bigint();
    readAndCount(ZONE);
    base.push(ms(t0));
    last = undefined; // let the previous index go before measuring the next one
    t0 = process.hrtime.bigint();
    const index = await indexZoneFile(ZONE, { origin: 'nw.', root: DIR });
    idx.push(ms(t0));
    const t1 = process.hrtime.bigint();
    if (index.lookup('nw.').length === 0) throw new Error('lookup failed');
    first.push(ms(t1));
    total.push(ms(t0));
    size = index.size;
    last = index;
  }
  const b = median(base);
  const x = median(idx);
  const f = median(first);
  const t = median(total);
  report('zone.baseline.readCount', b.toFixed(0), 'ms', { lines, source, runs: base.map((v) => v.toFixed(0)).join('/') });
  const paired = (xs) => median(xs.map((v, i) => v / base[i])).toFixed(2);
  report('zone.index', x.toFixed(0), 'ms', { target: '< 800', records: size, vsBaseline: paired(idx) + 'x', note: 'includes the name table' });
  report('zone.tableBuild', f.toFixed(1), 'ms', { vsBaseline: paired(first) + 'x', note: 'first lookup: table and chains already built while parsing' });
  report('zone.indexPlusFirstLookup', t.toFixed(0), 'ms', { target: '< 800', runs: total.map((v) => v.toFixed(0)).join('/') });
  report('zone.indexPlusFirstLookup.vsBaseline', paired(total), 'x', { target: '<= 5', ratioOfMedians: (t / b).toFixed(2) });
  if (fs.existsSync(TRUTH)) {
    const { bad, checked } = checkTruth(last);
    report('zone.truth.mismatches', bad, '', { target: '<= 0', records: checked });
    if (bad > 0) throw new Error(`zone index disagrees with ${TRUTH} on ${bad} records`);
  }
  last = undefined;

  const pool = new ZoneIndexPool(path.join(OUT, 'src/core/zone/worker.js'));
  try {
    const w = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      const index = await pool.index(ZONE, { origin: 'nw.', root: DIR });
      if (index.lookup('nw.').length === 0) throw new Error('lookup failed');
      w.push(ms(t0));
    }
    report('zone.worker', median(w).toFixed(0), 'ms', { note: 'index in the worker, transfer, first lookup', vsBaseline: (median(w) / b).toFixed(2) + 'x' });
  } finally {
    pool.dispose();
  }

  const rssIndex = peakRssMb('index');
  const rssBase = peakRssMb('baseline');
  report('zone.index.peakRss', rssIndex, 'MB', { target: '< 300', baselinePeakRss: `${rssBase} MB`, ratio: (rssIndex / rssBase).toFixed(2) });
};

// The lint benchmark checks the same file.
Object.assign(exports, { ensureZone, generateZone, ZONE, DIR });

if (require.main === module) {
  exports.run((name, value, unit, extra) => console.log(name, value, unit, extra ?? '')).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

// The retry bench plans against the same zone.
exports.ensureZone = () => {
  ensureCompiled();
  return { source: ensureZone(), file: ZONE, root: DIR, origin: 'nw.' };
};
