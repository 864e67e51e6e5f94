#!/usr/bin/env node
// `npm start`: the extension working in about a minute, without a cloud account.
//  1. test tools (idempotent), production bundle + VSIX, the fake gateway bundled with esbuild;
//  2. the fake Huawei DNS API gateway (sandbox scenario) on 127.0.0.1;
//  3. code-server on 127.0.0.1 (PORT env, default a free port) with the VSIX installed, the sample
//     workspace test/fixtures/workspace, huaweiDns.endpoint pointing at the gateway and sandbox keys in
//     the environment (the extension imports a "sandbox" profile and tracks the sandbox's recent tasks).
//     It asks for a random password (never `--auth none`: any local process or page could drive it), and
//     none of the developer's own credential variables reach it (scripts/lib/sandboxLaunch.js);
//  4. a one-click login page; the printed URL carries the password in its fragment.
// Prints the URL to open; Ctrl-C stops everything and leaves nothing running.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const cp = require('node:child_process');
const { ROOT, packageVsix, VSIX } = require('./lib/build');
const { startCodeServer, tempDir } = require('./lib/codeServer');
const { newSandboxPassword, sandboxUrl, startLoginPage } = require('./lib/sandboxAuth');
const { sandboxLaunch } = require('./lib/sandboxLaunch');
const { installHandlers, isShuttingDown, onCleanup, shutdown } = require('./lib/procs');

const WORKSPACE = path.join(ROOT, 'test/fixtures/workspace');

/** The gateway is TypeScript under test/support; esbuild makes it runnable in ~0.1 s, whatever tsc thinks of other files. */
async function loadGateway() {
  const esbuild = require('esbuild');
  const outfile = path.join(tempDir('gateway'), 'fakeGateway.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test/support/fakeGateway/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return require(outfile);
}

async function main() {
  installHandlers();
  const t0 = Date.now();
  // Registered first, so it runs last: after code-server, the gateway and the temp folders are gone.
  onCleanup(async () => console.log('\n[sandbox] stopped: code-server, browser state and the fake gateway are gone.'));
  const setup = cp.spawnSync('bash', [path.join(__dirname, 'setup-tools.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) return 1;
  if (!packageVsix()) return 1;
  const { startFakeGateway, sandboxTasks, sandboxZones, SANDBOX_CREDENTIALS } = await loadGateway();

  const gateway = await startFakeGateway({ host: '127.0.0.1', tasks: sandboxTasks(), zones: sandboxZones(), createdTaskPending: { ms: 4000 } });
  onCleanup(() => gateway.close());
  console.log(`[sandbox] fake gateway on ${gateway.url}`);

  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`PORT=${process.env.PORT} is not a port number`);
  fs.mkdirSync(WORKSPACE, { recursive: true });
  const password = newSandboxPassword();
  const launch = sandboxLaunch(process.env, { endpoint: gateway.url, ...SANDBOX_CREDENTIALS, password });
  const server = await startCodeServer({
    port,
    vsix: VSIX,
    settings: { 'huaweiDns.endpoint': gateway.url, 'workbench.colorTheme': 'Default Dark Modern' },
    baseEnv: launch.env,
    auth: { args: launch.authArgs },
    verbose: process.env.DNS_BATCH_TASKS_VERBOSE === '1',
  });
  server.proc.once('exit', (code, signal) => {
    if (isShuttingDown()) return;
    console.log(`[sandbox] code-server stopped unexpectedly (${code ?? signal}); log: ${server.logFile}`);
    void shutdown(1);
  });

  const workbench = new URL(server.workbenchUrl(WORKSPACE));
  const login = await startLoginPage({ codeServerOrigin: workbench.origin, to: `${workbench.pathname}${workbench.search}` });
  onCleanup(() => login.close());
  const url = sandboxUrl(login.origin, password);
  console.log('');
  console.log(`[sandbox] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s. Open in your browser:`);
  console.log('');
  console.log(`    ${url}`);
  console.log('');
  console.log(`[sandbox] (or open ${workbench.href} and enter the password ${password})`);
  console.log('[sandbox] Click "DNS Batch Tasks" in the activity bar: the sandbox profile is signed in and its');
  console.log(`[sandbox] recent tasks are tracked (access key ${SANDBOX_CREDENTIALS.accessKey}, endpoint ${gateway.url}).`);
  console.log('[sandbox] Press Ctrl-C to stop.');
  return new Promise(() => undefined); // until Ctrl-C (procs.js cleans up and exits)
}

main().catch((e) => {
  console.error('[sandbox] failed:', e && e.stack ? e.stack : e);
  return shutdown(1);
}).then((code) => code !== undefined && shutdown(code));
