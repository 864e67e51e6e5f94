// Reads `.vscode-test.mjs` (the @vscode/test-cli config) so the code-server runner and `vscode-test`
// agree on files, mocha options, workspace and environment.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { globSync } = require('glob');

const ROOT = path.resolve(__dirname, '../..');

/** Resolves { label, files (absolute, in pattern order), mochaOpts, workspace, env, extensionDevelopmentPath }. */
async function loadTestConfig({ configFile = path.join(ROOT, '.vscode-test.mjs'), label = 'integration', files } = {}) {
  const dir = path.dirname(configFile);
  let cfg = (await import(pathToFileURL(configFile).href)).default;
  cfg = await cfg;
  const all = Array.isArray(cfg) ? cfg : cfg.tests ? cfg.tests : [cfg];
  const test = all.find((t) => t.label === label);
  if (!test) throw new Error(`no test config labelled "${label}" in ${configFile}`);
  const patterns = [files || test.files].flat();
  // In the order of the patterns (each pattern's matches sorted), first place wins: the leak suite is last.
  const matched = [...new Set(patterns.flatMap((g) => globSync(g, { cwd: dir, absolute: true }).sort()))];
  const { preload, ...mochaOpts } = test.mocha || {};
  return {
    label,
    files: matched,
    patterns,
    mochaOpts,
    preload: [preload || []].flat().map((p) => require.resolve(p, { paths: [dir] })),
    workspace: test.workspaceFolder ? path.resolve(dir, test.workspaceFolder) : undefined,
    env: test.env || {},
    extensionDevelopmentPath: path.resolve(dir, [test.extensionDevelopmentPath || '.'].flat()[0]),
  };
}

module.exports = { loadTestConfig, ROOT };
