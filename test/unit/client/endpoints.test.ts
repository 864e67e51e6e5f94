import * as assert from 'node:assert/strict';
import { checkEndpoint, dnsEndpoint as endpointForSite, isLoopbackUrl, labelForEndpoint, maskAccessKey, siteOfEndpoint } from '../../../src/core/sites';

describe('sites and masking', () => {
  it('masks an access key to its first and last four characters', () => {
    assert.equal(maskAccessKey('HPUAABCDEFGHIJKL7Q2K'), 'HPUA…7Q2K');
    assert.ok(!maskAccessKey('HPUAABCDEFGHIJKL7Q2K').includes('ABCDEFGHIJKL'));
  });

  it('never shows a short key, only dots', () => {
    for (const key of ['', 'AB', 'ABCDEFGHIJK']) assert.match(maskAccessKey(key), /^•+$/);
  });

  it('maps sites to their regions and back', () => {
    assert.equal(endpointForSite('intl'), 'https://dns.ap-southeast-3.myhuaweicloud.com');
    assert.equal(endpointForSite('cn'), 'https://dns.cn-north-4.myhuaweicloud.com');
    assert.equal(siteOfEndpoint('https://dns.cn-north-4.myhuaweicloud.com/'), 'cn');
    assert.equal(siteOfEndpoint('http://127.0.0.1:9'), undefined);
    assert.equal(labelForEndpoint(endpointForSite('intl')), 'intl');
    assert.equal(labelForEndpoint('http://127.0.0.1:8443'), '127.0.0.1:8443');
  });

  it('accepts https anywhere and http only on loopback', () => {
    assert.deepEqual(checkEndpoint('https://gw.example.com/dns/'), { ok: true, endpoint: 'https://gw.example.com/dns' });
    assert.deepEqual(checkEndpoint('http://localhost:1234'), { ok: true, endpoint: 'http://localhost:1234' });
    for (const bad of ['http://gw.example.com', 'ftp://x', 'https://user:pw@x', 'https://x/?a=1', 'nope']) {
      assert.equal(checkEndpoint(bad).ok, false, bad);
    }
  });

  it('recognises loopback URLs for the sandbox', () => {
    assert.equal(isLoopbackUrl('http://127.0.0.1:5000'), true);
    assert.equal(isLoopbackUrl('https://[::1]:5000'), true);
    assert.equal(isLoopbackUrl('http://10.0.0.1'), false);
    assert.equal(isLoopbackUrl('http://127.0.0.1.evil.com'), false);
  });
});
