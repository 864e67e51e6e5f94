// Start code-server (a real VS Code: server + web workbench) with fresh state, on a free 127.0.0.1 port.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const cp = require('node:child_process');
const { NODE24, CODE_SERVER, assertToolsInstalled } = require('./tools');
const { spawnGroup, onCleanup, rmrf } = require('./procs');
const { RESULT_ENV } = require('./stage');

/** A fresh temp folder outside $HOME, removed at cleanup unless DNS_BATCH_TASKS_KEEP is set. */
function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dns-batch-tasks-${prefix}-`));
  if (!process.env.DNS_BATCH_TASKS_KEEP) onCleanup(async () => rmrf(dir));
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Settings that keep welcome pages, the trust dialog, chat and update checks out of the way. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // The web workbench saves an edit after a second by default: on a loaded machine a test's deliberate edit
  // (reverted at its end) reached the fixture on disk and shifted every later test's lines.
  'files.autoSave': 'off',
};

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2));
  return file;
}

/** Environment for code-server and everything it starts: no writes to $HOME. `baseEnv` replaces process.env. */
function isolatedEnv(stateDir, extraEnv, baseEnv = process.env) {
  const tmp = path.join(stateDir, 'tmp');
  for (const d of ['tmp', 'xdg/data', 'xdg/config', 'xdg/cache', 'xdg/state']) fs.mkdirSync(path.join(stateDir, d), { recursive: true });
  // The stage result file is the runner's to write (scripts/lib/stage.js), never the extension host's.
  const { [RESULT_ENV]: _stageResult, ...inherited } = baseEnv;
  return {
    ...inherited,
    TMPDIR: tmp,
    XDG_DATA_HOME: path.join(stateDir, 'xdg/data'),
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg/config'),
    XDG_CACHE_HOME: path.join(stateDir, 'xdg/cache'),
    XDG_STATE_HOME: path.join(stateDir, 'xdg/state'),
    VSCODE_PROXY_URI: '',
    ...extraEnv,
  };
}

/** code-server's arguments (after its entry script): pure, so the sandbox's authentication is unit-tested. */
function codeServerArgs({ port, common, auth, smokeTestDriver, args, workspaceTrust }) {
  return [
    ...(auth ? auth.args : ['--auth', 'none']),
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...common,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(args || []),
  ];
}

/**
 * Start code-server. Resolves once it listens.
 * @param {object} o
 * @param {number} [o.port] fixed port (default: a free one)
 * @param {Record<string,string>} [o.env] extra environment (reaches the remote extension host)
 * @param {Record<string,unknown>} [o.settings] extra user settings
 * @param {string[]} [o.args] extra code-server arguments
 * @param {boolean} [o.smokeTestDriver] enable `payload` (extensionDevelopmentPath/extensionTestsPath)
 * @param {string} [o.vsix] install this VSIX into the fresh extensions dir before starting
 * @param {{ args: string[] }} [o.auth] authentication arguments (default `--auth none`: test runs on a fresh port)
 * @param {Record<string,string|undefined>} [o.baseEnv] the environment to start from instead of process.env
 * @param {boolean} [o.verbose] echo the server log
 * @param {boolean} [o.workspaceTrust] keep workspace trust on (no prompt): a fresh folder opens untrusted (restricted mode)
 */
async function startCodeServer(o = {}) {
  assertToolsInstalled();
  const stateDir = tempDir('cs');
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const trust = o.workspaceTrust
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'security.workspace.trust.emptyWindow': false }
    : {};
  writeUserSettings(userDataDir, { ...trust, ...o.settings });
  const env = isolatedEnv(stateDir, o.env || {}, o.baseEnv);
  const logFile = path.join(stateDir, 'code-server.log');
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', path.join(stateDir, 'config.yaml')];

  if (o.vsix) {
    const r = cp.spawnSync(NODE24, [CODE_SERVER, ...common, '--install-extension', path.resolve(o.vsix)], { env, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`installing ${o.vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }

  const port = o.port || (await freePort());
  const args = [CODE_SERVER, ...codeServerArgs({ port, common, auth: o.auth, smokeTestDriver: o.smokeTestDriver, args: o.args, workspaceTrust: o.workspaceTrust })];
  const log = fs.createWriteStream(logFile);
  const proc = spawnGroup(NODE24, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let buf = '';
  const onData = (d) => {
    log.write(d);
    if (buf.length < 100_000) buf += d;
    if (o.verbose) process.stderr.write(`[code-server] ${d}`);
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within 60 s; log: ${logFile}\n${buf}`)), 60_000);
    const check = () => {
      if (/HTTP server listening on/.test(buf)) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    proc.stdout.on('data', check);
    proc.stderr.on('data', check);
    proc.once('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (${code ?? sig}); log: ${logFile}\n${buf}`));
    });
  });
  const host = `127.0.0.1:${port}`;
  return {
    port,
    host,
    url: `http://${host}/`,
    proc,
    stateDir,
    userDataDir,
    extensionsDir,
    logFile,
    /** vscode-remote:// URI for an absolute path on this machine (payload entries). */
    remote: (p) => `vscode-remote://${host}${p}`,
    /** Workbench URL opening `folder`, optionally with a smoke-test payload. */
    workbenchUrl(folder, payload) {
      let u = `http://${host}/?folder=${encodeURIComponent(folder)}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    stop: () => proc.stop(),
  };
}

module.exports = { startCodeServer, codeServerArgs, writeUserSettings, tempDir, freePort, QUIET_SETTINGS };
