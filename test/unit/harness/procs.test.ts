// Process-group cleanup: stopping a spawned tool must also end what it started (code-server's children).
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { script } from './load';

const procs = script<{ spawnGroup(cmd: string, args: string[], o?: object): ChildProcess & { stop(): Promise<void> } }>('scripts/lib/procs.js');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('harness: process groups', () => {
  it('stop() ends the leader and the grandchildren it started', async () => {
    // The shell starts two sleeps in the background and prints their pids; it then waits on them.
    const child = procs.spawnGroup('sh', ['-c', 'sleep 30 & echo $!; sleep 30 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'], graceMs: 2000 });
    const pids = await new Promise<number[]>((resolve) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const found = out.trim().split('\n').filter(Boolean).map(Number);
        if (found.length === 2) resolve(found);
      });
    });
    assert.ok(pids.every(alive), 'grandchildren running');
    await child.stop();
    await new Promise((r) => setTimeout(r, 100)); // let the kernel reap
    const survivors = pids.filter((p) => alive(p) && !isZombie(p));
    assert.deepEqual(survivors, [], 'no grandchild survives stop()');
  });
});

function isZombie(pid: number): boolean {
  try {
    return /\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // gone
  }
}
