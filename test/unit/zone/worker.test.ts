// What the zone worker answers (worker.ts serveZoneRequests), run in this thread with a stand-in port: the
// worker thread only wires parentPort to it, and the pool tests cover the thread itself.
import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import * as path from 'node:path';
import { CompactIndex, indexZoneFileCompact, type CompactZoneIndex } from '../../../src/core/zone/index';
import { LINT_MESSAGES } from '../../../src/core/lint';
import { serveZoneRequests, transferables, type ZoneRequestPort, type ZoneWorkerRequest, type ZoneWorkerResponse } from '../../../src/core/zone/worker';
import { useTempDir } from '../../support/tempDir';

interface Posted {
  message: ZoneWorkerResponse;
  transfer: readonly ArrayBuffer[] | undefined;
}

/** parentPort's part that serveZoneRequests uses: requests are emitted, answers recorded with their transfer lists. */
class RecordingPort extends EventEmitter implements ZoneRequestPort {
  readonly posted: Posted[] = [];

  postMessage(message: ZoneWorkerResponse, transfer?: readonly ArrayBuffer[]): void {
    this.posted.push({ message, transfer });
    this.emit('posted');
  }

  /** Sends one request and resolves with the first answer posted after it. */
  ask(request: ZoneWorkerRequest): Promise<Posted> {
    const before = this.posted.length;
    return new Promise((resolve) => {
      this.once('posted', () => resolve(this.posted[before]!));
      this.emit('message', request);
    });
  }
}

/** For an assertion's message: what kind of answer came (an index is too big to print). */
const kindOf = (m: ZoneWorkerResponse): string => `answer ${m.id}: ${'error' in m ? `error ${m.error}` : Object.keys(m).join(', ')}`;

const ZONE = '$ORIGIN example.org.\n@ 3600 SOA ns hm 1 2 3 4 5\nwww 100 A 192.0.2.1\n';

/** Every buffer behind the typed arrays of an index (what a transfer list must hold). */
function buffersOf(index: CompactZoneIndex): Set<ArrayBufferLike> {
  const n = index.names;
  return new Set([index.recName, index.recType, index.recLine, index.recFile, index.recNext, index.recStart, index.recEnd, index.recData, index.recTtl,
    n.bytes, n.offsets, n.slots, n.hashes, n.head, ...index.texts].map((a) => a.buffer));
}

describe('zone worker: serveZoneRequests', () => {
  const tmp = useTempDir('zone-worker-');
  let port: RecordingPort;
  beforeEach(() => {
    port = new RecordingPort();
    serveZoneRequests(port);
  });
  const options = (): ZoneWorkerRequest['options'] => ({ origin: 'example.org.', root: tmp.path });

  it('answers an index request with the index, its buffers in the transfer list', async () => {
    const file = tmp.write('zone.db', ZONE);
    const { message, transfer } = await port.ask({ id: 7, path: file, options: options() });
    assert.ok('index' in message, kindOf(message));
    assert.equal(message.id, 7);
    assert.deepEqual(new CompactIndex(message.index).lookup('www.example.org').map((r) => `${r.type} ${r.line}`), ['A 3']);
    assert.ok(transfer, 'a transfer list');
    assert.equal(new Set(transfer).size, transfer.length, 'each buffer listed once');
    assert.deepEqual(new Set(transfer), buffersOf(message.index));
  });

  it('answers a lint request with the findings, minTtl passed through', async () => {
    const file = tmp.write('zone.db', ZONE);
    const ttlRange = (p: Posted): string[] => {
      assert.ok('lint' in p.message, kindOf(p.message));
      return p.message.lint.findings.filter((f) => f.rule === 'ttl-range').map((f) => `${path.basename(f.file)}:${f.line} ${f.message}`);
    };
    const strict = await port.ask({ id: 1, path: file, options: options(), lint: { minTtl: 300 } });
    assert.equal(strict.message.id, 1);
    assert.deepEqual(ttlRange(strict), [`zone.db:3 ${LINT_MESSAGES.ttlRange.replace('{0}', '100').replace('{1}', '300')}`]);
    // The site's usual minimum (1 s) when the request names none: TTL 100 is fine.
    const usual = await port.ask({ id: 2, path: file, options: options(), lint: {} });
    assert.equal(usual.message.id, 2);
    assert.deepEqual(ttlRange(usual), []);
  });

  it('words the findings with the translations the request carries', async () => {
    const file = tmp.write('zone.db', ZONE);
    const messages = { [LINT_MESSAGES.ttlRange]: 'TTL {0} 超出范围：最小 {1}' };
    const { message } = await port.ask({ id: 3, path: file, options: options(), lint: { minTtl: 300, messages } });
    assert.ok('lint' in message, kindOf(message));
    assert.deepEqual(message.lint.findings.filter((f) => f.rule === 'ttl-range').map((f) => f.message), ['TTL 100 超出范围：最小 300']);
  });

  it('answers a missing file with the problem in the index and in the findings, not with an error', async () => {
    const file = path.join(tmp.path, 'missing.db');
    const indexed = (await port.ask({ id: 4, path: file, options: options() })).message;
    assert.ok('index' in indexed, kindOf(indexed));
    assert.deepEqual(indexed.index.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.message}`), ['missing.db:1 Cannot read the zone file: ENOENT']);
    const linted = (await port.ask({ id: 5, path: file, options: options(), lint: {} })).message;
    assert.ok('lint' in linted, kindOf(linted));
    assert.deepEqual(linted.lint.findings.map((f) => `${f.rule} ${f.message}`), ['syntax Cannot read the zone file: ENOENT']);
  });

  it('answers a request it cannot run with an error naming the problem, for an index and for a lint request', async () => {
    // What a host of another version could send: no path.
    for (const request of [{ id: 6, options: options() }, { id: 8, options: options(), lint: { minTtl: 300 } }] as unknown as ZoneWorkerRequest[]) {
      const { message, transfer } = await port.ask(request);
      assert.equal(message.id, request.id);
      assert.ok('error' in message, kindOf(message));
      assert.match(message.error, /"paths\[0\]" argument must be of type string/);
      assert.equal(transfer, undefined);
    }
  });
});

describe('zone worker: transferables', () => {
  const index = (): Promise<CompactZoneIndex> => indexZoneFileCompact('/virtual/zone.db', { origin: 'example.org.', root: '/virtual', text: ZONE });

  it('copies a text that does not own its whole buffer and passes one that does as it is', async () => {
    const compact = await index();
    const pooled = Buffer.from('www A 192.0.2.1\n');
    assert.ok(pooled.buffer.byteLength > pooled.byteLength, "a small Buffer is a slice of Node's pool");
    const head = new Uint8Array(new ArrayBuffer(64), 0, 16); // at offset 0, but not the whole buffer
    const owning = new Uint8Array(Buffer.from('x A 192.0.2.2\n'));
    compact.texts = [pooled, head, owning];
    const list = transferables(compact);
    const [t0, t1, t2] = compact.texts;
    assert.notEqual(t0!.buffer, pooled.buffer, 'the pool is not transferred');
    assert.equal(Buffer.from(t0!).toString(), 'www A 192.0.2.1\n');
    assert.equal(t0!.byteLength, t0!.buffer.byteLength);
    assert.notEqual(t1!.buffer, head.buffer);
    assert.equal(t1!.buffer.byteLength, 16);
    assert.equal(t2, owning, 'an owning view is not copied');
    assert.ok(list.includes(owning.buffer));
    assert.ok(!list.includes(pooled.buffer) && !list.includes(head.buffer));
  });

  it('lists a buffer that several views share once', async () => {
    const compact = await index();
    const shared = new Uint8Array(32);
    compact.texts = [shared, new Uint8Array(shared.buffer)];
    const list = transferables(compact);
    assert.equal(list.filter((b) => b === shared.buffer).length, 1);
    assert.equal(new Set(list).size, list.length);
  });
});
