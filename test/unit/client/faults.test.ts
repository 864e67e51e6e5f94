// The client against scripted gateway faults: error bodies, throttling, retries, hangs, resets, cut-off and huge
// answers, HTML, cancellation, refused endpoints, hostile ids — and never a secret in what it throws.
import * as assert from 'node:assert/strict';
import { createDnsClient } from '../../../src/core/client';
import type { ApiError } from '../../../src/core/errors';
import { failure } from './apiFailure';
import { aTask } from '../../support/builders';
import { CREDS, receivedRequests, useGateway } from './helpers';

const ID = 'ff80808297a1b2c30197a1b2c3d40001';
const TASK_RE = /batch-operation-tasks\//;

describe('client: faults', () => {
  const h = useGateway({ tasks: [aTask({ id: ID })] });

  describe('error bodies', () => {
    it('maps a DNS body {code, message}', async () => {
      h.gw.enqueue(TASK_RE, { status: 400, body: { code: 'DNS.0002', message: 'Invalid input.' } });
      const e = await failure(h.client().getTask(ID));
      assert.equal(e.name, 'ApiError');
      assert.equal(e.status, 400);
      assert.equal(e.code, 'DNS.0002');
      assert.equal(e.requestId, h.gw.requests[0]!.requestId);
      assert.match(e.message, /Invalid input\./);
      assert.equal(h.gw.requests.length, 1, '400 is never retried');
    });

    it('maps a gateway body {error_code, error_msg, request_id}, taking the request id from the body when the header is missing', async () => {
      h.gw.enqueue(TASK_RE, { status: 401, headers: { 'X-Request-Id': '' }, body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail', request_id: 'body-req-1' } });
      const e = await failure(h.client().getTask(ID));
      assert.equal(e.name, 'AuthError');
      assert.equal(e.code, 'APIGW.0301');
      assert.equal(e.requestId, 'body-req-1');
      assert.match(e.message, /access key and secret key/);
      assert.equal(h.gw.requests.length, 1, 'auth failures are never retried');
    });

    it('maps a nested {error: {code, message}} 403 to a permission error naming the IAM action', async () => {
      h.gw.enqueue(TASK_RE, { status: 403, body: { error: { code: 'DNS.1802', message: 'Policy doesn\'t allow dns:zone:get' } } });
      const e = await failure(h.client().getTask(ID));
      assert.equal(e.name, 'AuthError');
      assert.equal(e.code, 'DNS.1802');
      assert.match(e.message, /dns:zone:getPublicZoneBatchOperationResult/);
      assert.equal((e as ApiError & { action?: string }).action, 'dns:zone:getPublicZoneBatchOperationResult');
    });

    it('turns the real gateway 404 into "no task with id … in region …: wrong site?"', async () => {
      const missing = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
      const e = await failure(h.client({ region: 'cn-north-4', projectId: 'p' }).getTask(missing));
      assert.equal(e.name, 'NotFoundError');
      assert.equal(e.code, 'DNS.0004');
      assert.match(e.message, new RegExp(`No task with id ${missing} in region cn-north-4: wrong site\\?`));
      assert.equal(h.gw.requests.length, 1);
    });

    it('a wrong secret key is an AuthError after exactly one request', async () => {
      const e = await failure(h.client({ credentials: { ...CREDS, secretKey: 'wrong-secret-key-xxxxxxxxxxxxxxxx' } }).getTask(ID));
      assert.equal(e.name, 'AuthError');
      assert.equal(e.status, 401);
      assert.equal(h.gw.requests.length, 1);
    });

    it('a clock 20 minutes off is a ClockSkewError telling to check the system clock', async () => {
      const e = await failure(h.client({ now: () => Date.now() + 20 * 60_000 }).getTask(ID));
      assert.equal(e.name, 'ClockSkewError');
      assert.match(e.message, /check the system clock/);
      assert.equal(h.gw.requests.length, 1);
    });
  });

  describe('throttling and retries', () => {
    it('429 with Retry-After: waits that long, then succeeds', async () => {
      h.gw.enqueue(TASK_RE, { status: 429, headers: { 'Retry-After': '7' }, body: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' } });
      const task = await h.client().getTask(ID);
      assert.equal(task.id, ID);
      assert.deepEqual(h.sleeps, [7000]);
    });

    it('429 without Retry-After: exponential backoff with full jitter', async () => {
      h.gw.enqueue(TASK_RE, { status: 429, body: { error_code: 'APIGW.0308', error_msg: 'throttled' } }, { status: 429, body: { error_code: 'APIGW.0308', error_msg: 'throttled' } });
      await h.client().getTask(ID);
      assert.deepEqual(h.sleeps, [250, 500]);
    });

    it('429 for ever: a ThrottledError that says when to try again, after 1 + maxRetries attempts', async () => {
      const busy = { status: 429, headers: { 'Retry-After': '2' }, body: { error_code: 'APIGW.0308', error_msg: 'throttled' } };
      h.gw.enqueue(TASK_RE, busy, busy, busy);
      const e = await failure(h.client({ maxRetries: 2 }).getTask(ID));
      assert.equal(e.name, 'ThrottledError');
      assert.equal((e as ApiError & { retryAfterMs?: number }).retryAfterMs, 2000);
      assert.match(e.message, /Gave up after 3 attempts\. Try again in 2 s/);
      assert.equal(h.gw.requests.length, 3);
    });

    it('503 then success', async () => {
      h.gw.enqueue(TASK_RE, { status: 503, body: { code: 'DNS.0000', message: 'busy' } });
      assert.equal((await h.client().getTask(ID)).id, ID);
      assert.equal(h.gw.requests.length, 2);
    });

    it('HTML 502 for ever: "HTTP 502 from the gateway (request id …)"', async () => {
      h.gw.enqueue(TASK_RE, { kind: 'html', status: 502 }, { kind: 'html', status: 502 });
      const e = await failure(h.client({ maxRetries: 1 }).getTask(ID));
      assert.equal(e.name, 'ServerError');
      assert.equal(e.message, `HTTP 502 from the gateway (request id ${h.gw.requests[1]!.requestId})`);
    });

    it('an empty 500 body is a ServerError, not a JSON parse error', async () => {
      h.gw.enqueue(TASK_RE, { status: 500, body: '' });
      const e = await failure(h.client({ maxRetries: 0 }).getTask(ID));
      assert.equal(e.name, 'ServerError');
      assert.equal(e.status, 500);
    });
  });

  describe('broken answers', () => {
    it('HTML with 200 is a ResponseShapeError quoting the start of the body', async () => {
      h.gw.enqueue(TASK_RE, { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html><body>' + 'Login to the portal '.repeat(50) + '</body></html>' });
      const e = await failure(h.client().getTask(ID));
      assert.equal(e.name, 'ResponseShapeError');
      assert.match(e.message, /\(body\) is not JSON/);
      assert.ok(e.message.length < 400, e.message);
    });

    it('JSON of the wrong shape names the field, never dumps zod', async () => {
      h.gw.enqueue(TASK_RE, { status: 200, body: { tasks: [{ id: ID, type: 'create', status: 'DONE', created_at: 'x', success_count: 'many', error_count: 0 }] } });
      const e = await failure(h.client().getTask(ID));
      assert.equal(e.name, 'ResponseShapeError');
      assert.equal((e as ApiError & { field?: string }).field, 'tasks[0].success_count');
      assert.ok(!/invalid_type|"code"|expected":/.test(e.message), e.message);
    });

    it('a hung server ends in a TimeoutError', async () => {
      h.gw.enqueue(TASK_RE, { kind: 'hang' });
      const e = await failure(h.client({ timeoutMs: 300, maxRetries: 0 }).getTask(ID));
      assert.equal(e.name, 'TimeoutError');
      assert.equal(e.retryable, true);
    });

    it('a reset connection is a NetworkError, retried', async () => {
      h.gw.enqueue(TASK_RE, { kind: 'reset' });
      const e = await failure(h.client({ maxRetries: 0 }).getTask(ID));
      assert.equal(e.name, 'NetworkError');
      h.gw.enqueue(TASK_RE, { kind: 'reset' });
      assert.equal((await h.client().getTask(ID)).id, ID);
    });

    it('half a body is a NetworkError, not a parse error', async () => {
      h.gw.enqueue(TASK_RE, { kind: 'halfBody' });
      const e = await failure(h.client({ maxRetries: 0 }).getTask(ID));
      assert.equal(e.name, 'NetworkError');
    });

    it('a 100 MB answer is cut off at the cap', async () => {
      h.gw.enqueue(TASK_RE, { kind: 'huge', bytes: 100 * 1024 * 1024 });
      const e = await failure(h.client().getTask(ID));
      assert.equal(e.name, 'ResponseTooLargeError');
      assert.match(e.message, /larger than 32 MiB/);
    });

    it('a 100 MB chunked answer (no Content-Length) is cut off while streaming', async () => {
      h.gw.enqueue(TASK_RE, { kind: 'huge', bytes: 100 * 1024 * 1024, chunked: true });
      const e = await failure(h.client({ maxResponseBytes: 1024 * 1024 }).getTask(ID));
      assert.equal(e.name, 'ResponseTooLargeError');
      assert.equal(h.gw.requests.length, 1, 'not retried');
    });
  });

  describe('cancellation and refusals', () => {
    it('aborting mid-request rejects at once with CancelledError', async () => {
      h.gw.enqueue(TASK_RE, { kind: 'hang' });
      const controller = new AbortController();
      const p = h.client({ timeoutMs: 60_000 }).getTask(ID, { signal: controller.signal });
      await receivedRequests(h.gw, 1);
      controller.abort();
      const e = await failure(p);
      assert.equal(e.name, 'CancelledError');
      assert.equal(h.gw.requests.length, 1);
    });

    it('an already aborted signal sends nothing', async () => {
      const e = await failure(h.client().getTask(ID, { signal: AbortSignal.abort() }));
      assert.equal(e.name, 'CancelledError');
      assert.equal(h.gw.requests.length, 0);
    });

    it('refuses http to a non-loopback host before any connection', () => {
      for (const endpoint of ['http://example.com', `http://localhost.example.com:${h.gw.port}`, 'http://10.0.0.1:8080', 'ftp://127.0.0.1', 'not a url']) {
        assert.throws(() => createDnsClient({ endpoint, credentials: CREDS }), { name: 'InsecureEndpointError' }, endpoint);
      }
      assert.equal(h.gw.requests.length, 0);
      // Loopback http is fine (tests, sandbox), and so is https anywhere.
      for (const endpoint of [h.gw.url, `http://localhost:${h.gw.port}`, `http://[::1]:${h.gw.port}`, 'https://dns.example.com']) {
        void createDnsClient({ endpoint, credentials: CREDS }).close();
      }
    });

    it('hostile task ids never reach the URL', async () => {
      const c = h.client();
      for (const id of ['../batch-operation-tasks', '..', 'a?error_item_limit=1', 'a%2Fb', 'a/b', 'x'.repeat(65), '']) {
        const e = await failure(c.getTask(id));
        assert.equal(e.name, 'InvalidTaskIdError', id);
        const e2 = await failure(c.getAllErrorItems(id));
        assert.equal(e2.name, 'InvalidTaskIdError', id);
      }
      assert.equal(h.gw.requests.length, 0);
    });

    it('a closed client refuses further requests', async () => {
      const c = h.client();
      await c.close();
      assert.equal((await failure(c.getTask(ID))).name, 'CancelledError');
    });
  });

  it('never puts a secret key or token into an error message, stack or JSON', async () => {
    const token = 'security-token-value-abcdefghijklmnop';
    const creds = { ...CREDS, securityToken: token };
    const echo = `${CREDS.secretKey} ${token}`;
    h.gw.enqueue(TASK_RE,
      { status: 400, body: { code: 'DNS.0002', message: `bad ${echo}` } },
      { status: 200, body: `not json ${echo}` },
      { status: 200, body: { id: ID, type: echo, status: 1 } },
      { status: 502, body: { error_code: echo, error_msg: echo, request_id: echo } },
      { status: 403, headers: { 'X-Request-Id': echo }, body: { error: { code: 'DNS.1802', message: echo } } },
    );
    const c = h.client({ credentials: creds, maxRetries: 0 });
    const errors = [await failure(c.getTask(ID)), await failure(c.getTask(ID)), await failure(c.getTask(ID)), await failure(c.getTask(ID)), await failure(c.getTask(ID))];
    for (const e of errors) {
      const everything = [e.message, e.stack, JSON.stringify(e), JSON.stringify(h.log)].join('\n');
      assert.ok(!everything.includes(CREDS.secretKey), everything);
      assert.ok(!everything.includes(token), everything);
    }
  });
});
