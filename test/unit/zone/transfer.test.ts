// The worker posts the compact index with its typed arrays transferred (worker.ts transferables): what arrives
// must be the whole index, and a file's bytes that share Node's Buffer pool must be copied, not transferred
// (transferring the pool would take it from every other Buffer of the thread).
import * as assert from 'node:assert/strict';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { CompactIndex, indexZoneFileCompact, type CompactZoneIndex } from '../../../src/core/zone/index';
import { transferables } from '../../../src/core/zone/worker';

function received(port: MessagePort): Promise<CompactZoneIndex> {
  return new Promise((resolve) => port.once('message', (m: CompactZoneIndex) => resolve(m)));
}

describe('zone worker: the index it posts', () => {
  it('arrives whole through a message port, its buffers moved once each', async () => {
    // A short text: Buffer.from gives a view into Node's shared pool.
    const text = '$ORIGIN example.org.\n@ SOA ns hm 1 2 3 4 5\nwww 60 A 192.0.2.1\n\tTXT "x y"\n';
    const compact = await indexZoneFileCompact('/virtual/zone.db', { origin: 'example.org.', root: '/virtual', text });
    const list = transferables(compact);
    assert.equal(new Set(list).size, list.length);
    for (const t of compact.texts) assert.equal(t.byteLength, t.buffer.byteLength, 'each text owns its buffer');
    const pooled = Buffer.from('still readable');
    const { port1, port2 } = new MessageChannel();
    try {
      const arrived = received(port2);
      port1.postMessage(compact, list);
      const idx = new CompactIndex(await arrived);
      assert.deepEqual(idx.lookup('www.example.org').map((r) => `${r.type} ${r.line} ${idx.details(r).ttl} ${idx.details(r).rdata}`), ['A 3 60 192.0.2.1', 'TXT 4 60 "x y"']);
      assert.equal(idx.apex, 'example.org.');
      // The sender's arrays are gone (moved, not copied); the pool is not.
      assert.equal(compact.recName.length, 0);
      assert.equal(pooled.toString(), 'still readable');
    } finally {
      port1.close();
      port2.close();
    }
  });
});
