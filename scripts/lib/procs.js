// Child processes that never outlive us: each is spawned in its own process group and the whole group
// is killed on stop, on Ctrl-C / SIGTERM, on an uncaught error and (as a last resort) on exit.
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');

/** @type {Set<() => Promise<void>>} async cleanups, newest last */
const cleanups = new Set();
/** @type {Set<number>} process-group ids still alive (for the synchronous exit hook) */
const groups = new Set();
let installed = false;
let shuttingDown = false;

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: already gone
  }
}

/**
 * True while a process of the group still runs. Zombies do not count: when PID 1 of a container does not
 * reap orphans they stay forever, and kill(-pgid, 0) would keep reporting the group as alive.
 */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // "pid (comm) state ppid pgrp ...": comm may contain spaces, so split after the last ')'
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    }
    return false;
  } catch {
    return true;
  }
}

/** SIGTERM the group, wait up to graceMs, then SIGKILL whatever is left of it. */
async function stopGroup(pgid, graceMs = 5000) {
  if (!killGroup(pgid, 'SIGTERM')) {
    groups.delete(pgid);
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(pgid)) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  groups.delete(pgid);
}

/**
 * Spawn `cmd args` as the leader of a new process group. Returns the ChildProcess plus `stop()`,
 * which ends the leader and every descendant that stayed in the group (SIGTERM, SIGKILL after graceMs).
 */
function spawnGroup(cmd, args, options = {}) {
  installHandlers();
  const { graceMs = 5000, ...spawnOptions } = options;
  const child = cp.spawn(cmd, args, { ...spawnOptions, detached: true });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`could not start ${cmd}`);
  groups.add(pgid);
  child.once('exit', () => {
    // the leader is gone; keep tracking the group only if descendants remain in it
    if (!groupAlive(pgid)) groups.delete(pgid);
  });
  const stop = () => stopGroup(pgid, graceMs);
  const cleanup = async () => {
    cleanups.delete(cleanup);
    await stop();
  };
  cleanups.add(cleanup);
  child.stop = cleanup;
  return child;
}

/** Register an async cleanup (browser close, temp dir removal); returns a function that unregisters it. */
function onCleanup(fn) {
  installHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Run every cleanup, newest first; errors are reported, never thrown. */
async function cleanupAll() {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      await fn();
    } catch (e) {
      console.error('[cleanup]', e && e.message ? e.message : e);
    }
  }
}

/** Clean up and exit with `code`. Safe to call more than once. */
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  await cleanupAll();
  process.exit(code);
}

function installHandlers() {
  if (installed) return;
  installed = true;
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  process.on('SIGHUP', () => void shutdown(129));
  process.on('uncaughtException', (e) => {
    console.error('[fatal]', e);
    void shutdown(1);
  });
  process.on('unhandledRejection', (e) => {
    console.error('[fatal] unhandled rejection:', e);
    void shutdown(1);
  });
  // Last resort when someone calls process.exit() without cleaning up: no async work possible here.
  process.on('exit', () => {
    for (const pgid of groups) killGroup(pgid, 'SIGKILL');
  });
}

function rmrf(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // a lingering file handle must not turn a passing run into a failure
  }
}

/** True once shutdown() started: exits of children after that are expected. */
const isShuttingDown = () => shuttingDown;

module.exports = { spawnGroup, onCleanup, cleanupAll, shutdown, installHandlers, isShuttingDown, rmrf };
