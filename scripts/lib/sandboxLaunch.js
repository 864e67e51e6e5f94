// The environment and authentication `npm start` gives code-server. Pure (tested in
// test/unit/harness/sandboxAuth.test.ts); scripts/sandbox.js starts the processes.
'use strict';
const { codeServerAuth, sandboxChildEnv } = require('./sandboxAuth');

/**
 * @param {Record<string, string | undefined>} parent the developer's environment
 * @param {{ endpoint: string, accessKey: string, secretKey: string, password: string }} o
 * @returns {{ env: Record<string, string>, authArgs: string[] }} `env` is complete (the base for code-server)
 */
function sandboxLaunch(parent, o) {
  const auth = codeServerAuth(o.password);
  const env = sandboxChildEnv(parent, {
    HUAWEI_DNS_SANDBOX: '1',
    HUAWEI_DNS_SANDBOX_ENDPOINT: o.endpoint,
    HUAWEICLOUD_SDK_AK: o.accessKey,
    HUAWEICLOUD_SDK_SK: o.secretKey,
    ...auth.env,
  });
  return { env, authArgs: auth.args };
}

module.exports = { sandboxLaunch };
