// ZoneIndexPool against workers that misbehave: each request must end, with the error the worker gave or one that
// says what happened, and the next request must get a working worker. The scripts stand in for
// dist/zoneWorker.js and speak its protocol ({ id, index | lint | error }).
import * as assert from 'node:assert/strict';
import { ZoneIndexPool } from '../../../src/core';
import { useTempDir } from '../../support/tempDir';

const OPTIONS = { origin: 'example.org.', root: '/' };

describe('ZoneIndexPool: what a request ends with', () => {
  const tmp = useTempDir('zone-pool-');
  /** A worker script whose message handler is `body` (with `port`, `req` and `threadId` in scope). */
  const worker = (body: string): string =>
    tmp.write('worker.js', `const { parentPort: port, threadId } = require('worker_threads');\nport.on('message', (req) => { ${body} });\n`);
  const pools: ZoneIndexPool[] = [];
  const poolOf = (script: string, idleMs = 60_000, timeoutMs?: number): ZoneIndexPool => {
    const pool = new ZoneIndexPool(script, idleMs, timeoutMs);
    pools.push(pool);
    return pool;
  };
  afterEach(() => {
    for (const p of pools.splice(0)) p.dispose();
  });

  it('the error the worker reports', async () => {
    const pool = poolOf(worker(`port.postMessage({ id: req.id, error: 'cannot read ' + req.path });`));
    await assert.rejects(pool.index('/z/zone.db', OPTIONS), { message: 'cannot read /z/zone.db' });
    await assert.rejects(pool.lint('/z/other.db', OPTIONS), { message: 'cannot read /z/other.db' });
  });

  it('an answer of the wrong kind', async () => {
    const pool = poolOf(worker(`port.postMessage(req.lint ? { id: req.id, index: {} } : { id: req.id, lint: { findings: [] } });`));
    await assert.rejects(pool.index('/z/zone.db', OPTIONS), { message: 'Zone index worker sent no index' });
    await assert.rejects(pool.lint('/z/zone.db', OPTIONS), { message: 'Zone index worker sent no findings' });
  });

  it('answers in any order reach their own requests; an answer for no request is ignored', async () => {
    // Holds the first request until the second arrives, then answers the second first (and a stray id).
    const pool = poolOf(worker(`
      globalThis.held ??= [];
      globalThis.held.push(req);
      if (globalThis.held.length === 2) {
        port.postMessage({ id: 999, lint: { path: 'stray' } });
        for (const r of globalThis.held.reverse()) port.postMessage({ id: r.id, lint: { path: r.path, minTtl: r.lint.minTtl } });
      }`));
    const [a, b] = await Promise.all([pool.lint('/z/a.db', OPTIONS, { minTtl: 1 }), pool.lint('/z/b.db', OPTIONS, { minTtl: 2 })]);
    assert.deepEqual([a, b], [{ path: '/z/a.db', minTtl: 1 }, { path: '/z/b.db', minTtl: 2 }]);
  });

  it('a worker that stops: the request fails, and the next one gets a fresh worker', async () => {
    const pool = poolOf(worker(`if (req.path === '/z/exit.db') process.exit(3); port.postMessage({ id: req.id, lint: { threadId } });`));
    const before = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
    await assert.rejects(pool.lint('/z/exit.db', OPTIONS), { message: 'Zone index worker stopped' });
    const after = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
    assert.notEqual(after.threadId, before.threadId);
  });

  it('a worker that throws: the request fails with that error, and the next one gets a fresh worker', async () => {
    const pool = poolOf(worker(`if (req.path === '/z/throw.db') throw new Error('worker broke'); port.postMessage({ id: req.id, lint: { threadId } });`));
    await assert.rejects(pool.lint('/z/throw.db', OPTIONS), { message: 'worker broke' });
    const next = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
    assert.equal(typeof next.threadId, 'number');
  });

  it('dispose ends the requests still waiting', async () => {
    const pool = poolOf(worker(`/* never answers */`));
    const waiting = pool.lint('/z/a.db', OPTIONS);
    pool.dispose();
    await assert.rejects(waiting, { message: 'Zone index pool disposed' });
  });

  it('dispose before any request, or twice, is harmless', () => {
    const pool = poolOf(worker(`port.postMessage({ id: req.id, lint: { threadId } });`));
    pool.dispose();
    pool.dispose();
  });

  it('a stuck worker: the request fails at the timeout, and one made at once after gets a fresh worker that is not cut off', async () => {
    // The stuck worker is still dying when the next request starts another: nothing it does then may reach
    // the new worker's request (its 'exit' used to be taken for the new worker's).
    const pool = poolOf(worker(`if (req.path !== '/z/hang.db') port.postMessage({ id: req.id, lint: { threadId } });`), 60_000, 200);
    const before = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
    await assert.rejects(pool.lint('/z/hang.db', OPTIONS), { message: /took longer than 0 s and was stopped/ });
    const after = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
    assert.notEqual(after.threadId, before.threadId);
  });

  describe('the idle timer (1 ms) does not stop a worker that holds a request', () => {
    // Holds /z/hold.db until /z/release.db arrives, then answers both; answers anything else at once.
    const holding = (): string => worker(`
      globalThis.held ??= [];
      if (req.path === '/z/hold.db') return void globalThis.held.push(req);
      const answer = req.path === '/z/release.db' ? [...globalThis.held.splice(0), req] : [req];
      for (const r of answer) port.postMessage({ id: r.id, lint: { threadId, path: r.path } });`);
    /** Resolves after the pool's idle timer, set before this and shorter, has fired. */
    const pastIdleTime = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 20));

    it('a request made while the timer runs', async () => {
      const pool = poolOf(holding(), 1);
      const first = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
      // The timer was set when that answer came; this request arrives before it fires.
      const held = pool.lint('/z/hold.db', OPTIONS);
      await pastIdleTime();
      const released = pool.lint('/z/release.db', OPTIONS);
      assert.deepEqual(await Promise.all([held, released]), [{ threadId: first.threadId, path: '/z/hold.db' }, { threadId: first.threadId, path: '/z/release.db' }]);
    });

    it('a request still in flight when another is answered', async () => {
      const pool = poolOf(holding(), 1);
      const held = pool.lint('/z/hold.db', OPTIONS);
      const other = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
      await pastIdleTime();
      const released = pool.lint('/z/release.db', OPTIONS);
      assert.deepEqual(await Promise.all([held, released]), [{ threadId: other.threadId, path: '/z/hold.db' }, { threadId: other.threadId, path: '/z/release.db' }]);
    });
  });

  it('a worker idle past its time is stopped, and the next request gets a fresh one', async () => {
    const pool = poolOf(worker(`port.postMessage({ id: req.id, lint: { threadId } });`), 0);
    const first = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
    // The idle timer (0 ms) was set when the answer came; this one, set after it, fires after it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = (await pool.lint('/z/a.db', OPTIONS)) as unknown as { threadId: number };
    assert.notEqual(second.threadId, first.threadId);
  });
});
