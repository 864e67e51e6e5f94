// requireEndpoint's refusal in words: what is wrong with the endpoint, quoting it without what can hold a secret.
import * as assert from 'node:assert/strict';
import { requireEndpoint } from '../../../src/core/client';

function refusal(endpoint: string): string {
  try {
    requireEndpoint(endpoint);
  } catch (e) {
    assert.equal((e as Error).name, 'InsecureEndpointError', endpoint);
    return (e as Error).message;
  }
  return assert.fail(`${endpoint} was accepted`);
}

describe('requireEndpoint: the refusal a person reads', () => {
  it('says an endpoint is not a URL, with an example, quoting at most 100 characters of it', () => {
    assert.equal(refusal('dns example'), '"dns example" cannot be used as the endpoint: it is not a URL (expected e.g. https://dns.ap-southeast-3.myhuaweicloud.com).');
    assert.equal(refusal('x'.repeat(300)), `"${'x'.repeat(100)}" cannot be used as the endpoint: it is not a URL (expected e.g. https://dns.ap-southeast-3.myhuaweicloud.com).`);
  });

  it('names the rule an endpoint breaks, never quoting its password, query or fragment', () => {
    assert.equal(refusal('https://ops:Pa55-w0rd@gw.example/dns/'), '"https://gw.example/dns" cannot be used as the endpoint: it must not contain a user name or password.');
    assert.equal(refusal('https://gw.example/dns?token=abc123'), '"https://gw.example/dns" cannot be used as the endpoint: it must not contain a query or fragment.');
    assert.equal(refusal('  https://gw.example/dns//?x=1'), '"https://gw.example/dns" cannot be used as the endpoint: it must not contain a query or fragment.');
    assert.equal(refusal('https://gw.example/#frag'), '"https://gw.example" cannot be used as the endpoint: it must not contain a query or fragment.');
  });

  it('refuses plain http to another computer as a security matter, by scheme and host only', () => {
    assert.equal(refusal('http://ops:pw@gw.example/dns'), 'Refusing to send signed requests to http://gw.example: use https:// (plain http:// is only allowed to this computer, e.g. http://127.0.0.1).');
  });
});
