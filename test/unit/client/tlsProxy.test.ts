// TLS verification, a custom CA and the proxy, against a real HTTPS server and a real CONNECT proxy on loopback.
// The proxy resolves every CONNECT target to the local server, so "dns.test.invalid" never touches real DNS.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { createServer as createTlsServer } from 'node:tls';
import * as path from 'node:path';
import { createDnsClient } from '../../../src/core/client';
import { failure } from './apiFailure';
import type { DnsClient, DnsClientOptions } from '../../../src/core/types';

const ID = 'ff80808297a1b2c30197a1b2c3d40001';
const CREDS = { accessKey: 'AKTLS', secretKey: 'tls-test-secret-0123456789abcdef' };
const TASK = { id: ID, type: 'create', status: 'DONE', created_at: '2025-06-17 13:09:15', success_count: 1, error_count: 0 };

function makeCert(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'dns-client-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=dns.test.invalid', '-addext', 'subjectAltName=DNS:dns.test.invalid,DNS:localhost,IP:127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('client: TLS and proxy', function () {
  const pem = makeCert();
  let https: HttpsServer;
  let proxy: Server;
  let httpsPort = 0;
  let proxyUrl = '';
  const connects: string[] = [];
  let handshakes = 0;
  const sockets = new Set<Socket>();
  const clients: DnsClient[] = [];
  const client = (o: Partial<DnsClientOptions>) => {
    const c = createDnsClient({ endpoint: `https://localhost:${httpsPort}`, credentials: CREDS, projectId: 'p', maxRetries: 2, sleep: () => Promise.resolve(), ...o });
    clients.push(c);
    return c;
  };

  before(async function () {
    if (!pem) {
      console.log('    (skipped: openssl is not available to make a test certificate)');
      this.skip();
    }
    https = createHttpsServer({ key: pem.key, cert: pem.cert }, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'tls-1' });
      res.end(JSON.stringify(TASK));
    });
    https.on('connection', () => handshakes++);
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
    httpsPort = (https.address() as AddressInfo).port;
    proxy = createNetServer((socket) => {
      sockets.add(socket);
      socket.once('data', (head) => {
        const line = head.toString('latin1').split('\r\n')[0] ?? '';
        connects.push(line);
        const upstream = connect(httpsPort, '127.0.0.1', () => {
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(socket).pipe(upstream);
        });
        sockets.add(upstream);
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    connects.length = 0;
    handshakes = 0;
  });
  afterEach(async () => Promise.all(clients.splice(0).map((c) => c.close())));
  after(async () => {
    for (const s of sockets) s.destroy();
    await Promise.all([new Promise((r) => https?.close(r)), new Promise((r) => proxy?.close(r))]);
  });

  it('refuses an untrusted certificate with a NetworkError pointing at huaweiDns.caFile, not retried', async () => {
    const e = await failure(client({}).getTask(ID));
    assert.equal(e.name, 'NetworkError');
    assert.equal(e.retryable, false);
    assert.match(e.message, /not trusted .*huaweiDns\.caFile/);
    assert.equal(handshakes, 1, 'a certificate problem is not retried');
  });

  it('trusts a configured CA bundle in addition to the system roots', async () => {
    const task = await client({ ca: pem!.cert }).getTask(ID);
    assert.equal(task.id, ID);
  });

  it('skips verification only when explicitly asked (rejectUnauthorized: false)', async () => {
    assert.equal((await client({ rejectUnauthorized: false }).getTask(ID)).id, ID);
  });

  it('tunnels through the configured proxy with CONNECT, verifying TLS end to end with the custom CA', async () => {
    const task = await client({ endpoint: 'https://dns.test.invalid', proxy: proxyUrl, ca: pem!.cert }).getTask(ID);
    assert.equal(task.id, ID);
    assert.deepEqual(connects, ['CONNECT dns.test.invalid:443 HTTP/1.1']);
  });

  it('reaches an HTTPS proxy whose certificate the configured CA signed', async () => {
    // The same CONNECT handling, behind TLS: the connection to the proxy must trust huaweiDns.caFile too.
    const tlsProxy = createTlsServer({ key: pem!.key, cert: pem!.cert }, (socket) => proxy.emit('connection', socket));
    await new Promise<void>((r) => tlsProxy.listen(0, '127.0.0.1', r));
    const c = client({ endpoint: 'https://dns.test.invalid', proxy: `https://localhost:${(tlsProxy.address() as AddressInfo).port}`, ca: pem!.cert });
    try {
      assert.equal((await c.getTask(ID)).id, ID);
      assert.deepEqual(connects, ['CONNECT dns.test.invalid:443 HTTP/1.1']);
    } finally {
      await c.close();
      await new Promise((r) => tlsProxy.close(r));
    }
  });

  it('takes the proxy from HTTPS_PROXY and honours NO_PROXY', async () => {
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
    try {
      process.env.HTTPS_PROXY = proxyUrl;
      delete process.env.NO_PROXY;
      assert.equal((await client({ endpoint: 'https://dns.test.invalid', ca: pem!.cert }).getTask(ID)).id, ID);
      assert.equal(connects.length, 1);
      // Loopback is never proxied, whatever the environment says.
      assert.equal((await client({ ca: pem!.cert }).getTask(ID)).id, ID);
      assert.equal(connects.length, 1);
      // A NO_PROXY host goes direct: here that means a failed lookup of the .invalid name, and no CONNECT.
      process.env.NO_PROXY = 'other.example, .test.invalid';
      const e = await failure(client({ endpoint: 'https://dns.test.invalid', ca: pem!.cert, maxRetries: 0, timeoutMs: 3000 }).getTask(ID));
      assert.ok(e.name === 'NetworkError' || e.name === 'TimeoutError', e.message);
      assert.equal(connects.length, 1);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('still refuses an untrusted certificate through the proxy', async () => {
    const e = await failure(client({ endpoint: 'https://dns.test.invalid', proxy: proxyUrl }).getTask(ID));
    assert.equal(e.name, 'NetworkError');
    assert.match(e.message, /not trusted/);
  });
});
