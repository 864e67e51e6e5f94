// The gateway accepts exactly what the vendor's own SDK signer produced (signing-vectors.json), independently of
// the project's signer, and refuses any one-character change of it.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSdkDate } from '../../../src/core/signing';
import { startFakeGateway, verifyRequest, type FakeCredentials } from '../../support/fakeGateway';
import type { ReceivedRequest } from '../../support/fakeGateway/auth';
import { send } from './http';

interface Vector {
  name: string;
  input: { method: string; url: string; headers: Record<string, string>; body: string | null; accessKey: string; secretKey: string; sdkDate: string };
  expected: { authorization: string; signature: string };
}

// out/test/unit/fakeGateway → repo root is four levels up; shared/ sits beside the repo.
const VECTORS = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'api', 'signing-vectors.json');

function received(v: Vector, authorization: string): { req: ReceivedRequest; credentials: FakeCredentials[]; now: number } {
  const afterHost = v.input.url.replace(/^https?:\/\/[^/]+/, '');
  const q = afterHost.indexOf('?');
  const rawHeaders: string[] = [];
  for (const [k, val] of Object.entries(v.input.headers)) rawHeaders.push(k, val);
  rawHeaders.push('Authorization', authorization);
  const token = Object.entries(v.input.headers).find(([k]) => k.toLowerCase() === 'x-security-token')?.[1];
  return {
    req: {
      method: v.input.method,
      rawPath: q < 0 ? afterHost : afterHost.slice(0, q),
      rawQuery: q < 0 ? '' : afterHost.slice(q + 1),
      rawHeaders,
      body: Buffer.from(v.input.body ?? '', 'utf8'),
    },
    credentials: [{ accessKey: v.input.accessKey, secretKey: v.input.secretKey, securityToken: token }],
    now: parseSdkDate(v.input.sdkDate)!.getTime(),
  };
}

describe('fake gateway: the vendor signing vectors', function () {
  let vectors: Vector[] = [];
  before(function () {
    if (!existsSync(VECTORS)) {
      console.log(`    (skipped: ${VECTORS} is absent)`);
      this.skip();
    }
    vectors = (JSON.parse(readFileSync(VECTORS, 'utf8')) as { vectors: Vector[] }).vectors;
    assert.ok(vectors.length > 0);
  });

  it('verifies every vector signed by the vendor SDK', () => {
    for (const v of vectors) {
      const { req, credentials, now } = received(v, v.expected.authorization);
      const result = verifyRequest(req, credentials, now, 15 * 60_000);
      assert.ok(result.ok, `${v.name}: ${result.ok ? '' : result.message}`);
    }
  });

  it('refuses every vector with one signature character changed', () => {
    for (const v of vectors) {
      const last = v.expected.signature.slice(-1);
      const flipped = v.expected.authorization.slice(0, -1) + (last === '0' ? '1' : '0');
      const { req, credentials, now } = received(v, flipped);
      const result = verifyRequest(req, credentials, now, 15 * 60_000);
      assert.ok(!result.ok && result.badSignature, v.name);
    }
  });

  it('authenticates a vendor-signed request sent over the wire with its own Host header', async () => {
    const v = vectors.find((x) => x.name === 'get-task-both-params');
    assert.ok(v, 'vector get-task-both-params');
    const { now } = received(v, v.expected.authorization);
    const gw = await startFakeGateway({
      now: () => now,
      credentials: [{ accessKey: v.input.accessKey, secretKey: v.input.secretKey }],
    });
    try {
      const path = v.input.url.replace(/^https?:\/\/[^/]+/, '');
      const a = await send(gw.url, { path, headers: { ...v.input.headers, Authorization: v.expected.authorization } });
      // Past authentication, the DNS service does not know the task: 404 DNS.0004, not 401.
      assert.equal(a.status, 404, a.text);
      assert.equal(a.json()['code'], 'DNS.0004');
      assert.equal(gw.requests[0]!.verified, true);
    } finally {
      await gw.close();
    }
  });
});
