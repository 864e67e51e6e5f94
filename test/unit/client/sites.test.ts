import * as assert from 'node:assert/strict';
import { requireEndpoint } from '../../../src/core/client';
import { matchesNoProxy, proxyFor } from '../../../src/core/proxy';
import { SITES, dnsEndpoint, iamEndpoint, isLoopbackHost, regionOfEndpoint } from '../../../src/core/sites';

describe('sites and endpoints', () => {
  it('knows one region per site', () => {
    assert.equal(SITES.intl.region, 'ap-southeast-3');
    assert.equal(SITES.cn.region, 'cn-north-4');
    assert.equal(dnsEndpoint('intl'), 'https://dns.ap-southeast-3.myhuaweicloud.com');
    assert.equal(iamEndpoint('cn-north-4'), 'https://iam.cn-north-4.myhuaweicloud.com');
  });

  it('finds the region of vendor endpoints only', () => {
    assert.equal(regionOfEndpoint('https://dns.ap-southeast-3.myhuaweicloud.com'), 'ap-southeast-3');
    assert.equal(regionOfEndpoint('https://DNS.cn-north-4.myhuaweicloud.com/'), 'cn-north-4');
    for (const url of ['http://dns.ap-southeast-3.myhuaweicloud.com', 'https://dns.ap-southeast-3.myhuaweicloud.com.evil.io', 'http://127.0.0.1:1', 'https://gw.corp.example', 'nonsense']) {
      assert.equal(regionOfEndpoint(url), undefined, url);
    }
  });

  it('recognises loopback hosts', () => {
    for (const h of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '[::1]', '[0:0:0:0:0:0:0:1]', '::ffff:127.0.0.1', new URL('http://[::ffff:127.0.0.1]').hostname]) {
      assert.equal(isLoopbackHost(h), true, h);
    }
    // Names under .localhost (and localhost. itself) go through DNS on many systems: not loopback (issue #14).
    for (const h of ['api.localhost', 'foo.localhost', 'localhost.', 'localhost.example.com', '10.0.0.1', '128.0.0.1', '127.0.0.256', '127.1', 'example.com', '::2', '::ffff:10.0.0.1', new URL('http://[::ffff:10.0.0.1]').hostname]) {
      assert.equal(isLoopbackHost(h), false, h);
    }
    assert.throws(() => requireEndpoint('http://foo.localhost:8080'), { name: 'InsecureEndpointError' });
    assert.equal(requireEndpoint('http://[::1]:8080/'), 'http://[::1]:8080');
  });

  it('normalises an allowed endpoint to origin plus path prefix', () => {
    assert.equal(requireEndpoint('https://dns.ap-southeast-3.myhuaweicloud.com/'), 'https://dns.ap-southeast-3.myhuaweicloud.com');
    assert.equal(requireEndpoint('https://gw.example/dns/'), 'https://gw.example/dns');
    for (const bad of ['https://user:pw@gw.example', 'https://gw.example/?a=1', 'https://gw.example/#x', 'http://gw.example', 'nope']) {
      assert.throws(() => requireEndpoint(bad), { name: 'InsecureEndpointError' }, bad);
    }
  });

  describe('proxy selection', () => {
    const https = new URL('https://dns.ap-southeast-3.myhuaweicloud.com/x');
    it('uses the configured proxy, then HTTPS_PROXY / https_proxy, then HTTP_PROXY', () => {
      assert.equal(proxyFor(https, { proxy: 'http://vs:1' }, { HTTPS_PROXY: 'http://env:2' }), 'http://vs:1');
      assert.equal(proxyFor(https, {}, { https_proxy: 'http://env:2' }), 'http://env:2');
      assert.equal(proxyFor(https, {}, { HTTP_PROXY: 'http://env:3' }), 'http://env:3');
      assert.equal(proxyFor(https, {}, {}), undefined);
    });
    it('honours NO_PROXY / no_proxy and the noProxy setting, and never proxies loopback', () => {
      assert.equal(proxyFor(https, { proxy: 'http://p:1' }, { NO_PROXY: '.myhuaweicloud.com' }), undefined);
      assert.equal(proxyFor(https, { proxy: 'http://p:1' }, { no_proxy: 'other.com, myhuaweicloud.com' }), undefined);
      assert.equal(proxyFor(https, { proxy: 'http://p:1', noProxy: ['*.myhuaweicloud.com'] }, {}), undefined);
      assert.equal(proxyFor(new URL('http://127.0.0.1:9/x'), { proxy: 'http://p:1' }, {}), undefined);
      assert.equal(proxyFor(https, { proxy: 'http://p:1' }, { NO_PROXY: 'huaweicloud.com.cn' }), 'http://p:1');
    });
    it('matches NO_PROXY entries with ports and *', () => {
      assert.equal(matchesNoProxy(https, ['dns.ap-southeast-3.myhuaweicloud.com:443']), true);
      assert.equal(matchesNoProxy(https, ['dns.ap-southeast-3.myhuaweicloud.com:8443']), false);
      assert.equal(matchesNoProxy(https, ['*']), true);
      assert.equal(matchesNoProxy(https, ['cloud.com']), false);
    });
  });
});
