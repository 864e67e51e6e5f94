// Bundles the extension host code (Node, CommonJS), the zone-index worker and the webview script (browser).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

const node = { ...common, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20' };

const builds = [
  {
    ...node,
    entryPoints: { extension: 'src/extension.ts', zoneWorker: 'src/core/zone/worker.ts' },
    external: ['vscode'],
    plugins: [undiciAsSibling],
    // First statement of the bundle: lets the activation benchmark split compile time from evaluation.
    banner: { js: 'globalThis.performance?.mark?.("huaweiDns.evaluating");' },
  },
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
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
