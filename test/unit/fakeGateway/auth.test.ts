import { strict as assert } from 'node:assert';
import { formatSdkDate } from '../../../src/core/signing';
import { aTask } from '../../support/builders';
import { LOCKED_MESSAGE, SANDBOX_CREDENTIALS, startFakeGateway, type FakeGateway } from '../../support/fakeGateway';
import { fakeClock, REQUEST_ID_RE, send, signedHeaders, signedSend, type Answer } from './http';

const TASK = aTask({ id: 'ff8080829a0b1c2d019a0b1c2d3e0aaa' });
const OTHER = aTask({ id: 'ff8080829a0b1c2d019a0b1c2d3e0bbb' });
const PATH = `/v2.1/batch-operation-tasks/${TASK.id}?error_item_limit=10&error_item_offset=0`;

function assertAuthFailure(a: Answer, messagePart: RegExp): void {
  assert.equal(a.status, 401, a.text);
  const body = a.json<{ error_code: string; error_msg: string; request_id: string }>();
  assert.equal(body.error_code, 'APIGW.0301');
  assert.match(body.error_msg, /^Incorrect IAM authentication information: /);
  assert.match(body.error_msg, messagePart);
  assert.equal(body.request_id, a.headers['x-request-id']);
  assert.match(body.request_id, REQUEST_ID_RE);
}

describe('fake gateway: authentication', () => {
  const clock = fakeClock();
  let gw: FakeGateway;

  beforeEach(async () => {
    gw = await startFakeGateway({ tasks: [TASK, OTHER], now: clock.now });
  });
  afterEach(() => gw.close());

  const sign = (path: string, o: Parameters<typeof signedHeaders>[2] = {}): Record<string, string> =>
    signedHeaders(gw.url, path, { date: clock.date(), ...o });

  it('accepts a request signed with signRequest and records it as verified', async () => {
    const a = await signedSend(gw.url, PATH, { date: clock.date() });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.json()['id'], TASK.id);
    assert.equal(gw.requests.length, 1);
    assert.equal(gw.requests[0]!.verified, true);
    assert.equal(gw.requests[0]!.accessKey, SANDBOX_CREDENTIALS.accessKey);
  });

  it('rejects a tampered path (signed for one task, sent for another)', async () => {
    const headers = sign(PATH);
    const a = await send(gw.url, { path: PATH.replace(TASK.id, OTHER.id), headers });
    assertAuthFailure(a, /verify aksk signature fail/);
    assert.equal(gw.requests[0]!.verified, false);
  });

  it('rejects a tampered query', async () => {
    const a = await send(gw.url, { path: PATH.replace('limit=10', 'limit=11'), headers: sign(PATH) });
    assertAuthFailure(a, /signature/);
  });

  it('rejects an extra query parameter the signature does not cover', async () => {
    const a = await send(gw.url, { path: `${PATH}&x=1`, headers: sign(PATH) });
    assertAuthFailure(a, /signature/);
  });

  it('rejects a tampered signed header', async () => {
    const headers = sign(PATH, { headers: { 'X-Project-Id': 'aaaa' } });
    const a = await send(gw.url, { path: PATH, headers: { ...headers, 'X-Project-Id': 'bbbb' } });
    assertAuthFailure(a, /signature/);
  });

  it('ignores unsigned headers (they may be added by proxies)', async () => {
    const a = await send(gw.url, { path: PATH, headers: { ...sign(PATH), 'X-Forwarded-For': '10.0.0.1' } });
    assert.equal(a.status, 200, a.text);
  });

  it('hashes the body bytes: a tampered body fails', async () => {
    const headers = sign(PATH, { body: '{"a":1}' });
    assert.equal((await send(gw.url, { path: PATH, headers, body: '{"a":1}' })).status, 200);
    assertAuthFailure(await send(gw.url, { path: PATH, headers, body: '{"a":2}' }), /signature/);
  });

  it('lets a signed X-Sdk-Content-Sha256 replace the body hash, but not an unsigned one', async () => {
    const headers = sign(PATH, { headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' }, body: 'anything' });
    assert.equal((await send(gw.url, { path: PATH, headers, body: 'something else' })).status, 200);
    const plain = sign(PATH, { body: 'signed body' });
    const sneaky = { ...plain, 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' };
    assertAuthFailure(await send(gw.url, { path: PATH, headers: sneaky, body: 'other body' }), /signature/);
  });

  it('rejects a wrong secret and an unknown access key', async () => {
    const wrong = { accessKey: SANDBOX_CREDENTIALS.accessKey, secretKey: 'not-the-secret' };
    assertAuthFailure(await send(gw.url, { path: PATH, headers: sign(PATH, { credentials: wrong }) }), /signature/);
    const unknown = { accessKey: 'HPUAUNKNOWN000000001', secretKey: SANDBOX_CREDENTIALS.secretKey };
    assertAuthFailure(await send(gw.url, { path: PATH, headers: sign(PATH, { credentials: unknown }) }), /HPUAUNKNOWN000000001 not found/);
  });

  it('requires host among the signed headers', async () => {
    const headers = sign(PATH);
    headers['Authorization'] = headers['Authorization']!.replace('host;', '');
    assert.doesNotMatch(headers['Authorization'], /host/);
    assertAuthFailure(await send(gw.url, { path: PATH, headers }), /host is not among the signed headers/);
  });

  it('checks the signature against the Host header as received', async () => {
    const headers = sign(PATH);
    const a = await send(gw.url, { path: PATH, headers: { ...headers, Host: 'dns.ap-southeast-3.myhuaweicloud.com' } });
    assertAuthFailure(a, /signature/);
  });

  it('requires X-Sdk-Date, signed', async () => {
    const headers = sign(PATH);
    const unsigned = { ...headers, Authorization: headers['Authorization']!.replace(';x-sdk-date', '') };
    assertAuthFailure(await send(gw.url, { path: PATH, headers: unsigned }), /X-Sdk-Date is missing or not among the signed headers/);
    const { ['X-Sdk-Date']: _date, ...withoutDate } = headers;
    assertAuthFailure(await send(gw.url, { path: PATH, headers: withoutDate }), /X-Sdk-Date is missing/);
  });

  for (const bad of ['2025-06-17T13:09:15Z', '20250617T130915', '20250230T130915Z', '20250617T240000Z', '']) {
    it(`rejects a malformed X-Sdk-Date ${JSON.stringify(bad)} naming the date`, async () => {
      const a = await send(gw.url, { path: PATH, headers: sign(PATH, { headers: { 'X-Sdk-Date': bad } }) });
      assertAuthFailure(a, /X-Sdk-Date .* is malformed/);
    });
  }

  for (const [label, offsetMin, ok] of [
    ['16 minutes behind', -16, false],
    ['16 minutes ahead', 16, false],
    ['14 minutes behind', -14, true],
    ['14 minutes ahead', 14, true],
  ] as const) {
    it(`${ok ? 'accepts' : 'rejects'} a date ${label} of the gateway clock`, async () => {
      const date = new Date(clock.now() + offsetMin * 60_000);
      const a = await send(gw.url, { path: PATH, headers: signedHeaders(gw.url, PATH, { date }) });
      if (ok) {
        assert.equal(a.status, 200, a.text);
      } else {
        assertAuthFailure(a, new RegExp(`X-Sdk-Date ${formatSdkDate(date)} is 16 minutes ${offsetMin > 0 ? 'ahead of' : 'behind'}.*check the system clock`));
      }
    });
  }

  it('rejects an Authorization header of another scheme', async () => {
    const headers = { ...sign(PATH), Authorization: 'Bearer abc' };
    assertAuthFailure(await send(gw.url, { path: PATH, headers }), /Authorization header is missing or is not SDK-HMAC-SHA256/);
  });

  it('locks a key after five wrong signatures in a row, for five minutes, even for correct ones', async () => {
    const wrong = { accessKey: SANDBOX_CREDENTIALS.accessKey, secretKey: 'wrong' };
    for (let i = 0; i < 4; i++) assertAuthFailure(await send(gw.url, { path: PATH, headers: sign(PATH, { credentials: wrong }) }), /signature fail/);
    assert.equal((await send(gw.url, { path: PATH, headers: sign(PATH) })).status, 200, 'four failures do not lock');
    // The success reset the count: five more are needed.
    for (let i = 0; i < 5; i++) assertAuthFailure(await send(gw.url, { path: PATH, headers: sign(PATH, { credentials: wrong }) }), /signature fail/);
    const locked = await send(gw.url, { path: PATH, headers: sign(PATH) });
    assertAuthFailure(locked, /locked/);
    assert.equal(locked.json()['error_msg'], LOCKED_MESSAGE);
    clock.advance(4 * 60_000);
    assertAuthFailure(await send(gw.url, { path: PATH, headers: sign(PATH) }), /locked/);
    clock.advance(61_000);
    assert.equal((await send(gw.url, { path: PATH, headers: sign(PATH) })).status, 200, 'unlocked after five minutes');
  });

  it('does not lock another key, nor count date errors as signature failures', async () => {
    await gw.close();
    const other = { accessKey: 'HPUAOTHER00000000001', secretKey: 'other-secret' };
    gw = await startFakeGateway({ tasks: [TASK], now: clock.now, credentials: [SANDBOX_CREDENTIALS, other] });
    const stale = new Date(clock.now() - 60 * 60_000);
    for (let i = 0; i < 6; i++) {
      await send(gw.url, { path: PATH, headers: sign(PATH, { credentials: { ...other, secretKey: 'x' } }) });
      await send(gw.url, { path: PATH, headers: signedHeaders(gw.url, PATH, { date: stale }) });
    }
    assert.equal((await send(gw.url, { path: PATH, headers: sign(PATH) })).status, 200);
    assertAuthFailure(await send(gw.url, { path: PATH, headers: sign(PATH, { credentials: other }) }), /locked/);
  });

  it('reset() forgets key locks', async () => {
    const wrong = { accessKey: SANDBOX_CREDENTIALS.accessKey, secretKey: 'wrong' };
    for (let i = 0; i < 5; i++) await send(gw.url, { path: PATH, headers: sign(PATH, { credentials: wrong }) });
    assertAuthFailure(await send(gw.url, { path: PATH, headers: sign(PATH) }), /locked/);
    gw.reset();
    assert.equal(gw.requests.length, 0);
    assert.equal((await send(gw.url, { path: PATH, headers: sign(PATH) })).status, 200);
  });
});

describe('fake gateway: temporary credentials and project id', () => {
  const clock = fakeClock();
  const temp = { accessKey: 'HPUATEMP000000000001', secretKey: 'temp-secret', securityToken: 'gQpjbi1ub3J0aC00token' };
  let gw: FakeGateway;

  beforeEach(async () => {
    gw = await startFakeGateway({ tasks: [TASK], now: clock.now, credentials: [temp], projectId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' });
  });
  afterEach(() => gw.close());

  const headersFor = (extra: Record<string, string>): Record<string, string> =>
    signedHeaders(gw.url, PATH, { date: clock.date(), credentials: temp, headers: extra });

  it('accepts a signed matching X-Security-Token and X-Project-Id, and redacts the token in the record', async () => {
    const a = await send(gw.url, { path: PATH, headers: headersFor({ 'X-Security-Token': temp.securityToken, 'X-Project-Id': '0a1b2c3d4e5f60718293a4b5c6d7e8f9' }) });
    assert.equal(a.status, 200, a.text);
    const rec = gw.requests[0]!;
    assert.equal(rec.headers['x-security-token'], '[redacted]');
    assert.equal(rec.headers['authorization'], '[redacted]');
    assert.equal(rec.headers['x-project-id'], '0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    assert.doesNotMatch(JSON.stringify(gw.requests), /gQpjbi1ub3J0aC00token|Signature=/);
  });

  it('rejects temporary credentials without the token, with an unsigned token, or with another token', async () => {
    const project = { 'X-Project-Id': '0a1b2c3d4e5f60718293a4b5c6d7e8f9' };
    assertAuthFailure(await send(gw.url, { path: PATH, headers: headersFor(project) }), /X-Security-Token/);
    const unsignedToken = { ...headersFor(project), 'X-Security-Token': temp.securityToken };
    assertAuthFailure(await send(gw.url, { path: PATH, headers: unsignedToken }), /X-Security-Token/);
    const other = headersFor({ ...project, 'X-Security-Token': 'another-token' });
    assertAuthFailure(await send(gw.url, { path: PATH, headers: other }), /X-Security-Token/);
  });

  it('rejects a missing, unsigned or different X-Project-Id on DNS APIs', async () => {
    const token = { 'X-Security-Token': temp.securityToken };
    assertAuthFailure(await send(gw.url, { path: PATH, headers: headersFor(token) }), /X-Project-Id/);
    const unsigned = { ...headersFor(token), 'X-Project-Id': '0a1b2c3d4e5f60718293a4b5c6d7e8f9' };
    assertAuthFailure(await send(gw.url, { path: PATH, headers: unsigned }), /X-Project-Id/);
    assertAuthFailure(await send(gw.url, { path: PATH, headers: headersFor({ ...token, 'X-Project-Id': 'ffff' }) }), /X-Project-Id/);
  });

  it('answers the IAM project lookup (signed, without X-Project-Id) with the configured project', async () => {
    const path = '/v3/projects?name=ap-southeast-3';
    const headers = signedHeaders(gw.url, path, { date: clock.date(), credentials: temp, headers: { 'X-Security-Token': temp.securityToken } });
    const a = await send(gw.url, { path, headers });
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.json<{ projects: { id: string; name: string }[] }>().projects.map((p) => [p.id, p.name]), [
      ['0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'ap-southeast-3'],
    ]);
  });
});
