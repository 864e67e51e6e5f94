// Benchmark: Compare with Live Zone (issue 13) on a zone of 100,000 record sets.
//   compare.fetch.ms            listRecordSets of the whole zone from the fake gateway on loopback, no added
//                               latency (201 signed pages of 500): the baseline
//   compare.diff.ms             diffZone of the file's sets (indexed, recordSetsOfZone) against those live sets
//   compare.diff.ratio          diff / fetch, median of per-run paired ratios (target <= 0.1)
//   compare.render.ms           both sides rendered as zone-file text for the diff editor
//   compare.fileSets.ms         index the zone file + recordSetsOfZone (for scale; not part of the ratio)
// The file is generatedZone()'s text, which spells every value differently from the live side (upper-case IPv6,
// blanks between TXT strings, zero-padded MX preferences, relative targets): the diff must still find all
// 100,000 sets in sync, and the bench fails if it does not. Requires the compiled tests (out/); built when missing.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const cp = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out');
const SETS = 100_000;
const RUNS = 5;

function ensureCompiled() {
  const need = ['src/core/index.js', 'test/support/fakeGateway/index.js'];
  if (need.every((f) => fs.existsSync(path.join(OUT, f)))) return;
  cp.execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', 'tsconfig.json', '--outDir', 'out', '--noEmitOnError', 'false'], { cwd: ROOT, stdio: 'ignore' });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function run(report) {
  ensureCompiled();
  const core = require(path.join(OUT, 'src/core/index.js'));
  const gwLib = require(path.join(OUT, 'test/support/fakeGateway/index.js'));
  const { zone, text } = gwLib.generatedZone(SETS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-compare-'));
  const file = path.join(dir, 'big.example.zone');
  fs.writeFileSync(file, text);
  const gateway = await gwLib.startFakeGateway({ zones: [zone] });
  const client = core.createDnsClient({ endpoint: gateway.url, credentials: gwLib.SANDBOX_CREDENTIALS });
  try {
    let t = now();
    const index = await core.indexZoneFile(file, { origin: zone.name, root: dir });
    const fileSets = core.recordSetsOfZone(index);
    report('compare.fileSets.ms', now() - t, 'ms', { sets: fileSets.length });
    if (fileSets.length !== SETS) throw new Error(`recordSetsOfZone gave ${fileSets.length} sets, expected ${SETS}`);

    const fetches = [];
    const diffs = [];
    const ratios = [];
    let live;
    for (let i = 0; i < RUNS; i++) {
      t = now();
      live = await client.listRecordSets(zone.id);
      const fetchMs = now() - t;
      t = now();
      const diff = core.diffZone(fileSets, live, { apex: zone.name });
      const diffMs = now() - t;
      if (diff.same.length !== SETS || diff.differs.length || diff.onlyInFile.length || diff.onlyLive.length) {
        throw new Error(`diff is wrong: ${diff.same.length} same, ${diff.differs.length} differ, ${diff.onlyInFile.length} only in file, ${diff.onlyLive.length} only live`);
      }
      fetches.push(fetchMs);
      diffs.push(diffMs);
      ratios.push(diffMs / fetchMs);
    }
    report('compare.fetch.ms', median(fetches), 'ms', { runs: RUNS, pages: Math.ceil(live.length / 500) });
    report('compare.diff.ms', median(diffs), 'ms', { runs: RUNS });
    report('compare.diff.ratio', median(ratios), 'x fetch', { target: '<= 0.1', ratioOfMedians: Number((median(diffs) / median(fetches)).toFixed(3)) });
    t = now();
    const liveText = core.renderZoneText(live.filter((s) => !core.isSystemLiveSet(s, zone.name)), zone.name);
    const fileText = core.renderZoneText(fileSets, zone.name);
    report('compare.render.ms', now() - t, 'ms', { identical: liveText === fileText });
  } finally {
    await client.close();
    await gateway.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
