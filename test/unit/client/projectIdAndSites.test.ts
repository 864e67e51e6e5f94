// The project lookup is made once per key and region (the SDKs' cache), and a failed one is tried again; the
// endpoint rules say in words why an endpoint is refused.
import * as assert from 'node:assert/strict';
import { cachedProjectId, clearProjectIdCache } from '../../../src/core/projectId';
import { checkEndpoint, isLoopbackHost, isLoopbackUrl, isSite, labelForEndpoint, maskAccessKey, regionOfEndpoint } from '../../../src/core/sites';

describe('project id cache', () => {
  beforeEach(() => clearProjectIdCache());
  afterEach(() => clearProjectIdCache());

  it('looks a project up once per access key, region and IAM endpoint, also for concurrent callers', async () => {
    let calls = 0;
    const lookup = async () => {
      calls++;
      await Promise.resolve();
      return `p${calls}`;
    };
    const [a, b] = await Promise.all([cachedProjectId('AK', 'r1', 'https://iam', lookup), cachedProjectId('AK', 'r1', 'https://iam', lookup)]);
    assert.deepEqual([a, b, calls], ['p1', 'p1', 1]);
    assert.equal(await cachedProjectId('AK', 'r2', 'https://iam', lookup), 'p2');
    assert.equal(await cachedProjectId('AK2', 'r1', 'https://iam', lookup), 'p3');
    assert.equal(await cachedProjectId('AK', 'r1', 'https://iam2', lookup), 'p4');
    assert.equal(await cachedProjectId('AK', 'r1', 'https://iam', lookup), 'p1');
    clearProjectIdCache();
    assert.equal(await cachedProjectId('AK', 'r1', 'https://iam', lookup), 'p5');
  });

  it('forgets a failed lookup so the next call tries again', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('IAM down'));
    };
    await assert.rejects(cachedProjectId('AK', 'r', 'i', failing), /IAM down/);
    await Promise.resolve();
    assert.equal(await cachedProjectId('AK', 'r', 'i', () => Promise.resolve('ok')), 'ok');
    assert.equal(calls, 1);
  });
});

describe('endpoint rules in words', () => {
  it('says why an endpoint is refused and whether it is a security matter', () => {
    assert.deepEqual(checkEndpoint('nope'), { ok: false, reason: 'not a URL', insecure: false });
    assert.deepEqual(checkEndpoint('ftp://gw.example'), { ok: false, reason: 'must start with https://', insecure: true });
    assert.deepEqual(checkEndpoint('http://gw.example'), { ok: false, reason: 'plain http:// is allowed only for loopback addresses', insecure: true });
    assert.deepEqual(checkEndpoint('https://user@gw.example'), { ok: false, reason: 'must not contain a user name or password', insecure: false });
    assert.deepEqual(checkEndpoint('https://:pw@gw.example'), { ok: false, reason: 'must not contain a user name or password', insecure: false });
    assert.deepEqual(checkEndpoint('https://gw.example/#x'), { ok: false, reason: 'must not contain a query or fragment', insecure: false });
    assert.deepEqual(checkEndpoint('  https://gw.example/dns///  '), { ok: true, endpoint: 'https://gw.example/dns' });
    assert.deepEqual(checkEndpoint('http://127.0.0.1:8080/'), { ok: true, endpoint: 'http://127.0.0.1:8080' });
  });

  it('knows the vendor hosts of every site and only those', () => {
    assert.equal(regionOfEndpoint('https://iam.cn-north-4.myhuaweicloud.com'), 'cn-north-4');
    assert.equal(regionOfEndpoint('https://dns.eu-west-101.myhuaweicloud.eu'), 'eu-west-101');
    assert.equal(regionOfEndpoint('https://dns.cn-north-4.myhuaweicloud.cn'), 'cn-north-4');
    for (const url of ['https://obs.cn-north-4.myhuaweicloud.com', 'https://dns.cn-north.myhuaweicloud.com', 'https://dns.c-north-4.myhuaweicloud.com', 'https://xdns.cn-north-4.myhuaweicloud.com', 'https://dns.cn-north-4.myhuaweicloud.org']) {
      assert.equal(regionOfEndpoint(url), undefined, url);
    }
  });

  it('treats only loopback as local, in every spelling', () => {
    for (const h of ['LOCALHOST', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1', '127.255.255.255']) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ['x127.0.0.1', '127.0.0.1.example', '::ffff:10.0.0.1', 'mylocalhost', '127.0.0']) assert.equal(isLoopbackHost(h), false, h);
    assert.equal(isLoopbackUrl('https://127.0.0.1:1/x'), true);
    assert.equal(isLoopbackUrl('http://[::1]:8080'), true);
    assert.equal(isLoopbackUrl('ftp://127.0.0.1'), false);
    assert.equal(isLoopbackUrl('http://example.com'), false);
    assert.equal(isLoopbackUrl('::'), false);
  });

  it('labels a custom endpoint by its host and an unparseable one as it is', () => {
    assert.equal(labelForEndpoint('https://dns.cn-north-4.myhuaweicloud.com'), 'cn');
    assert.equal(labelForEndpoint('https://gw.example:8443/dns'), 'gw.example:8443');
    assert.equal(labelForEndpoint('not a url'), 'not a url');
  });

  it('masks a key of twelve characters and dots shorter ones to their length (at least four)', () => {
    assert.equal(maskAccessKey('ABCDEFGHIJKL'), 'ABCD…IJKL');
    assert.equal(maskAccessKey('ABCDEFGHIJK'), '•••••••••••');
    assert.equal(maskAccessKey('AB'), '••••');
  });

  it('accepts exactly the two site names', () => {
    assert.deepEqual(['intl', 'cn', 'INTL', 'eu', undefined].map(isSite), [true, true, false, false, false]);
  });
});
