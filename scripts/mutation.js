#!/usr/bin/env node
// `npm run test:mutation`: Stryker over the pure core (stryker.config.mjs), then the score per file against
// the targets of issue #15. Reports: reports/mutation/mutation.json (Stryker's schema) and mutation.html.
//   node scripts/mutation.js [FILE…] [--incremental] [--concurrency N] [--grep RE]
//     FILE…          mutate only these core files (default: every .ts under src/core/ but types and barrel)
//     --incremental  re-test only mutants whose code or covering tests changed since the last run of the same
//                    file set (Stryker's incremental mode; state in reports/mutation/incremental/)
//     --report       run nothing: print the scores of reports/mutation/mutation.json as it stands
//     --fresh        forget the results of earlier runs instead of merging into them
//     --grep RE      only tests whose full title matches RE, e.g. '^(?!zone indexer: fuzz)' to leave out the
//                    fuzz suites, which take minutes per surviving mutant once the scanner is instrumented
//     --all-tests    keep the scale tests of HEAVY_TESTS even for files they do not target (see there)
//   node scripts/mutation.js --merge REPORT…
//                    run nothing: merge mutation.json reports of other checkouts (worktrees) into this one's,
//                    under the same staleness rule (a file's result is taken only if its source text is this
//                    checkout's), then print the scores. A later report wins for a file measured in several.
// A run over some files merges into reports/mutation/mutation.json: the results of other files from earlier runs
// stay, as long as their source is unchanged (a file edited since is dropped, to be measured again), so the
// score over src/core/ is computed from that one report however many runs it took; files never measured (or
// dropped) are named. `--fresh` starts the report anew.
// Only the unit tests that load a mutated file (through their import graph) are run: a test that never
// loads the module cannot kill its mutants, and static mutants (module-level regexes and tables) are run
// against every selected test, so leaving out unrelated suites saves minutes without changing a verdict.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnGroup, installHandlers, shutdown } = require('./lib/procs');

const ROOT = path.resolve(__dirname, '..');
const REPORT = path.join(ROOT, 'reports', 'mutation', 'mutation.json');
/** Issue #15: 85 % over src/core, 80 % in every file, 90 % for the security-relevant three. */
const TARGET_ALL = 85;
const TARGET_FILE = 80;
const TARGET_STRICT = { 'src/core/redact.ts': 90, 'src/core/signing.ts': 90, 'src/core/taskId.ts': 90 };

/**
 * Scale and property tests that take seconds each, and the core files they are there to test. A run that
 * mutates none of a test's targets leaves it out (`--all-tests` keeps them): Stryker runs every selected test
 * against each static mutant (a module-level regex or table), so a 10 s paging test would cost 10 s per
 * static mutant of, say, redact.ts, whose behaviour the quick tests pin already. Leaving tests out can only
 * lower a score, never raise it.
 */
const HEAVY_TESTS = [
  { title: 'client: live zone reads a zone of 100,000 sets', targets: ['src/core/liveZone.ts', 'src/core/liveSchemas.ts', 'src/core/lazySchemas.ts', 'src/core/lazy.ts'] },
  { title: 'fetchAllErrorItems returns every item in order whatever order pages arrive in', targets: ['src/core/fetchAll.ts', 'src/core/requestQueue.ts'] },
  { title: 'client: createRecordSetsTask requests for 25,001 sets', targets: ['src/core/retryPlan/batchCreate.ts'] },
  { title: 'response paths under random answers (property)', targets: ['src/core/schemas.ts', 'src/core/liveSchemas.ts', 'src/core/lazySchemas.ts', 'src/core/responseErrors.ts', 'src/core/http.ts', 'src/core/errors.ts'] },
  { title: 'canonicalIpv6 agrees', targets: ['src/core/recordSets/ipv6.ts'] },
  // The sample workspace indexed against every sandbox task, and random zones planned two ways.
  { title: 'fake gateway: the sandbox scenario every failed item of every task names a record', targets: ['src/core/zone/'] },
  { title: 'planRetry: in place against the general path', targets: ['src/core/retryPlan/', 'src/core/zone/', 'src/core/recordSets/', 'src/core/lint/'] },
];

/** A target ending in `/` stands for every file below it. */
const targets = (test, file) => test.targets.some((t) => (t.endsWith('/') ? file.startsWith(t) : file === t));

const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The mocha grep of a run: the person's `--grep`, without the heavy tests that target none of `mutate`. */
function grepFor(mutate, grep, allTests = false) {
  const left = allTests ? [] : HEAVY_TESTS.filter((t) => !mutate.some((f) => targets(t, f)));
  if (!left.length) return { grep, left: [] };
  const without = `^(?!(?:${left.map((t) => escapeRe(t.title)).join('|')}))`;
  return { grep: grep ? `${without}(?=[\\s\\S]*?(?:${grep}))` : without, left: left.map((t) => t.title) };
}

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');

function resolveTs(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base + '.ts', path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The run-time names of an import/export clause `{ a, b as c, type T }`: `a`, `b` (`type` entries are erased by tsc). */
const names = (clause) =>
  clause
    .replace(/^\s*\{|\}\s*$/g, '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry && !/^type\s/.test(entry))
    .map((entry) => entry.split(/\s+as\s+/)[0].trim());

/** The runtime edges of a file: relative imports, re-exports and requires (type-only ones are erased by tsc). */
function edgesOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const edges = [];
  const re = /\b(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.{1,2}\/[^'"]+)['"]|\b(?:require|import)\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s+['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const m of text.matchAll(re)) {
    if (m[2]) continue;
    const target = resolveTs(file, m[4] ?? m[5] ?? m[6]);
    if (!target) continue;
    const clause = m[3] ?? '';
    // `import { a, b } from`: only these names (a barrel is followed name by name); anything else: everything.
    const named = m[1] === 'import' && /^\{[^}]*\}$/.test(clause.trim()) ? names(clause.trim()) : undefined;
    edges.push({ kind: m[1] ?? 'require', clause, target, named });
  }
  return edges;
}

/** Files that importing `names` (or everything, when undefined) from `file` loads at run time. */
function loadedBy(file, named) {
  const edges = edgesOf(file);
  const isBarrel = edges.length > 0 && fs.readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').split(';').every((st) => !st.trim() || /^\s*(export|import)\b[\s\S]*from\s*['"]/.test(st));
  if (!isBarrel || named === undefined) return edges.map((e) => ({ file: e.target, named: e.named }));
  const out = [];
  for (const name of named) {
    const direct = edges.find((e) => e.kind === 'export' && exportedNames(e.clause).includes(name));
    if (direct) {
      out.push({ file: direct.target, named: undefined });
      continue;
    }
    // `export * from`: only the modules that provide the name (tsc still loads the others, but a test that
    // never names their exports cannot call them); when none can be told to, all of them.
    const stars = edges.filter((x) => x.kind === 'export' && x.clause.trim() === '*');
    const providers = stars.filter((e) => provides(e.target, name));
    for (const e of providers.length ? providers : stars) out.push({ file: e.target, named: providers.length ? [name] : undefined });
  }
  return out;
}

/** The names an export clause `{ a, b as c, type T }` makes public: `a`, `c`. */
const exportedNames = (clause) =>
  /^\s*\{/.test(clause)
    ? clause
        .replace(/^\s*\{|\}\s*$/g, '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry && !/^type\s/.test(entry))
        .map((entry) => entry.split(/\s+as\s+/).pop().trim())
    : [];

/** True when `file` exports the run-time value `name`: declared there, or re-exported from another module. */
function provides(file, name, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  const esc = name.replace(/[$]/g, '\\$');
  if (new RegExp(`\\bexport\\s+(?:declare\\s+)?(?:default\\s+)?(?:abstract\\s+)?(?:async\\s+)?(?:function\\*?|const|let|var|class|enum|namespace)\\s+${esc}\\b`).test(text)) return true;
  for (const m of text.matchAll(/\bexport\s+(\{[^}]*\})/g)) if (exportedNames(m[1]).includes(name)) return true;
  return edgesOf(file).some((e) => e.kind === 'export' && e.clause.trim() === '*' && provides(e.target, name, seen));
}

/** Compiled paths of the unit tests whose run-time import graph reaches one of `targets`. */
function testsLoading(targets) {
  const wanted = new Set(targets.map((t) => path.resolve(ROOT, t)));
  const reaches = (start) => {
    const seen = new Set();
    const queue = [{ file: start, named: undefined }];
    while (queue.length) {
      const { file, named } = queue.shift();
      const key = file + (named ? ':' + named.join(',') : '');
      if (seen.has(key)) continue;
      seen.add(key);
      if (wanted.has(file)) return true;
      queue.push(...loadedBy(file, named));
    }
    return false;
  };
  return walk(path.join(ROOT, 'test', 'unit'))
    .filter((f) => f.endsWith('.test.ts') && reaches(f))
    .map((f) => 'out/' + rel(f).replace(/\.ts$/, '.js'))
    .sort();
}

/** Types and re-exports only, so Stryker makes no mutant of them (stryker.config.mjs's `mutate` leaves these out). */
const NOTHING_TO_MUTATE = new Set(['src/core/types.ts', 'src/core/index.ts', 'src/core/recordSets/types.ts', 'src/core/recordSets/index.ts']);

function coreFiles() {
  return walk(path.join(ROOT, 'src', 'core'))
    .map(rel)
    .filter((f) => !NOTHING_TO_MUTATE.has(f))
    .sort();
}

function parseArgs(argv) {
  const files = [];
  let incremental = false;
  let concurrency;
  let grep;
  let fresh = false;
  let reportOnly = false;
  let merge = false;
  let allTests = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--incremental') incremental = true;
    else if (a === '--fresh') fresh = true;
    else if (a === '--report') reportOnly = true;
    else if (a === '--merge') merge = true;
    else if (a === '--all-tests') allTests = true;
    else if (a === '--concurrency') concurrency = argv[++i];
    else if (a === '--grep') grep = argv[++i];
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else files.push(merge ? path.resolve(a) : rel(path.resolve(a)));
  }
  if (merge && !files.length) throw new Error('--merge needs the mutation.json report(s) to merge');
  // With --merge the positional arguments are reports, not core files.
  return { files: merge ? [] : files, merge: merge ? files : [], incremental, concurrency, grep, allTests, fresh, reportOnly };
}

/** Killed + timeout over all valid mutants (Stryker's "total" score; compile errors and ignored don't count). */
function scores(report) {
  const rows = [];
  const total = { detected: 0, valid: 0 };
  for (const [file, data] of Object.entries(report.files)) {
    let detected = 0;
    let valid = 0;
    let survived = 0;
    let noCoverage = 0;
    for (const m of data.mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') detected++;
      if (m.status === 'Survived') survived++;
      if (m.status === 'NoCoverage') noCoverage++;
      if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) valid++;
    }
    total.detected += detected;
    total.valid += valid;
    const score = valid ? (100 * detected) / valid : 100;
    rows.push({ file, score, detected, valid, survived, noCoverage, target: TARGET_STRICT[file] ?? TARGET_FILE });
  }
  return { rows: rows.sort((a, b) => a.file.localeCompare(b.file)), total: total.valid ? (100 * total.detected) / total.valid : 100 };
}

/**
 * The report of this run merged into the one before: earlier results of files not mutated now are kept when
 * the file's source is still the one they were measured on (Stryker's report holds it), dropped otherwise.
 * (A kept result may undercount kills by tests added since; it is never better than a fresh run.)
 */
function mergeReports(previous, current, readSource = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8')) {
  if (!previous || previous.schemaVersion !== current.schemaVersion) return { report: current, dropped: [] };
  const files = { ...current.files };
  const dropped = [];
  const kept = [];
  for (const [file, data] of Object.entries(previous.files ?? {})) {
    if (files[file]) continue;
    let source;
    try {
      source = readSource(file);
    } catch {
      source = undefined; // the file is gone
    }
    if (source === data.source) kept.push(file);
    else dropped.push(file);
  }
  // Test ids are numbers per run: the kept mutants' killedBy/coveredBy are re-pointed, by test file and name,
  // at this run's tests, or at the earlier tests added under new ids.
  const testFiles = structuredClone(current.testFiles ?? {});
  const idOf = new Map();
  let nextId = 0;
  for (const [testFile, { tests }] of Object.entries(testFiles)) {
    for (const t of tests) {
      idOf.set(`${testFile}\0${t.name}`, t.id);
      if (/^\d+$/.test(t.id)) nextId = Math.max(nextId, Number(t.id) + 1);
    }
  }
  const earlier = new Map();
  for (const [testFile, { tests }] of Object.entries(previous.testFiles ?? {})) for (const t of tests) earlier.set(t.id, { testFile, test: t });
  const remap = (id) => {
    const found = earlier.get(id);
    if (!found) return id;
    const key = `${found.testFile}\0${found.test.name}`;
    if (!idOf.has(key)) {
      const fresh = String(nextId++);
      idOf.set(key, fresh);
      (testFiles[found.testFile] ??= { tests: [] }).tests.push({ ...found.test, id: fresh });
    }
    return idOf.get(key);
  };
  for (const file of kept) {
    const data = previous.files[file];
    files[file] = {
      ...data,
      mutants: data.mutants.map((m) => ({
        ...m,
        ...(m.killedBy ? { killedBy: m.killedBy.map(remap) } : {}),
        ...(m.coveredBy ? { coveredBy: m.coveredBy.map(remap) } : {}),
      })),
    };
  }
  const report = { ...current, files };
  if (current.testFiles || previous.testFiles) report.testFiles = testFiles;
  return { report, dropped };
}

/**
 * A report of another checkout (a worktree) merged into `base`: each of its files is taken only when its
 * source text is this checkout's (`stale` names the others), and then replaces `base`'s result for that file;
 * `base`'s files edited since it was measured are dropped as in a run (`dropped`).
 */
function mergeForeign(base, foreign, readSource = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8')) {
  const files = {};
  const stale = [];
  for (const [file, data] of Object.entries(foreign.files ?? {})) {
    let source;
    try {
      source = readSource(file);
    } catch {
      source = undefined;
    }
    if (source === data.source) files[file] = data;
    else stale.push(file);
  }
  const { report, dropped } = mergeReports(base, { ...foreign, files }, readSource);
  return { report, stale, dropped };
}

/** Stryker's HTML report embeds its JSON (`app.report = {…};` before `function updateTheme`): the merged one replaces it. */
function rewriteHtml(htmlFile, report) {
  if (!fs.existsSync(htmlFile)) return false;
  const html = fs.readFileSync(htmlFile, 'utf8');
  const head = 'app.report = ';
  const at = html.lastIndexOf(head);
  const end = at < 0 ? -1 : html.indexOf('\n', at); // JSON.stringify output holds no raw line break
  if (at < 0 || end < 0 || !/^\s*function updateTheme/.test(html.slice(end + 1))) return false;
  // `<` only occurs inside JSON strings, where \u003c reads the same and cannot close the script element.
  const json = JSON.stringify(report).replace(/</g, '\\u003c');
  fs.writeFileSync(htmlFile, html.slice(0, at + head.length) + json + ';' + html.slice(end));
  return true;
}

function printScores(report, coreList = coreFiles()) {
  const { rows, total } = scores(report);
  const width = Math.max(...rows.map((r) => r.file.length), 8);
  console.log(`\n${'file'.padEnd(width)}  score   target  killed/valid  survived  no cov`);
  let missed = 0;
  for (const r of rows) {
    const ok = r.score >= r.target;
    if (!ok) missed++;
    console.log(`${r.file.padEnd(width)}  ${r.score.toFixed(1).padStart(5)}%  ${ok ? '  ' : '✗ '}≥${r.target}  ${`${r.detected}/${r.valid}`.padStart(12)}  ${String(r.survived).padStart(8)}  ${String(r.noCoverage).padStart(6)}`);
  }
  const okAll = total >= TARGET_ALL;
  const unmeasured = coreList.filter((f) => !report.files[f]);
  console.log(`${'all files'.padEnd(width)}  ${total.toFixed(1).padStart(5)}%  ${okAll ? '  ' : '✗ '}≥${TARGET_ALL}  (${rows.length} of ${coreList.length} core files measured)`);
  if (unmeasured.length) console.log(`Not measured (no result for the current source): ${unmeasured.join(', ')}`);
  console.log(`Mutation score ${total.toFixed(1)}%; ${missed} file(s) below target. Report: ${rel(REPORT).replace(/\.json$/, '.html')}`);
}

async function main() {
  installHandlers();
  const { files, merge, incremental, concurrency, grep: personGrep, allTests, fresh, reportOnly } = parseArgs(process.argv.slice(2));
  if (merge.length) return mergeMain(merge, fresh);
  if (reportOnly) {
    if (!fs.existsSync(REPORT)) throw new Error(`no ${rel(REPORT)} yet: run npm run test:mutation first`);
    const saved = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
    // Merged into an empty run: results whose file changed since are left out (and named).
    const { report, dropped } = mergeReports(saved, { ...saved, files: {} });
    if (dropped.length) console.log(`Changed since measured (left out): ${dropped.join(', ')}`);
    printScores(report);
    return shutdown(0);
  }
  const all = coreFiles();
  const mutate = files.length ? files : all;
  for (const f of mutate) if (!all.includes(f)) throw new Error(`${f} is not a mutated core file (see stryker.config.mjs)`);
  const spec = testsLoading(mutate);
  const { grep, left } = grepFor(mutate, personGrep, allTests);
  console.log(`Mutating ${mutate.length} file(s) against ${spec.length} unit test file(s) that load them${personGrep ? ` (tests matching ${personGrep})` : ''}.`);
  if (left.length) console.log(`Left out, scale tests of other files (--all-tests keeps them): ${left.join('; ')}`);
  const args = ['stryker', 'run', '--mutate', mutate.join(',')];
  if (incremental) {
    const key = files.length ? mutate.map((f) => path.basename(f, '.ts')).join('+').slice(0, 120) : 'all';
    args.push('--incremental', '--incrementalFile', `reports/mutation/incremental/${key}.json`);
  }
  if (concurrency) args.push('--concurrency', String(concurrency));
  const previous = !fresh && fs.existsSync(REPORT) ? JSON.parse(fs.readFileSync(REPORT, 'utf8')) : undefined;
  const child = spawnGroup('npx', args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, MUTATION_SPEC: JSON.stringify(spec), ...(grep ? { MUTATION_GREP: grep } : {}) } });
  const code = await new Promise((resolve) => child.once('exit', (c, signal) => resolve(signal ? 1 : (c ?? 1))));
  if (code !== 0) return shutdown(code);
  const current = withUnmutated(JSON.parse(fs.readFileSync(REPORT, 'utf8')), mutate);
  const { report, dropped } = mergeReports(previous, current);
  fs.writeFileSync(REPORT, JSON.stringify(report));
  const html = REPORT.replace(/\.json$/, '.html');
  if (!rewriteHtml(html, report)) console.log(`(${rel(html)} shows only the files of this run)`);
  if (dropped.length) console.log(`Dropped earlier results of files changed since: ${dropped.join(', ')}`);
  printScores(report);
  return shutdown(0);
}

/**
 * Stryker leaves out of its report a mutated file it made no mutant of (lint/rules.ts: tables whose every
 * mutant would not compile), which then read as never measured. Such a file was measured, with nothing to
 * kill: it gets an entry without mutants, for its current source.
 */
function withUnmutated(report, mutate, readSource = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8')) {
  const files = { ...report.files };
  for (const f of mutate) if (!files[f]) files[f] = { language: 'typescript', source: readSource(f), mutants: [] };
  return { ...report, files };
}

/** `--merge REPORT…`: other checkouts' reports folded into this one's, then the scores. */
function mergeMain(reports, fresh) {
  let merged = !fresh && fs.existsSync(REPORT) ? JSON.parse(fs.readFileSync(REPORT, 'utf8')) : undefined;
  const html = REPORT.replace(/\.json$/, '.html');
  let template = fs.existsSync(html) ? html : undefined;
  for (const file of reports) {
    const foreign = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!foreign || typeof foreign.files !== 'object') throw new Error(`${file} is not a Stryker mutation report`);
    const { report, stale, dropped } = mergeForeign(merged, foreign);
    const taken = Object.keys(foreign.files).filter((f) => !stale.includes(f));
    console.log(`${file}: ${taken.length} file(s) taken${stale.length ? `; left out, source differs from this checkout: ${stale.join(', ')}` : ''}`);
    if (dropped.length) console.log(`Dropped earlier results of files changed since: ${dropped.join(', ')}`);
    merged = report;
    const sibling = file.replace(/\.json$/, '.html');
    if (!template && sibling !== file && fs.existsSync(sibling)) template = sibling;
  }
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, JSON.stringify(merged));
  // The HTML page is Stryker's viewer with the report embedded: a merged report's page serves as the template.
  if (template && template !== html) fs.copyFileSync(template, html);
  if (!template || !rewriteHtml(html, merged)) console.log(`(no HTML report written: none of the reports has a mutation.html beside it)`);
  printScores(merged);
  return shutdown(0);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    void shutdown(2);
  });
}

module.exports = { testsLoading, loadedBy, grepFor, HEAVY_TESTS, NOTHING_TO_MUTATE, coreFiles, scores, mergeReports, mergeForeign, withUnmutated, printScores };
