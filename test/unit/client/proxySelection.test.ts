// Which requests go through a proxy: the edges of VS Code's http.proxy / http.noProxy and the environment's
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY that decide whether signed requests to the gateway leave through a proxy.
import * as assert from 'node:assert/strict';
import { matchesNoProxy, proxyFor } from '../../../src/core/proxy';

const gateway = new URL('https://dns.ap-southeast-3.myhuaweicloud.com/v2/zones');
const plain = new URL('http://gw.corp.example/dns');

describe('proxy selection: edges', () => {
  it('prefers the upper-case variable, ignores a blank one and trims the proxy URL', () => {
    assert.equal(proxyFor(gateway, {}, { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' }), 'http://upper:1');
    // A blank HTTPS_PROXY is no proxy: HTTP_PROXY is used instead.
    assert.equal(proxyFor(gateway, {}, { HTTPS_PROXY: '  ', HTTP_PROXY: 'http://fallback:3' }), 'http://fallback:3');
    assert.equal(proxyFor(gateway, {}, { HTTPS_PROXY: '  http://padded:4  ' }), 'http://padded:4');
  });

  it('a blank http.proxy setting leaves the choice to the environment; a set one is trimmed', () => {
    assert.equal(proxyFor(gateway, { proxy: '   ' }, { HTTPS_PROXY: 'http://env:2' }), 'http://env:2');
    assert.equal(proxyFor(gateway, { proxy: ' http://vs:1 ' }, {}), 'http://vs:1');
  });

  it('a plain http:// endpoint uses HTTP_PROXY only, never HTTPS_PROXY', () => {
    assert.equal(proxyFor(plain, {}, { HTTPS_PROXY: 'http://secure:1' }), undefined);
    assert.equal(proxyFor(plain, {}, { HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2' }), 'http://plain:2');
    assert.equal(proxyFor(gateway, {}, { HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2' }), 'http://secure:1');
  });

  it('reads NO_PROXY lists separated by commas, blanks or both, entries in any case', () => {
    const env = (NO_PROXY: string) => ({ NO_PROXY, HTTPS_PROXY: 'http://p:1' });
    assert.equal(proxyFor(gateway, {}, env('intranet.example other.example  DNS.AP-SOUTHEAST-3.MYHUAWEICLOUD.COM')), undefined);
    assert.equal(proxyFor(gateway, {}, env('intranet.example,\t,myhuaweicloud.com')), undefined);
    assert.equal(proxyFor(gateway, {}, env(' , ')), 'http://p:1');
    // The setting's entries are trimmed too, and an empty one matches nothing.
    assert.equal(proxyFor(gateway, { proxy: 'http://p:1', noProxy: ['', '  '] }, {}), 'http://p:1');
    assert.equal(proxyFor(gateway, { proxy: 'http://p:1', noProxy: ['  .MyHuaweiCloud.com  '] }, {}), undefined);
  });

  it('an unset NO_PROXY or an empty entry exempts no host, not even one written with a final dot', () => {
    const fqdn = new URL('https://dns.ap-southeast-3.myhuaweicloud.com./v2/zones');
    assert.equal(proxyFor(fqdn, { proxy: 'http://p:1' }, {}), 'http://p:1');
    assert.equal(proxyFor(fqdn, { proxy: 'http://p:1', noProxy: [''] }, { NO_PROXY: ',' }), 'http://p:1');
    assert.equal(matchesNoProxy(fqdn, ['', ' ']), false);
  });

  it('matches a domain entry against the domain itself and its subdomains, never a longer name', () => {
    const domain = new URL('https://myhuaweicloud.com/');
    for (const entry of ['.myhuaweicloud.com', '*.myhuaweicloud.com', 'myhuaweicloud.com']) {
      assert.equal(matchesNoProxy(domain, [entry]), true, entry);
      assert.equal(matchesNoProxy(gateway, [entry]), true, entry);
      assert.equal(matchesNoProxy(new URL('https://evilmyhuaweicloud.com/'), [entry]), false, entry);
    }
    assert.equal(matchesNoProxy(gateway, ['ap-southeast-3']), false);
  });

  it('compares an entry port with the default port of the scheme', () => {
    assert.equal(matchesNoProxy(plain, ['gw.corp.example:80']), true);
    assert.equal(matchesNoProxy(plain, ['gw.corp.example:443']), false);
    assert.equal(matchesNoProxy(new URL('https://gw.corp.example:8443/'), ['gw.corp.example:8443']), true);
    assert.equal(matchesNoProxy(new URL('https://gw.corp.example:8443/'), ['gw.corp.example:443']), false);
    // Without a port an entry matches every port.
    assert.equal(matchesNoProxy(new URL('https://gw.corp.example:8443/'), ['gw.corp.example']), true);
  });

  it('matches IPv6 entries with or without brackets, with or without a port', () => {
    const v6 = new URL('https://[2001:db8::1]/x');
    const v6port = new URL('https://[2001:db8::1]:8443/x');
    for (const entry of ['2001:db8::1', '[2001:db8::1]', '[2001:DB8::1]', '[2001:db8::1]:443', '2001:db8:0:0:0:0:0:1']) {
      assert.equal(matchesNoProxy(v6, [entry]), true, entry);
    }
    assert.equal(matchesNoProxy(v6port, ['[2001:db8::1]:8443']), true);
    assert.equal(matchesNoProxy(v6port, ['[2001:db8::1]:443']), false);
    assert.equal(matchesNoProxy(v6, ['2001:db8::2']), false);
    assert.equal(proxyFor(v6, { proxy: 'http://p:1' }, { NO_PROXY: '[2001:db8::1]' }), undefined);
  });
});
