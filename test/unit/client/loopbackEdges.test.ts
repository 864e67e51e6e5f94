// Plain http:// is allowed only to loopback, so "is this host loopback?" decides whether signed requests may
// travel in clear text: an address that merely ends like an IPv4-mapped loopback must not pass.
import * as assert from 'node:assert/strict';
import { checkEndpoint, isLoopbackHost, siteOfEndpoint } from '../../../src/core/sites';

describe('loopback and site edges', () => {
  it('IPv4-mapped loopback in the spellings the URL parser and people write', () => {
    for (const h of [new URL('http://[::ffff:127.0.1.1]').hostname, '0000:0000::ffff:7f00:1', '0:0:0:0::ffff:7f00:1', '::ffff:7f00:1']) {
      assert.equal(isLoopbackHost(h), true, h);
    }
  });

  it('a public IPv6 address that only ends or starts like a mapped loopback is not loopback: no plain http to it', () => {
    for (const h of ['2001:db8::ffff:7f00:1', '::ffff:7f00:1:2']) {
      assert.equal(isLoopbackHost(h), false, h);
      assert.deepEqual(checkEndpoint(`http://[${h}]:8080`), { ok: false, reason: 'plain http:// is allowed only for loopback addresses', insecure: true }, h);
    }
  });

  it('recognises a site endpoint written with several trailing slashes', () => {
    assert.equal(siteOfEndpoint('https://dns.cn-north-4.myhuaweicloud.com//'), 'cn');
    assert.equal(siteOfEndpoint('https://dns.ap-southeast-3.myhuaweicloud.com///'), 'intl');
  });
});
