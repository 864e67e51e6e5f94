import * as assert from 'node:assert/strict';
import { credentialsFromEnvironment } from '../../../src/auth/environment';
import { sandboxEndpoint, sandboxSignIn } from '../../../src/dev/sandboxEnv';
import { isLoopbackUrl } from '../../../src/core/sites';

describe('credentials from the environment', () => {
  it('reads the HUAWEICLOUD_SDK family with token and project id', () => {
    assert.deepEqual(
      credentialsFromEnvironment({
        HUAWEICLOUD_SDK_AK: ' AK1 ',
        HUAWEICLOUD_SDK_SK: 'SK1',
        HUAWEICLOUD_SDK_SECURITY_TOKEN: 'TOK',
        HUAWEICLOUD_SDK_PROJECT_ID: 'p1',
      }),
      { accessKey: 'AK1', secretKey: 'SK1', securityToken: 'TOK', projectId: 'p1', source: 'HUAWEICLOUD_SDK' },
    );
  });

  it('falls back to CLOUD_SDK and never mixes families', () => {
    assert.deepEqual(credentialsFromEnvironment({ HUAWEICLOUD_SDK_AK: 'AK1', CLOUD_SDK_AK: 'AK2', CLOUD_SDK_SK: 'SK2' }), {
      accessKey: 'AK2',
      secretKey: 'SK2',
      source: 'CLOUD_SDK',
    });
  });

  it('gives nothing without both keys of a family', () => {
    assert.equal(credentialsFromEnvironment({}), undefined);
    assert.equal(credentialsFromEnvironment({ HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: '  ' }), undefined);
    assert.equal(credentialsFromEnvironment({ CLOUD_SDK_SK: 'SK' }), undefined);
  });

  it('enters sandbox mode only for a loopback endpoint', () => {
    assert.equal(sandboxEndpoint({ HUAWEI_DNS_SANDBOX: '1', HUAWEI_DNS_SANDBOX_ENDPOINT: 'http://127.0.0.1:4000/' }, isLoopbackUrl), 'http://127.0.0.1:4000');
    assert.equal(sandboxEndpoint({ HUAWEI_DNS_SANDBOX: '1', HUAWEI_DNS_SANDBOX_ENDPOINT: 'https://dns.ap-southeast-3.myhuaweicloud.com' }, isLoopbackUrl), undefined);
    assert.equal(sandboxEndpoint({ HUAWEI_DNS_SANDBOX: '0', HUAWEI_DNS_SANDBOX_ENDPOINT: 'http://127.0.0.1:4000' }, isLoopbackUrl), undefined);
    assert.equal(sandboxEndpoint({ HUAWEI_DNS_SANDBOX: '1' }, isLoopbackUrl), undefined);
  });
});

describe('sandbox sign-in at activation', () => {
  const env = { HUAWEI_DNS_SANDBOX: '1', HUAWEI_DNS_SANDBOX_ENDPOINT: 'http://127.0.0.1:4000', HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'SK' };

  it('signs in a "sandbox" profile against the loopback endpoint', () => {
    assert.deepEqual(sandboxSignIn(env, false, isLoopbackUrl), { name: 'sandbox', endpoint: 'http://127.0.0.1:4000', accessKey: 'AK', secretKey: 'SK' });
  });

  it('does nothing once a profile exists, without keys, or for a non-loopback endpoint', () => {
    assert.equal(sandboxSignIn(env, true, isLoopbackUrl), undefined);
    assert.equal(sandboxSignIn({ ...env, HUAWEICLOUD_SDK_SK: undefined }, false, isLoopbackUrl), undefined);
    assert.equal(sandboxSignIn({ ...env, HUAWEI_DNS_SANDBOX_ENDPOINT: 'https://dns.example.com' }, false, isLoopbackUrl), undefined);
    assert.equal(sandboxSignIn({ ...env, HUAWEI_DNS_SANDBOX: undefined }, false, isLoopbackUrl), undefined);
  });
});
