// Debian's chromium driven by playwright-core, with a throwaway profile outside $HOME.
'use strict';
const path = require('node:path');
const { chromiumPath } = require('./tools');
const { onCleanup } = require('./procs');
const { tempDir } = require('./codeServer');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Resolves { context, page, close() }. The browser is closed at cleanup even if the caller forgets. */
async function launchBrowser({ headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = require('playwright-core');
  const profile = tempDir('chromium');
  const context = await chromium.launchPersistentContext(path.join(profile, 'profile'), {
    executablePath: chromiumPath(),
    headless,
    viewport,
    // the Debian wrapper would otherwise create ~/.config/chromium and ~/.cache/chromium
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: path.join(profile, 'xdg-config'), XDG_CACHE_HOME: path.join(profile, 'xdg-cache') },
    args: CHROMIUM_ARGS,
    // procs.js owns the signal handling: it closes the browser, then stops code-server, then exits.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    unregister();
    await context.close().catch(() => undefined);
  };
  const unregister = onCleanup(close);
  const page = context.pages()[0] || (await context.newPage());
  return { context, page, close };
}

module.exports = { launchBrowser, CHROMIUM_ARGS };
