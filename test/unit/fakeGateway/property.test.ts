// Whatever task id and query a client puts in a URL, a request signed by the project's signer and sent the way
// HTTP clients send it (the URL's serialized path and query) is authenticated by the gateway; and the gateway
// never falls over, whatever the bytes.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { startFakeGateway, type FakeGateway } from '../../support/fakeGateway';
import { rawExchange, send, signedHeaders, signedSend } from './http';

describe('fake gateway: properties', () => {
  let gw: FakeGateway;
  before(async () => {
    gw = await startFakeGateway({});
  });
  after(() => gw.close());

  it('authenticates any signed task id and query parameters', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.tuple(text, text), { maxLength: 4 }), async (id, params) => {
        const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const url = new URL(`${gw.url}/v2.1/batch-operation-tasks/${encodeURIComponent(id)}${query ? `?${query}` : ''}`);
        const path = url.pathname + url.search;
        const headers = signedHeaders(gw.url, path);
        const a = await send(gw.url, { path, headers });
        assert.notEqual(a.status, 401, `${path}: ${a.text}`);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps serving after arbitrary bytes on a connection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 40 }), async (junk, line) => {
        await rawExchange(gw.url, Buffer.concat([Buffer.from(`GET /${line} HTTP/1.1\r\nHost: x\r\n`, 'latin1'), Buffer.from(junk), Buffer.from('\r\n\r\n')]));
      }),
      { numRuns: 60 },
    );
    assert.equal((await signedSend(gw.url, '/v2.1/batch-operation-tasks')).status, 200);
  });
});
