// Hostile zone files (issue 14): include fan-out, FIFOs and devices, oversize includes, a stuck worker.
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { indexZoneFile, ZoneIndexPool } from '../../../src/core';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-hostile-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Files f0 … fD, each including the next K times (with origins from `origin(k)`, or none). */
function fanOut(depth: number, k: number, origin?: (k: number) => string): string {
  for (let d = 0; d <= depth; d++) {
    const lines = [`n${d} A 192.0.2.1`];
    if (d < depth) for (let i = 0; i < k; i++) lines.push(`$INCLUDE f${d + 1}.db${origin ? ' ' + origin(i) : ''}`);
    write(`f${d}.db`, lines.join('\n') + '\n');
  }
  return path.join(tmp, 'f0.db');
}

describe('zone indexer: hostile include graphs', () => {
  it('parses a file included again with the same origin and owner once (4 includes per file, depth 8)', async () => {
    const idx = await indexZoneFile(fanOut(8, 4), { origin: 'example.org.', root: tmp });
    assert.strictEqual(idx.size, 9); // one record per file, not 4^0 + … + 4^8 = 87,381
    assert.deepStrictEqual(idx.diagnostics, []);
    assert.deepStrictEqual(idx.lookup('n8.example.org').map((r) => path.basename(r.file)), ['f8.db']);
  });

  it('stops following includes past the budget when every include has its own origin', async () => {
    const idx = await indexZoneFile(fanOut(8, 4, (i) => `o${i}`), { origin: 'example.org.', root: tmp });
    assert.ok(idx.size <= 1001, String(idx.size));
    assert.strictEqual(idx.diagnostics.length, 1);
    assert.match(idx.diagnostics[0]?.message ?? '', /more than 1000 includes/);
    assert.strictEqual(idx.lookup('n0.example.org').length, 1);
  });

  it('bounds the bytes parsed per index and the size of one included file', async () => {
    write('big.db', `big TXT "${'x'.repeat(2000)}"\n`);
    const entry = write('zone.db', '$INCLUDE big.db\nafter A 192.0.2.1\n');
    const perFile = await indexZoneFile(entry, { origin: 'example.org.', root: tmp, limits: { fileBytes: 1000 } });
    assert.match(perFile.diagnostics[0]?.message ?? '', /big\.db is larger than 1000 bytes/);
    const total = await indexZoneFile(entry, { origin: 'example.org.', root: tmp, limits: { bytes: 1500 } });
    assert.match(total.diagnostics[0]?.message ?? '', /add up to more than 1500 bytes/);
    for (const idx of [perFile, total]) {
      assert.deepStrictEqual(idx.lookup('big.example.org'), []);
      assert.strictEqual(idx.lookup('after.example.org').length, 1);
    }
  });

  it('includes only regular files: a FIFO does not block, a directory is refused', async function () {
    if (process.platform === 'win32') this.skip();
    cp.execFileSync('mkfifo', [path.join(tmp, 'fifo.db')]);
    fs.mkdirSync(path.join(tmp, 'dir.db'));
    const entry = write('zone.db', '$INCLUDE fifo.db\n$INCLUDE dir.db\nafter A 192.0.2.1\n');
    const idx = await indexZoneFile(entry, { origin: 'example.org.', root: tmp });
    assert.deepStrictEqual(idx.diagnostics.map((d) => [d.line, d.message]), [
      [1, '$INCLUDE: fifo.db is not a regular file'],
      [2, '$INCLUDE: dir.db is not a regular file'],
    ]);
    assert.strictEqual(idx.lookup('after.example.org').length, 1);
  });
});

describe('ZoneIndexPool: a stuck worker', () => {
  it('fails the request at the timeout, terminates the worker and starts a fresh one for the next', async () => {
    const indexJs = path.resolve(__dirname, '..', '..', '..', 'src', 'core', 'zone', 'index.js');
    const script = write('hang-worker.js', `
      const { parentPort } = require('worker_threads');
      const { indexZoneFileCompact } = require(${JSON.stringify(indexJs)});
      parentPort.on('message', (req) => {
        if (req.path.endsWith('hang.db')) for (;;) {}
        indexZoneFileCompact(req.path, req.options).then((index) => parentPort.postMessage({ id: req.id, index }));
      });`);
    const pool = new ZoneIndexPool(script, 60_000, 300);
    try {
      await assert.rejects(pool.index(path.join(tmp, 'hang.db'), { origin: 'x.', root: tmp }), /took longer than 0 s and was stopped/);
      // The stuck worker spins forever; only a new one can answer this.
      const ok = await pool.index(write('ok.db', 'a A 192.0.2.1\n'), { origin: 'x.', root: tmp });
      assert.strictEqual(ok.lookup('a.x.').length, 1);
    } finally {
      pool.dispose();
    }
  });
});
