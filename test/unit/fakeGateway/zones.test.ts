// The fake gateway's zone reads as the vendor describes them: parameters, search modes, marker paging, errors.
import { strict as assert } from 'node:assert';
import { NEXT_LINK_HOST, startFakeGateway, type FakeGateway } from '../../support/fakeGateway';
import { signedSend } from './http';

interface ZonesBody { zones: { id: string; name: string; zone_type: string }[]; links: { next?: string }; metadata: { total_count: number } }
interface SetsBody { recordsets: { id: string; name: string; type: string; default: boolean; status: string; line: string }[]; links: { self: string; next?: string }; metadata: { total_count: number } }

describe('fake gateway: zones and record sets', () => {
  let gw: FakeGateway;
  before(async () => {
    gw = await startFakeGateway({
      zones: [
        { id: 'z1', name: 'example.com.', recordsets: Array.from({ length: 7 }, (_, i) => ({ name: `h${i}.example.com.`, type: i % 2 ? 'TXT' : 'A', records: ['"x"'], ...(i === 6 ? { status: 'DISABLE' } : {}) })) },
        { id: 'z2', name: 'www.example.com.' },
        { id: 'z3', name: 'example.org.', systemSets: false },
        { id: 'z4', name: 'example.com.', zoneType: 'private' },
      ],
    });
  });
  after(() => gw.close());
  const get = async <T>(path: string, status = 200): Promise<T> => {
    const a = await signedSend(gw.url, path);
    assert.equal(a.status, status, a.text);
    return a.json<T>();
  };

  it('lists public zones, equal or fuzzy by name', async () => {
    assert.deepEqual((await get<ZonesBody>('/v2/zones?type=public&name=EXAMPLE.com&search_mode=equal')).zones.map((z) => z.id), ['z1']);
    assert.deepEqual((await get<ZonesBody>('/v2/zones?type=public&name=example.com.')).zones.map((z) => z.id), ['z1', 'z2']);
    assert.deepEqual((await get<ZonesBody>('/v2/zones?type=private')).zones.map((z) => z.zone_type), ['private']);
    const paged = await get<ZonesBody>('/v2/zones?type=public&limit=1');
    assert.equal(paged.metadata.total_count, 3);
    assert.ok(paged.links.next?.startsWith(`${NEXT_LINK_HOST}/v2/zones?limit=1&marker=z1`));
  });

  it('rejects bad parameters like the service', async () => {
    await get('/v2/zones?type=shared', 400);
    await get('/v2/zones?search_mode=regex', 400);
    await get('/v2/zones?limit=501', 400);
    await get('/v2/zones?marker=nope', 400);
    await get('/v2.1/zones/z1/recordsets?limit=-1', 400);
    await get('/v2.1/zones/z1/recordsets?marker=nope', 400);
    await get('/v2.1/zones/%zz/recordsets', 400);
    const missing = await get<{ code: string }>('/v2.1/zones/z9/recordsets', 404);
    assert.equal(missing.code, 'DNS.0302');
  });

  it('pages record sets by marker (the last id of the previous page); the system sets come first', async () => {
    const first = await get<SetsBody>('/v2.1/zones/z1/recordsets?limit=4');
    assert.deepEqual(first.recordsets.map((s) => [s.type, s.default]), [['SOA', true], ['NS', true], ['A', false], ['TXT', false]]);
    assert.equal(first.metadata.total_count, 9);
    const next = new URL(first.links.next!);
    assert.equal(next.origin, NEXT_LINK_HOST);
    assert.equal(next.searchParams.get('marker'), first.recordsets[3]!.id);
    const second = await get<SetsBody>(`/v2.1/zones/z1/recordsets?limit=4&marker=${first.recordsets[3]!.id}`);
    assert.deepEqual(second.recordsets.map((s) => s.name), ['h2.example.com.', 'h3.example.com.', 'h4.example.com.', 'h5.example.com.']);
    const last = await get<SetsBody>(`/v2.1/zones/z1/recordsets?limit=4&marker=${second.recordsets[3]!.id}`);
    assert.deepEqual(last.recordsets.map((s) => s.status), ['DISABLE']);
    assert.equal(last.links.next, undefined);
    assert.equal(last.recordsets[0]!.line, 'default_view');
  });

  it('filters by name (equal or like), type and status, keeping the filters in the next link', async () => {
    assert.deepEqual((await get<SetsBody>('/v2.1/zones/z1/recordsets?name=H1.example.com&search_mode=equal')).recordsets.map((s) => s.name), ['h1.example.com.']);
    assert.equal((await get<SetsBody>('/v2.1/zones/z1/recordsets?name=h')).recordsets.length, 7);
    assert.equal((await get<SetsBody>('/v2.1/zones/z1/recordsets?type=TXT')).recordsets.length, 3);
    assert.equal((await get<SetsBody>('/v2.1/zones/z1/recordsets?status=DISABLE')).recordsets.length, 1);
    const paged = await get<SetsBody>('/v2.1/zones/z1/recordsets?type=A&limit=1');
    assert.match(paged.links.next!, /type=A/);
    assert.equal((await get<SetsBody>('/v2.1/zones/z3/recordsets')).recordsets.length, 0, 'no system sets when told');
  });

  it('changes show in the next answer; reset restores the zones given', async () => {
    gw.zones.put('z3', { name: 'new.example.org.', type: 'A', records: ['192.0.2.1'] });
    assert.equal((await get<SetsBody>('/v2.1/zones/z3/recordsets')).recordsets.length, 1);
    gw.reset();
    assert.equal((await get<SetsBody>('/v2.1/zones/z3/recordsets')).recordsets.length, 0);
  });

  it('needs a valid signature on the zone paths too', async () => {
    const unsigned = await fetch(`${gw.url}/v2/zones`);
    assert.equal(unsigned.status, 401);
  });
});
