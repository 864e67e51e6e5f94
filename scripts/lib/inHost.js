// Run a mocha suite inside code-server's real (remote, Node) extension host.
// The workbench is opened with a smoke-test `payload` naming extensionDevelopmentPath/extensionTestsPath;
// the test output arrives through window.codeAutomationLog and the end through window.codeAutomationExit.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { startCodeServer, tempDir } = require('./codeServer');
const { launchBrowser } = require('./browser');
const { ROOT } = require('./testConfig');

const BOOTSTRAP = path.join(ROOT, 'out/test/support/vscodeRunner/index.js');
// Known harmless chatter of a web workbench without network (see shared TESTING.md).
const NOISE = /Resolv(ing|ed) connection token|Creating a socket|reconnection-grace-time|builtin extensions cache|Service Worker|AgentHost|AccountPolicyGate|open-vsx\.org|queryRawGalleryExtensions|authentication provider 'github'|\[Extension Host\] (debugger|Started local extension host)/;

/**
 * @param {object} o
 * @param {{files:string[], mochaOpts:object, preload?:string[]}} o.tests what mocha runs (VSCODE_TEST_OPTIONS)
 * @param {string} o.workspace folder to open
 * @param {string} [o.extensionDevelopmentPath] default: the repository
 * @param {string} [o.testsPath] extensionTestsPath (default: our bootstrap)
 * @param {Record<string,string>} [o.env] environment of the extension host
 * @param {number} o.timeoutMs overall timeout: a hang ends as a failure
 * @param {(line:string)=>void} [o.print] receives every output line (default: console.log)
 * @param {boolean} [o.verbose]
 * @param {boolean} [o.workspaceTrust] workspace trust on: the folder opens untrusted
 * @returns {Promise<{exitCode:number, result?:{passes:number,failures:number,pending:number,failed:string[]}, timedOut:boolean, reason:string, durationMs:number}>}
 */
async function runInHost(o) {
  const t0 = Date.now();
  const print = o.print || ((l) => console.log(l));
  const testsPath = o.testsPath || BOOTSTRAP;
  if (!fs.existsSync(testsPath)) throw new Error(`${testsPath} missing: compile the tests first (npx tsc -p tsconfig.json --outDir out)`);
  const resultFile = path.join(tempDir('result'), 'result.json');
  const env = {
    ...o.env,
    DNS_BATCH_TASKS_TEST_RESULT: resultFile,
    VSCODE_TEST_OPTIONS: JSON.stringify({ mochaOpts: o.tests.mochaOpts, files: o.tests.files, preload: o.tests.preload || [], colorDefault: false }),
  };
  const server = await startCodeServer({ env, smokeTestDriver: true, verbose: o.verbose, workspaceTrust: o.workspaceTrust });
  const browser = await launchBrowser();
  const tUp = Date.now();

  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  const timer = setTimeout(() => settle({ code: 1, timedOut: true, reason: `TIMEOUT: no result after ${o.timeoutMs} ms` }), o.timeoutMs);

  const { page } = browser;
  page.on('pageerror', (e) => o.verbose && print(`[page error] ${e.message}`));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(args || []));
    if (!o.verbose && NOISE.test(text)) return;
    for (const line of text.split('\n')) print(type === 'error' ? `[vscode:error] ${line}` : line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle({ code, timedOut: false, reason: `extension host finished (code ${code})` }));

  const payload = [
    ['extensionDevelopmentPath', server.remote(o.extensionDevelopmentPath || ROOT)],
    ['extensionTestsPath', server.remote(testsPath)],
    ['skipWelcome', 'true'],
  ];
  await page.goto(server.workbenchUrl(o.workspace, payload));
  const end = await finished;
  clearTimeout(timer);

  let result;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    result = undefined; // the suite never finished (hang, crash, bootstrap error)
  }
  await browser.close();
  await server.stop();
  let exitCode = end.code === 0 && result && result.failures === 0 ? 0 : 1;
  let reason = end.reason;
  if (!end.timedOut && !result) reason += '; no result file: the suite did not run to the end';
  return { exitCode, result, timedOut: end.timedOut, reason, durationMs: Date.now() - t0, startupMs: tUp - t0, serverLog: server.logFile };
}

/**
 * Open the workbench `runs` times in one code-server, each time with a fresh extension host running
 * `testsPath` (a module exporting run()). Resolves the exit codes; the module reports through files.
 */
/** vsix: an extension to install beside the one under development (e.g. a baseline). */
async function repeatInHost({ testsPath, runs, workspace, env = {}, timeoutMs = 120_000, extensionDevelopmentPath = ROOT, vsix }) {
  const server = await startCodeServer({ env, smokeTestDriver: true, vsix });
  const browser = await launchBrowser();
  const codes = [];
  try {
    let settle;
    await browser.page.exposeFunction('codeAutomationLog', (type, args) => { if (process.env.DNS_BATCH_TASKS_BENCH_VERBOSE) console.log('[host]', util.format(...(args || []))); });
    await browser.page.exposeFunction('codeAutomationExit', (code) => settle && settle(code));
    const payload = [
      ['extensionDevelopmentPath', server.remote(extensionDevelopmentPath)],
      ['extensionTestsPath', server.remote(testsPath)],
      ['skipWelcome', 'true'],
    ];
    for (let i = 0; i < runs; i++) {
      const done = new Promise((resolve, reject) => {
        settle = resolve;
        setTimeout(() => reject(new Error(`run ${i + 1}: no result within ${timeoutMs} ms`)), timeoutMs).unref();
      });
      await browser.page.goto(server.workbenchUrl(workspace, payload));
      codes.push(await done);
      await browser.page.goto('about:blank');
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return codes;
}

module.exports = { runInHost, repeatInHost, BOOTSTRAP };
