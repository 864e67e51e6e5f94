// The live zone's reads against the real local fake gateway (signatures verified): zone by name, every record
// set with marker paging, ids refused before sending, bad answers as typed errors.
import * as assert from 'node:assert/strict';
import { isCancelledError, isInvalidZoneIdError, isNotFoundError, isResponseShapeError, MAX_LIVE_RECORD_SETS, type LiveRecordSet } from '../../../src/core';
import { generatedZone, NEXT_LINK_HOST, type FakeRecordSet } from '../../support/fakeGateway';
import { useGateway } from './helpers';

const sets = (n: number): FakeRecordSet[] => Array.from({ length: n }, (_, i) => ({ name: `h${i}.example.com.`, type: 'A', records: [`192.0.2.${i % 250}`] }));

describe('client: live zone reads', () => {
  const h = useGateway({
    zones: [
      { id: 'zone0000000000000000000000000001', name: 'example.com.', recordsets: sets(1234) },
      { id: 'zone0000000000000000000000000002', name: 'sub.example.com.', recordsets: [{ name: 'www.sub.example.com.', type: 'A', records: ['192.0.2.1'] }] },
      { id: 'zone0000000000000000000000000003', name: 'private.example.', zoneType: 'private' },
    ],
  });

  describe('findZone', () => {
    it('asks for the public zone by equal name and returns id and name, signed as the gateway verifies', async () => {
      assert.deepEqual(await h.client().findZone('example.com.'), { id: 'zone0000000000000000000000000001', name: 'example.com.' });
      const req = h.gw.requests[0]!;
      assert.equal(req.verified, true);
      assert.equal(req.path, '/v2/zones');
      assert.deepEqual(req.query, { type: 'public', name: 'example.com.', search_mode: 'equal' });
    });

    it('matches case-insensitively with the trailing dot optional', async () => {
      assert.equal((await h.client().findZone('Sub.EXAMPLE.com'))?.id, 'zone0000000000000000000000000002');
    });

    it('is undefined when no public zone has that name (private zones are not public)', async () => {
      assert.equal(await h.client().findZone('missing.example.'), undefined);
      assert.equal(await h.client().findZone('private.example.'), undefined);
    });

    it('ignores fuzzy matches a server returns despite search_mode=equal', async () => {
      h.gw.enqueue(/\/v2\/zones/, { status: 200, body: { zones: [{ id: 'zz', name: 'www.example.com.' }], metadata: { total_count: 1 } } });
      assert.equal(await h.client().findZone('example.com.'), undefined);
    });

    it('reads the next page (marker from links.next) when the exact name is not on the first', async () => {
      h.gw.enqueue(
        /\/v2\/zones/,
        { status: 200, body: { zones: [{ id: 'zone00000000000000000000000000ff', name: 'www.example.com.' }], links: { next: `${NEXT_LINK_HOST}/v2/zones?marker=zone00000000000000000000000000ff` } } },
        { status: 200, body: { zones: [{ id: 'zone0000000000000000000000000001', name: 'example.com.' }] } },
      );
      assert.equal((await h.client().findZone('example.com.'))?.id, 'zone0000000000000000000000000001');
      assert.deepEqual(h.gw.requests.map((r) => r.query['marker']), [undefined, 'zone00000000000000000000000000ff']);
    });

    it('says which field of a zone is empty', async () => {
      h.gw.enqueue(/\/v2\/zones/, { status: 200, body: { zones: [{ id: 'zone0000000000000000000000000001', name: '' }] } });
      await assert.rejects(h.client().findZone('example.com.'), (e) => isResponseShapeError(e) && e.field === 'zones[0].name' && / zones\[0\]\.name is empty\./.test(e.message));
    });

    it('refuses a zone id that could not be used in a path', async () => {
      h.gw.enqueue(/\/v2\/zones/, { status: 200, body: { zones: [{ id: '../tasks', name: 'example.com.' }] } });
      await assert.rejects(h.client().findZone('example.com.'), (e) => isResponseShapeError(e) && /zones\[0\]\.id/.test(e.message));
    });

    it('refuses an empty or control-character name before sending', async () => {
      await assert.rejects(h.client().findZone('  '), /is not a zone name/);
      await assert.rejects(h.client().findZone('a\nb.'), /is not a zone name/);
      assert.equal(h.gw.requests.length, 0);
    });
  });

  describe('listRecordSets', () => {
    const ID = 'zone0000000000000000000000000001';

    it('reads every page with limit=500, taking the marker from links.next but asking the configured endpoint', async () => {
      const pages: number[] = [];
      const all = await h.client().listRecordSets(ID, { onPage: (page, p) => pages.push(page.length, p.loaded, p.total ?? -1) });
      assert.equal(all.length, 1236, '1,234 sets plus the system SOA and NS');
      assert.deepEqual(all.slice(0, 2).map((s) => [s.type, s.default]), [['SOA', true], ['NS', true]]);
      assert.deepEqual(all[2], { id: all[2]!.id, name: 'h0.example.com.', type: 'A', ttl: 300, records: ['192.0.2.0'], status: 'ACTIVE', default: false });
      assert.equal(new Set(all.map((s) => s.id)).size, all.length, 'no set twice');
      assert.deepEqual(pages, [500, 500, 1236, 500, 1000, 1236, 236, 1236, 1236]);
      assert.equal(h.gw.requests.length, 3);
      assert.ok(h.gw.requests.every((r) => r.verified && r.path === `/v2.1/zones/${ID}/recordsets` && r.query['limit'] === '500'));
      assert.equal(h.gw.requests[0]!.query['marker'], undefined);
      assert.equal(h.gw.requests[1]!.query['marker'], all[499]!.id);
      assert.equal(h.gw.requests[2]!.query['marker'], all[999]!.id);
    });

    it('filters by name (search_mode=equal) and type', async () => {
      const got = await h.client().listRecordSets(ID, { name: 'h7.example.com.', type: 'a' });
      assert.deepEqual(got.map((s) => s.name), ['h7.example.com.']);
      assert.deepEqual(h.gw.requests[0]!.query, { limit: '500', name: 'h7.example.com.', search_mode: 'equal', type: 'A' });
    });

    it('refuses zone ids that are not ids before a byte is sent', async () => {
      for (const bad of ['', '../batch-operation-tasks', 'a/b', 'a?b=1', 'a%2Fb', 'x'.repeat(65), 'zone id']) {
        await assert.rejects(h.client().listRecordSets(bad), (e) => isInvalidZoneIdError(e), bad);
      }
      await assert.rejects(h.client().listRecordSets(ID, { type: 'A&x=1' }), /is not a record type/);
      assert.equal(h.gw.requests.length, 0);
    });

    it('says which zone was not found', async () => {
      await assert.rejects(h.client().listRecordSets('nozone'), (e) => isNotFoundError(e) && /Zone nozone was not found/.test(e.message) && e.code === 'DNS.0302');
    });

    it('fails clearly on a next link without a marker, or one naming a page already read', async () => {
      h.gw.enqueue(/recordsets/, { status: 200, body: { recordsets: [], links: { next: `${NEXT_LINK_HOST}/v2.1/zones/${ID}/recordsets?offset=500` } } });
      // An empty page ends the listing even with a next link: nothing more to read.
      assert.deepEqual(await h.client().listRecordSets(ID), []);
      const one = { id: 'r1', name: 'a.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1'], status: 'ACTIVE' };
      h.gw.enqueue(/recordsets/, { status: 200, body: { recordsets: [one], links: { next: '/v2.1/zones/x/recordsets?offset=500' } } });
      await assert.rejects(h.client().listRecordSets(ID), (e) => isResponseShapeError(e) && /links\.next has no marker/.test(e.message));
      const loop = { status: 200, body: { recordsets: [one], links: { next: '/v2.1/zones/x/recordsets?marker=r1' } } } as const;
      h.gw.enqueue(/recordsets/, loop, loop);
      await assert.rejects(h.client().listRecordSets(ID), /already read/);
    });

    it('rejects wrong shapes, unbounded strings and HTML as typed errors', async () => {
      const bad = [
        { recordsets: [{ id: 'r', name: 'a.', type: 'A', ttl: 'soon', records: [] }] },
        { recordsets: [{ id: 'r', name: 'a.', type: 'A', ttl: 1, records: ['x'.repeat(20_000)] }] },
        { recordsets: 'none' },
        { recordsets: [{ id: 'r'.repeat(200), name: 'a.', type: 'A', ttl: 1, records: [] }] },
      ];
      for (const body of bad) {
        h.gw.enqueue(/recordsets/, { status: 200, body });
        await assert.rejects(h.client().listRecordSets(ID), (e) => isResponseShapeError(e), JSON.stringify(body).slice(0, 60));
      }
      h.gw.enqueue(/recordsets/, { kind: 'html', status: 200 });
      await assert.rejects(h.client().listRecordSets(ID), (e) => isResponseShapeError(e));
    });

    it('accepts an answer without status (served) or records (none)', async () => {
      h.gw.enqueue(/recordsets/, { status: 200, body: { recordsets: [{ id: 'r', name: 'a.example.com.', type: 'TXT', ttl: '60' }] } });
      const got: LiveRecordSet[] = await h.client().listRecordSets(ID);
      assert.deepEqual(got, [{ id: 'r', name: 'a.example.com.', type: 'TXT', ttl: 60, records: [], status: 'ACTIVE' }]);
    });

    it('stops at once when cancelled between pages', async () => {
      const controller = new AbortController();
      await assert.rejects(
        h.client().listRecordSets(ID, { signal: controller.signal, onPage: () => controller.abort() }),
        (e) => isCancelledError(e),
      );
      assert.equal(h.gw.requests.length, 1);
    });

    it('has a cap far above real zones', () => {
      assert.ok(MAX_LIVE_RECORD_SETS >= 1_000_000);
    });
  });

  describe('a zone of 100,000 sets', () => {
    const big = generatedZone(100_000);
    const h2 = useGateway({ zones: [big.zone] });

    it('is read whole in 201 pages, in order', async () => {
      const all = await h2.client().listRecordSets(big.zone.id!);
      assert.equal(all.length, 100_002);
      assert.equal(h2.gw.requests.length, 201);
      assert.equal(all[100_001]!.name, 'h100000.big.example.');
    });
  });
});
