// Bundles the extension host code (Node, CommonJS), the zone-index worker and the webview script (browser).
//
// Activation pays for every byte of dist/extension.js that Node compiles and evaluates, so the modules that
// registration does not need are left out of it: each group in LAZY below becomes its own file,
// dist/lazy-<group>.js, loaded by the `require()` that first needs it (the source keeps a plain lazy
// require, see src/core/lazy.ts). A lazy file never carries its own copy of a module that extension.js
// has: it takes that module from extension.js (its `__modules`), so every module exists once per host and
// module state (the secret registry, caches) is shared. `--watch` builds one file, without the split.
import * as esbuild from 'esbuild';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--analyze`: print what extension.js holds, module by module (esbuild's metafile), to see what activation loads.
const analyze = process.argv.includes('--analyze');
const ROOT = path.dirname(new URL(import.meta.url).pathname);

/**
 * Groups of modules loaded at first use, reached from extension.js only through `require()` (a static import
 * there is refused: it would load the group during activation); a group may import another group's modules.
 */
const LAZY = {
  // The schema library and every schema built with it: the first server answer, panel message or restore.
  schemas: ['src/core/schemas.ts', 'src/core/liveSchemas.ts', 'src/shared/protocol.ts', 'src/shared/testProbe.ts'],
  // The client: signing, HTTP, retries, every read and the write (the first sign-in or restored session).
  client: ['src/core/client.ts'],
  // The zone index's record store: the first index a zone feature asks for.
  zoneStore: ['src/core/zone/store.ts'],
  // The sign-in dialog: the first sign-in a person starts.
  signIn: ['src/auth/signInFlow.ts'],
  // The failure texts: the first failed item shown in the tree, the zone files or a retry's outcome.
  explain: ['src/core/explain.ts'],
  // The failed-items panel (messages, Load All, export): when a first panel opens or is restored.
  panel: ['src/panels/failedItemsPanel.ts'],
  // The write path: planning, sending and comparing a retry.
  retry: ['src/retry/planner.ts', 'src/retry/send.ts', 'src/core/retryPlan/outcome.ts'],
  // Compare with Live Zone and Verify in Live Zone, and the marks they leave on the file's lines.
  compare: ['src/compare/run.ts', 'src/compare/decorations.ts'],
  // Check Zone File Before Import, the quick fixes and the Problems while you type: the first zone file open.
  lint: ['src/lint/checkCommand.ts', 'src/lint/codeActions.ts', 'src/lint/diagnostics.ts', 'src/lint/ruleLinks.ts'],
  // The outline and the failure CodeLens and hovers: the first zone file open.
  zoneEditor: ['src/zone/symbols.ts', 'src/zone/failureLens.ts'],
  // Dev hooks: only with HUAWEI_DNS_SANDBOX=1 or under the test harness.
  sandbox: ['src/dev/sandbox.ts'],
  testApi: ['src/dev/testApi.ts'],
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? 'external' : 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'info',
};

/**
 * undici is its own bundle, required from the extension at the first HTTP request (src/core/http.ts), so
 * activation does not parse and evaluate half a megabyte it may not need.
 */
const undiciAsSibling = {
  name: 'undici-as-sibling',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: './undici.js', external: true }));
  },
};

/**
 * `import * as vscode from 'vscode'` becomes `__toESM(require("vscode"))` in every importing module: a copy
 * of the API object's ~350 properties as getters, once per module (33 of them), all during activation. Every
 * import of 'vscode' goes through one module instead (`export * from "vscode"`), so the copy is made once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: 'export * from "vscode";', loader: 'js' }));
  },
};

const node = { ...common, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20' };
const host = { ...node, external: ['vscode'] };
// First statement of the bundle: lets the activation benchmark split compile time from evaluation.
// (src/extension.ts says why the marks are an array and not performance.mark.)
const banner = { js: '(globalThis[Symbol.for("huaweiDns.activationMarks")] ??= []).push(["evaluating", performance.now()]);' };

const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');
/** Where each lazy module goes: repository path -> { group, key }. */
const lazyModules = new Map(Object.entries(LAZY).flatMap(([group, files]) => files.map((f, i) => [f, { group, key: `m${i}` }])));
const lazyFile = (group) => `./lazy-${group}.js`;

/** Resolves an import the way esbuild would, without going through this plugin again. */
async function resolveFully(build, args) {
  if (args.pluginData?.resolving) return undefined;
  const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
  return r.errors.length || r.external || !r.path ? undefined : r.path;
}

/**
 * In extension.js (inGroup undefined) or in one lazy group's file: a lazy module of another group becomes a
 * require() of its file; in a lazy file, a module extension.js has (`mainModules`) is taken from it.
 */
function splitPlugin({ inGroup, mainModules, used }) {
  return {
    name: 'lazy-split',
    setup(build) {
      build.onResolve({ filter: /^\.\/(lazy-[\w-]+|extension)\.js$/ }, (args) => (args.namespace === 'split-stub' ? { path: args.path, external: true } : undefined));
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === 'split-stub' || args.kind === 'entry-point') return undefined;
        const abs = await resolveFully(build, args);
        if (!abs) return undefined;
        const file = rel(abs);
        const lazy = lazyModules.get(file);
        if (lazy && lazy.group !== inGroup) {
          // From extension.js only through require(): a static import would load it during activation.
          if (!inGroup && args.kind !== 'require-call') throw new Error(`${file} is loaded lazily (esbuild.mjs LAZY) but ${rel(args.importer)} imports it statically`);
          return { path: file, namespace: 'split-stub', pluginData: { contents: `module.exports = require(${JSON.stringify(lazyFile(lazy.group))}).${lazy.key};` } };
        }
        if (inGroup && mainModules?.has(file)) {
          used?.add(file);
          return { path: file, namespace: 'split-stub', pluginData: { contents: `module.exports = require("./extension.js").__modules[${JSON.stringify(file)}]();` } };
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'split-stub' }, (args) => ({ contents: args.pluginData.contents, loader: 'js', resolveDir: ROOT }));
    },
  };
}

/** extension.js's entry: the composition root, plus `__modules` for the lazy files (the modules they use). */
function mainEntry(shared) {
  const lines = [`export * from ${JSON.stringify(path.join(ROOT, 'src/extension.ts'))};`];
  if (shared.length) {
    lines.push('export const __modules = {');
    for (const f of shared) lines.push(`  ${JSON.stringify(f)}: () => require(${JSON.stringify(path.join(ROOT, f))}),`);
    lines.push('};');
  }
  return { contents: lines.join('\n'), resolveDir: ROOT, sourcefile: 'extension-entry.js', loader: 'js' };
}

/** Builds one lazy file (a group's or a shared chunk's): its modules exported as m0, m1, … in `files` order. */
function lazyBuild(group, files, { mainModules, used, write = true }) {
  const entry = files.map((f, i) => `export * as m${i} from ${JSON.stringify(path.join(ROOT, f))};`).join('\n');
  return esbuild.build({
    ...host,
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: `lazy-${group}-entry.js`, loader: 'js' },
    outfile: `dist/lazy-${group}.js`,
    outdir: undefined,
    metafile: true,
    ...(write ? {} : { write: false, logLevel: 'silent' }),
    plugins: [vscodeOnce, undiciAsSibling, splitPlugin({ inGroup: group, mainModules, used })],
  });
}

/**
 * A module that extension.js does not have but several lazy groups use would be bundled into each of them:
 * two copies in one host, each with its own state (caches, classes). Such modules go to shared files
 * instead, one per set of groups that use them (dist/lazy-shared-<groups>.js), loaded with the first of them.
 */
async function sharedChunks(mainModules) {
  const users = new Map(); // module -> groups that reach it
  for (const [group, files] of Object.entries(LAZY)) {
    const r = await lazyBuild(group, files, { mainModules, write: false });
    for (const f of Object.keys(r.metafile.inputs).filter((x) => x.startsWith('src/'))) {
      if (!users.has(f)) users.set(f, []);
      users.get(f).push(group);
    }
  }
  const chunks = {};
  for (const [f, groups] of [...users].sort(([a], [b]) => a.localeCompare(b))) {
    if (groups.length < 2 || lazyModules.has(f)) continue;
    const name = `shared-${groups.join('-')}`;
    (chunks[name] ??= []).push(f);
  }
  for (const [name, files] of Object.entries(chunks)) files.forEach((f, i) => lazyModules.set(f, { group: name, key: `m${i}` }));
  return chunks;
}

/** The split build: extension.js, then each lazy file against it, then extension.js again with `__modules`. */
async function buildHost() {
  const probe = await esbuild.build({ ...host, stdin: mainEntry([]), outfile: 'dist/extension.js', outdir: undefined, write: false, metafile: true, logLevel: 'silent', plugins: [vscodeOnce, undiciAsSibling, splitPlugin({})] });
  const mainModules = new Set(Object.keys(probe.metafile.inputs).filter((f) => f.startsWith('src/')));
  const used = new Set();
  const chunks = await sharedChunks(mainModules);
  const where = new Map(); // module -> the files that bundle it: exactly one, or module state is doubled
  const record = (file, metafile) => {
    for (const f of Object.keys(metafile.inputs).filter((x) => x.startsWith('src/'))) where.set(f, [...(where.get(f) ?? []), file]);
  };
  for (const [group, files] of Object.entries({ ...LAZY, ...chunks })) record(lazyFile(group), (await lazyBuild(group, files, { mainModules, used })).metafile);
  const main = await esbuild.build({ ...host, stdin: mainEntry([...used].sort()), outfile: 'dist/extension.js', outdir: undefined, banner, metafile: true, plugins: [vscodeOnce, undiciAsSibling, splitPlugin({})] });
  record('./extension.js', main.metafile);
  const twice = [...where].filter(([, files]) => files.length > 1);
  if (twice.length) throw new Error(`modules bundled more than once: ${twice.map(([f, files]) => `${f} (${files.join(', ')})`).join('; ')}`);
  if (analyze) console.log(await esbuild.analyzeMetafile(main.metafile));
}

/** src/entry.ts, the manifest's `main`, requires the bundle at run time: it stays a separate file. */
const bundleAsSibling = {
  name: 'bundle-as-sibling',
  setup(build) {
    build.onResolve({ filter: /^\.\/extension\.js$/ }, () => ({ path: './extension.js', external: true }));
  },
};
const entry = { ...host, entryPoints: { entry: 'src/entry.ts' }, plugins: [bundleAsSibling] };
const worker = { ...node, entryPoints: { zoneWorker: 'src/core/zone/worker.ts' } };
const others = [
  entry,
  worker,
  { ...node, entryPoints: { undici: 'undici' } },
  {
    ...common,
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

if (watch) {
  // One unsplit extension.js: the lazy modules stay inside it (still evaluated only at first use).
  const unsplit = { ...host, entryPoints: { extension: 'src/extension.ts' }, banner, plugins: [vscodeOnce, undiciAsSibling] };
  for (const b of [unsplit, ...others]) await (await esbuild.context(b)).watch();
} else {
  await Promise.all([buildHost(), ...others.map((b) => esbuild.build(b))]);
}
