// Hostile zone files (issue 14): include fan-out, FIFOs and devices, oversize includes, a stuck worker.
import * as assert from 'assert';
import fc from 'fast-check';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CompactIndex, indexZoneFile, indexZoneFileCompact, outlineOf, OUTLINE_LIMITS, ZoneIndexPool } from '../../../src/core';
import { useTempDir, type TempDir } from '../../support/tempDir';

/** Files f0 … fD in `dir`, each including the next K times (with origins from `origin(k)`, or none). */
function fanOut(dir: TempDir, depth: number, k: number, origin?: (k: number) => string): string {
  for (let d = 0; d <= depth; d++) {
    const lines = [`n${d} A 192.0.2.1`];
    if (d < depth) for (let i = 0; i < k; i++) lines.push(`$INCLUDE f${d + 1}.db${origin ? ' ' + origin(i) : ''}`);
    dir.write(`f${d}.db`, lines.join('\n') + '\n');
  }
  return path.join(dir.path, 'f0.db');
}

describe('zone indexer: hostile include graphs', () => {
  const tmp = useTempDir('zone-hostile-');
  const write = (rel: string, text: string): string => tmp.write(rel, text);

  it('parses a file included again with the same origin and owner once (4 includes per file, depth 8)', async () => {
    const idx = await indexZoneFile(fanOut(tmp, 8, 4), { origin: 'example.org.', root: tmp.path });
    assert.strictEqual(idx.size, 9); // one record per file, not 4^0 + … + 4^8 = 87,381
    assert.deepStrictEqual(idx.diagnostics, []);
    assert.deepStrictEqual(idx.lookup('n8.example.org').map((r) => path.basename(r.file)), ['f8.db']);
  });

  it('stops following includes past the budget when every include has its own origin', async () => {
    const idx = await indexZoneFile(fanOut(tmp, 8, 4, (i) => `o${i}`), { origin: 'example.org.', root: tmp.path });
    assert.ok(idx.size <= 1001, String(idx.size));
    assert.strictEqual(idx.diagnostics.length, 1);
    assert.match(idx.diagnostics[0]?.message ?? '', /more than 1000 includes/);
    assert.strictEqual(idx.lookup('n0.example.org').length, 1);
  });

  it('bounds the bytes parsed per index and the size of one included file', async () => {
    write('big.db', `big TXT "${'x'.repeat(2000)}"\n`);
    const entry = write('zone.db', '$INCLUDE big.db\nafter A 192.0.2.1\n');
    const perFile = await indexZoneFile(entry, { origin: 'example.org.', root: tmp.path, limits: { fileBytes: 1000 } });
    assert.match(perFile.diagnostics[0]?.message ?? '', /big\.db is larger than 1000 bytes/);
    const total = await indexZoneFile(entry, { origin: 'example.org.', root: tmp.path, limits: { bytes: 1500 } });
    assert.match(total.diagnostics[0]?.message ?? '', /add up to more than 1500 bytes/);
    for (const idx of [perFile, total]) {
      assert.deepStrictEqual(idx.lookup('big.example.org'), []);
      assert.strictEqual(idx.lookup('after.example.org').length, 1);
    }
  });

  it('terminates without throwing on random include graphs (cycles, repeats, origins), within the budget', async () => {
    const file = fc.record({
      records: fc.nat(3),
      includes: fc.array(fc.tuple(fc.nat(5), fc.option(fc.constantFrom('a', 'b.', '@', 'c.example.org.'), { nil: undefined })), { maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 6 }), async (files) => {
        files.forEach((f, k) => {
          const lines = Array.from({ length: f.records }, (_, i) => `r${k}x${i} A 192.0.2.1`);
          for (const [to, origin] of f.includes) lines.push(`$INCLUDE g${to % files.length}.db${origin ? ' ' + origin : ''}`);
          write(`g${k}.db`, lines.join('\n') + '\n');
        });
        const idx = await indexZoneFile(path.join(tmp.path, 'g0.db'), { origin: 'example.org.', root: tmp.path, limits: { includes: 50 } });
        assert.ok(idx.size <= 51 * 3, String(idx.size));
        for (const r of idx.records()) assert.ok(idx.details(r).origin.endsWith('.'));
      }),
      { numRuns: 100 },
    );
  });

  it('includes only regular files: a FIFO does not block, a directory is refused', async function () {
    if (process.platform === 'win32') this.skip();
    cp.execFileSync('mkfifo', [path.join(tmp.path, 'fifo.db')]);
    fs.mkdirSync(path.join(tmp.path, 'dir.db'));
    const entry = write('zone.db', '$INCLUDE fifo.db\n$INCLUDE dir.db\nafter A 192.0.2.1\n');
    const idx = await indexZoneFile(entry, { origin: 'example.org.', root: tmp.path });
    assert.deepStrictEqual(idx.diagnostics.map((d) => [d.line, d.message]), [
      [1, '$INCLUDE: fifo.db is not a regular file'],
      [2, '$INCLUDE: dir.db is not a regular file'],
    ]);
    assert.strictEqual(idx.lookup('after.example.org').length, 1);
  });
});

describe('zone indexer: ids and ranges at scale', () => {
  const tmp = useTempDir('zone-hostile-');
  const write = (rel: string, text: string): string => tmp.write(rel, text);

  it('keeps record types apart past 65,536 distinct types (32-bit ids)', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 70_000; i++) lines.push(`h${i} X${i} \\# 0`);
    const idx = await indexZoneFile(write('zone.db', lines.join('\n')), { origin: 'example.org.', root: tmp.path });
    assert.deepStrictEqual(idx.lookup('h65536.example.org').map((r) => r.type), ['X65536']);
    assert.deepStrictEqual(idx.lookup('h69999.example.org').map((r) => r.type), ['X69999']);
  });

  it('finds $GENERATE ranges from their own list: a lookup does not walk every record', async () => {
    const lines = ['$GENERATE 1-10 gen$ A 10.0.0.$'];
    for (let i = 0; i < 100_000; i++) lines.push(`h${i} A 192.0.2.1`);
    const compact = await indexZoneFileCompact(write('zone.db', lines.join('\n')), { origin: 'example.org.', root: tmp.path });
    let reads = 0;
    compact.recName = new Proxy(compact.recName, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const idx = new CompactIndex(compact);
    assert.deepStrictEqual(idx.lookup('h99999.example.org').map((r) => r.line), [100_001]);
    assert.deepStrictEqual(idx.lookup('gen7.example.org').map((r) => r.line), [1]);
    assert.ok(reads < 10, `${reads} record reads for two lookups`);
  });
});

describe('zone outline: bounded whatever the file', () => {
  const tmp = useTempDir('zone-hostile-');
  const write = (rel: string, text: string): string => tmp.write(rel, text);

  it('visits at most the record limit of a huge $GENERATE range, and none of an included file\'s ranges', async () => {
    write('inc.db', '$GENERATE 0-4294967295 same A 10.0.0.1\n');
    const entry = write('zone.db', 'www A 192.0.2.1\n$INCLUDE inc.db\n$GENERATE 0-4294967295 same A 10.0.0.1\n$GENERATE 0-4294967295 h$ A 10.0.0.1\n');
    const idx = await indexZoneFile(entry, { origin: 'example.org.', root: tmp.path });
    const outline = outlineOf(idx, entry);
    assert.strictEqual(outline.truncated, true);
    assert.strictEqual(outline.owners.reduce((n, o) => n + o.records.length, 0), OUTLINE_LIMITS.records);
    assert.deepStrictEqual(outline.owners.slice(0, 2).map((o) => o.name), ['www.example.org.', 'same.example.org.']);
    assert.ok(outline.owners.every((o) => o.records.every((r) => r.file === entry)));
    const included = outlineOf(idx, path.join(tmp.path, 'inc.db'), { maxRecords: 10 });
    assert.deepStrictEqual([included.truncated, included.owners[0]?.records.length], [true, 10]);
    const many = write('many.db', 'www A 192.0.2.1\n$GENERATE 0-4294967295 h$ A 10.0.0.1\n');
    const owners = outlineOf(await indexZoneFile(many, { origin: 'example.org.', root: tmp.path }), many, { maxOwners: 4, maxRecords: 1e12 });
    assert.deepStrictEqual(owners.owners.map((o) => o.name), ['www.example.org.', 'h0.example.org.', 'h1.example.org.', 'h2.example.org.']);
  });

  it('outlines a small file whole, owners in file order with their records; each limit says which it was', async () => {
    const entry = write('zone.db', 'www A 192.0.2.1\nmail MX 10 www\nwww AAAA ::1\nftp CNAME www\n');
    const idx = await indexZoneFile(entry, { origin: 'example.org.', root: tmp.path });
    const whole = outlineOf(idx, entry);
    assert.deepStrictEqual([whole.truncated, whole.cancelled], [false, false]);
    assert.deepStrictEqual(whole.owners.map((o) => `${o.name} ${o.records.map((r) => r.type).join(',')}`), ['www.example.org. A,AAAA', 'mail.example.org. MX', 'ftp.example.org. CNAME']);
    const byRecords = outlineOf(idx, entry, { maxRecords: 2 });
    assert.deepStrictEqual([byRecords.truncated, byRecords.cancelled, byRecords.owners.length], [true, false, 2]);
    const byOwners = outlineOf(idx, entry, { maxOwners: 2 });
    assert.deepStrictEqual([byOwners.truncated, byOwners.cancelled, byOwners.owners.map((o) => o.records.length)], [true, false, [2, 1]]);
    const cancelled = outlineOf(idx, entry, { isCancelled: () => true });
    assert.deepStrictEqual([cancelled.truncated, cancelled.cancelled, cancelled.owners], [true, true, []]);
  });

  it('stops when cancelled', async () => {
    const entry = write('zone.db', '$GENERATE 0-4294967295 h$ A 10.0.0.1\n');
    const idx = await indexZoneFile(entry, { origin: 'example.org.', root: tmp.path });
    let checks = 0;
    const outline = outlineOf(idx, entry, { maxRecords: 1e12, maxOwners: 1e12, isCancelled: () => ++checks > 3 });
    assert.deepStrictEqual([outline.cancelled, outline.owners.length], [true, 3000]);
  });
});

describe('ZoneIndexPool: a stuck worker', () => {
  const tmp = useTempDir('zone-hostile-');
  const write = (rel: string, text: string): string => tmp.write(rel, text);

  it('fails the request at the timeout, terminates the worker and starts a fresh one for the next', async () => {
    const indexJs = path.resolve(__dirname, '..', '..', '..', 'src', 'core', 'zone', 'index.js');
    const script = write('hang-worker.js', `
      const { parentPort } = require('worker_threads');
      const { indexZoneFileCompact } = require(${JSON.stringify(indexJs)});
      parentPort.on('message', (req) => {
        if (req.path.endsWith('hang.db')) for (;;) {}
        indexZoneFileCompact(req.path, req.options).then((index) => parentPort.postMessage({ id: req.id, index }));
      });`);
    // Long enough for a fresh worker to start on a loaded machine; the stuck one would never answer.
    const pool = new ZoneIndexPool(script, 60_000, 3000);
    try {
      await assert.rejects(pool.index(path.join(tmp.path, 'hang.db'), { origin: 'x.', root: tmp.path }), /took longer than 3 s and was stopped/);
      // The stuck worker spins forever; only a new one can answer this.
      const ok = await pool.index(write('ok.db', 'a A 192.0.2.1\n'), { origin: 'x.', root: tmp.path });
      assert.strictEqual(ok.lookup('a.x.').length, 1);
    } finally {
      pool.dispose();
    }
  });
});
