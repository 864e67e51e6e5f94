// Build steps shared by the runners: bundle, compile tests, package the VSIX. Each prints its duration.
'use strict';
const cp = require('node:child_process');
const path = require('node:path');
const { ROOT } = require('./testConfig');

const VSIX = path.join(ROOT, 'dist-vsix/dns-batch-tasks.vsix');
// README images are relative (docs/images/…); vsce needs absolute bases when it cannot detect a GitHub repo.
const REPO_URL = 'https://example.invalid/dns-batch-tasks';
const VSCE_ARGS = ['vsce', 'package', '--no-dependencies', '--baseContentUrl', `${REPO_URL}/blob/main`, '--baseImagesUrl', `${REPO_URL}/raw/main`];

/** Run a command in the repository, inheriting output. Returns the exit status. */
function run(cmd, args, { quiet = false, env } = {}) {
  const r = cp.spawnSync(cmd, args, { cwd: ROOT, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', env: env || process.env });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, output: `${r.stdout || ''}${r.stderr || ''}` };
}

function step(label, fn) {
  const t0 = Date.now();
  const ok = fn();
  console.log(`[build] ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return ok;
}

const bundle = (production = false) =>
  step(production ? 'esbuild --production' : 'esbuild', () => run('node', ['esbuild.mjs', ...(production ? ['--production'] : [])], { quiet: true }).status === 0);

/**
 * Compile the tests. While others are mid-edit a type error elsewhere must not block an integration run:
 * tsc still emits (noEmitOnError is off), so errors are shown as a warning unless `strict`.
 */
function compileTests({ strict = false } = {}) {
  return step('tsc --outDir out', () => {
    const r = run('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', 'out'], { quiet: true });
    if (r.status !== 0) {
      console.log(r.output.trim().split('\n').slice(0, 30).join('\n'));
      if (strict) return false;
      console.log('[build] WARNING: type errors above; running with what tsc emitted');
    }
    return true;
  });
}

/** Production bundle + `vsce package`. */
function packageVsix() {
  return (
    bundle(true) &&
    step('vsce package', () => {
      require('node:fs').mkdirSync(path.dirname(VSIX), { recursive: true });
      const r = run('npx', [...VSCE_ARGS, '--out', path.relative(ROOT, VSIX)], { quiet: true });
      if (r.status !== 0) console.log(r.output);
      return r.status === 0;
    })
  );
}

module.exports = { run, bundle, compileTests, packageVsix, VSIX, VSCE_ARGS, ROOT };
