// The live zone's reads at their edges: where a zone search stops (bounded, whatever the pages say), which
// arguments are refused before a byte is sent and with which sentence, and what a failed read tells the person
// (operation, IAM action, region, status, code, request id). Against the fake gateway, except the record-set
// cap, which no option lowers: that one feeds the paging core a million in-memory sets instead of 2,000 pages.
import * as assert from 'node:assert/strict';
import {
  isApiError,
  isAuthError,
  isCancelledError,
  isNotFoundError,
  isResponseShapeError,
  MAX_LIVE_RECORD_SETS,
  type LiveRecordSet,
} from '../../../src/core';
import { createLiveZoneReads, type LiveRead } from '../../../src/core/liveZone';
import type { ListPage } from '../../../src/core/liveSchemas';
import { NEXT_LINK_HOST, type ScriptedResponse } from '../../support/fakeGateway';
import { useGateway } from './helpers';

const ZONE = 'zone0000000000000000000000000001';
const idOf = (n: number): string => `zone${String(n).padStart(28, '0')}`;
/** A /v2/zones page holding one zone that is not the one asked for, naming `next` as its next link. */
const otherZonePage = (n: number, next?: string): ScriptedResponse => ({
  status: 200,
  body: { zones: [{ id: idOf(100 + n), name: `www${n}.example.com.` }], ...(next === undefined ? {} : { links: { next } }) },
});
const nextMarker = (marker: string): string => `${NEXT_LINK_HOST}/v2/zones?limit=500&marker=${marker}`;
const theZonePage: ScriptedResponse = { status: 200, body: { zones: [{ id: ZONE, name: 'example.com.' }] } };

describe('client: live zone reads at their edges', () => {
  const h = useGateway({ zones: [{ id: ZONE, name: 'example.com.', recordsets: [{ name: 'www.example.com.', type: 'AAAA', records: ['2001:db8::1'] }] }] });
  const zonesAsked = (): number => h.gw.requests.filter((r) => r.path === '/v2/zones').length;

  describe('findZone stops searching', () => {
    it('at a page without a next link, even after following a marker', async () => {
      h.gw.enqueue(/\/v2\/zones/, otherZonePage(0, nextMarker(idOf(100))), otherZonePage(1), theZonePage);
      assert.equal(await h.client().findZone('example.com.'), undefined);
      assert.equal(zonesAsked(), 2);
    });

    it('at a next link without a marker, failing with the link rather than "not found"', async () => {
      h.gw.enqueue(/\/v2\/zones/, otherZonePage(0, `${NEXT_LINK_HOST}/v2/zones?offset=500`), theZonePage);
      await assert.rejects(h.client().findZone('example.com.'), (e) => isResponseShapeError(e) && e.field === 'links.next' && /: links\.next has no marker\. Body starts: ".*offset=500"/.test(e.message));
      assert.equal(zonesAsked(), 1);
    });

    it('at a next link naming the marker it just asked for, or one asked before', async () => {
      h.gw.enqueue(/\/v2\/zones/, otherZonePage(0, nextMarker(idOf(100))), otherZonePage(1, nextMarker(idOf(100))), theZonePage);
      await assert.rejects(h.client().findZone('example.com.'), (e) => isResponseShapeError(e) && / links\.next names a page that was already read\./.test(e.message));
      assert.deepEqual(h.gw.requests.map((r) => r.query['marker']), [undefined, idOf(100)]);
      h.gw.reset();
      h.gw.enqueue(/\/v2\/zones/, otherZonePage(0, nextMarker(idOf(100))), otherZonePage(1, nextMarker(idOf(101))), otherZonePage(2, nextMarker(idOf(100))), theZonePage);
      await assert.rejects(h.client().findZone('example.com.'), /already read/);
      assert.deepEqual(h.gw.requests.map((r) => r.query['marker']), [undefined, idOf(100), idOf(101)]);
    });

    it('at an empty page, even one with a next link', async () => {
      h.gw.enqueue(/\/v2\/zones/, { status: 200, body: { zones: [], links: { next: nextMarker(idOf(100)) } } }, theZonePage);
      assert.equal(await h.client().findZone('example.com.'), undefined);
      assert.equal(zonesAsked(), 1);
    });

    it('after 20 pages of other zones, each naming a new marker, saying so rather than "not found"', async () => {
      h.gw.enqueue(/\/v2\/zones/, ...Array.from({ length: 25 }, (_, i) => otherZonePage(i, nextMarker(idOf(100 + i)))));
      await assert.rejects(
        h.client().findZone('Example.com'),
        (e) => isApiError(e) && !e.retryable && e.message === 'The search for the public zone example.com. read 20 pages of zones and the server still named a next one; stopped.',
      );
      assert.equal(zonesAsked(), 20);
      assert.deepEqual(h.gw.requests.slice(0, 3).map((r) => r.query['marker']), [undefined, idOf(100), idOf(101)]);
    });
  });

  describe('findZone', () => {
    it('says why a zone id in the answer is refused', async () => {
      h.gw.enqueue(/\/v2\/zones/, { status: 200, body: { zones: [{ id: '../tasks', name: 'example.com.' }] } });
      await assert.rejects(h.client().findZone('example.com.'), (e) => isResponseShapeError(e) && /: zones\[0\]\.id is not a valid zone id\. /.test(e.message));
    });

    it('names the search in a refusal, with status, code and request id', async () => {
      h.gw.enqueue(/\/v2\/zones/, { status: 400, body: { code: 'DNS.0002', message: 'Invalid input.' } });
      await assert.rejects(h.client().findZone('Example.com'), (e) => {
        const rid = h.gw.requests[0]!.requestId;
        return isApiError(e) && e.status === 400 && e.code === 'DNS.0002' && e.requestId === rid
          && e.message.startsWith('The API rejected the request to find the public zone example.com.. The server said: Invalid input.')
          && e.message.includes(`request id ${rid}`);
      });
    });

    it('sends nothing when already cancelled', async () => {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(h.client().findZone('example.com.', { signal: controller.signal }), (e) => isCancelledError(e));
      assert.equal(h.gw.requests.length, 0);
    });
  });

  describe('names and types are checked before sending', () => {
    it('takes a name of 1,024 characters and refuses 1,025 with its first 80 quoted, not retryable', async () => {
      assert.equal(await h.client().findZone('a'.repeat(1024)), undefined);
      assert.equal(h.gw.requests.length, 1);
      await assert.rejects(h.client().findZone('b'.repeat(1025)), (e) => isApiError(e) && !e.retryable && e.message === `"${'b'.repeat(80)}" is not a zone name.`);
      await assert.rejects(h.client().listRecordSets(ZONE, { name: `${'c'.repeat(1025)}.` }), (e) => isApiError(e) && !e.retryable && e.message === `"${'c'.repeat(80)}" is not a record set name.`);
      assert.equal(h.gw.requests.length, 1);
    });

    it('refuses a name that is not a string (automation passes any JSON) with the same sentence', async () => {
      for (const bad of [undefined, 42, null]) {
        await assert.rejects(h.client().findZone(bad as unknown as string), (e) => isApiError(e) && !e.retryable && / is not a zone name\.$/.test(e.message), String(bad));
      }
      await assert.rejects(h.client().listRecordSets(ZONE, { name: 7 as unknown as string }), (e) => isApiError(e) && e.message === '"7" is not a record set name.');
      assert.equal(h.gw.requests.length, 0);
    });

    it('refuses a blank or control-character record set name', async () => {
      for (const bad of ['', '   ', 'a\tb.example.com.', 'a\u007fb.']) {
        await assert.rejects(h.client().listRecordSets(ZONE, { name: bad }), (e) => isApiError(e) && / is not a record set name\.$/.test(e.message), JSON.stringify(bad));
      }
      assert.equal(h.gw.requests.length, 0);
    });

    it('takes types of 1 to 16 letters and digits (sent upper-case)', async () => {
      assert.deepEqual((await h.client().listRecordSets(ZONE, { type: 'aaaa' })).map((s) => s.name), ['www.example.com.']);
      assert.deepEqual(await h.client().listRecordSets(ZONE, { type: 'TYPE65534ABCDEFG' }), []);
      assert.deepEqual(h.gw.requests.map((r) => r.query['type']), ['AAAA', 'TYPE65534ABCDEFG']);
    });

    it('refuses any other type with its first 20 characters quoted, not retryable', async () => {
      for (const bad of ['', 'TYPE65534ABCDEFGH', 'A A', 'A&x=1', 'ÄAAA']) {
        await assert.rejects(h.client().listRecordSets(ZONE, { type: bad }), (e) => isApiError(e) && !e.retryable && e.message === `${JSON.stringify(bad)} is not a record type.`, bad);
      }
      await assert.rejects(h.client().listRecordSets(ZONE, { type: 'X'.repeat(40) }), (e) => isApiError(e) && e.message === `"${'X'.repeat(20)}" is not a record type.`);
      assert.equal(h.gw.requests.length, 0);
    });
  });

  describe('listRecordSets failures', () => {
    it('names the listing in a refusal', async () => {
      h.gw.enqueue(/recordsets/, { status: 400, body: { code: 'DNS.0002', message: 'Invalid input.' } });
      await assert.rejects(h.client().listRecordSets(ZONE), (e) => isApiError(e) && e.status === 400 && e.message.startsWith(`The API rejected the request to list the record sets of zone ${ZONE}.`));
    });

    it('keeps status, code and request id of a zone that is not found', async () => {
      await assert.rejects(h.client().listRecordSets('nozone'), (e) => {
        const rid = h.gw.requests[0]!.requestId;
        return isNotFoundError(e) && e.status === 404 && e.code === 'DNS.0302' && e.requestId === rid
          && e.message === `Zone nozone was not found at this endpoint. (HTTP 404, DNS.0302, request id ${rid})`;
      });
    });

    it('names the region of the endpoint when the client knows it', async () => {
      const c = h.client({ region: 'ap-southeast-3', projectId: 'e55c6f3dc4e34c9f86353b664ae0e70c' });
      await assert.rejects(c.listRecordSets('nozone'), (e) => isNotFoundError(e) && /^Zone nozone was not found in region ap-southeast-3\. /.test(e.message));
    });
  });

  describe('a user without the read permissions', () => {
    const denied = useGateway({ zones: [{ id: ZONE, name: 'example.com.' }], denyActions: ['dns:zone:list', 'dns:recordset:list'] });

    it('is told the IAM action each read needs', async () => {
      await assert.rejects(denied.client().findZone('example.com.'), (e) => isAuthError(e) && e.action === 'dns:zone:list' && e.message.includes('the action dns:zone:list'));
      await assert.rejects(denied.client().listRecordSets(ZONE), (e) => isAuthError(e) && e.action === 'dns:recordset:list' && e.message.includes('the action dns:recordset:list'));
      assert.deepEqual(denied.gw.requests.map((r) => r.status), [403, 403]);
    });
  });
});

describe('live zone reads: the record-set cap', () => {
  // No option lowers MAX_LIVE_RECORD_SETS, so the paging core is fed pages of one shared set instead.
  const set: LiveRecordSet = { id: 'r', name: 'a.example.com.', type: 'A', ttl: 300, records: ['192.0.2.1'], status: 'ACTIVE' };
  const half = MAX_LIVE_RECORD_SETS / 2;
  function reads(pages: ListPage<LiveRecordSet>[]): { asked: number; reads: ReturnType<typeof createLiveZoneReads> } {
    const state = { asked: 0, reads: undefined as unknown as ReturnType<typeof createLiveZoneReads> };
    state.reads = createLiveZoneReads(<T>(_read: LiveRead<T>) => Promise.resolve(pages[state.asked++] as T));
    return state;
  }
  let halfOfIt: LiveRecordSet[] = [];
  before(() => {
    halfOfIt = new Array<LiveRecordSet>(half).fill(set);
  });
  const page = (n: number, marker?: string): ListPage<LiveRecordSet> => ({ items: n === half ? halfOfIt : new Array<LiveRecordSet>(n).fill(set), ...(marker ? { next: `/x?marker=${marker}` } : {}) });

  it('reads a zone of exactly the cap', async () => {
    const r = reads([page(half, 'm1'), page(half)]);
    assert.equal((await r.reads.listRecordSets(ZONE)).length, MAX_LIVE_RECORD_SETS);
  });

  it('stops at the page that goes past it, with its sentence, before reporting that page', async () => {
    const r = reads([page(half, 'm1'), page(half, 'm2'), page(1, 'm3'), page(1)]);
    const loaded: number[] = [];
    await assert.rejects(
      r.reads.listRecordSets(ZONE, { onPage: (_p, p) => loaded.push(p.loaded) }),
      (e) => isApiError(e) && !e.retryable && e.message === `Zone ${ZONE} lists more than 1,000,000 record sets; stopped reading.`,
    );
    assert.equal(r.asked, 3);
    assert.deepEqual(loaded, [half, MAX_LIVE_RECORD_SETS]);
  });
});
