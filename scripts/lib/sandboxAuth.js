// What keeps `npm start` to the person who started it: code-server with a random password instead of
// `--auth none` (any local process or web page could otherwise drive the workbench and its terminal), a
// one-click login page whose URL carries that password in its fragment, and a child environment without the
// developer's own cloud credentials (a real HUAWEICLOUD_SDK_SECURITY_TOKEN would otherwise be stored beside
// the sandbox keys). The builders are pure and unit-tested (test/unit/harness/sandboxAuth.test.ts).
'use strict';
const crypto = require('node:crypto');
const http = require('node:http');

// The vendor SDKs' variables, and the usual names of other tokens a developer's shell holds.
const CREDENTIAL_NAME = [
  /^HUAWEICLOUD_/i,
  /^CLOUD_SDK_/i,
  /^(HW|HUAWEI|OBS|IAM)_.*(AK|SK|KEY|TOKEN|SECRET|PASSWORD)/i,
  /^(AWS|AZURE|GOOGLE|GCP|GCLOUD|ALIBABA_CLOUD|ALICLOUD|TENCENTCLOUD|OS|OPENSTACK)_/i,
  /(^|_)(ACCESS_KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIALS?|API_KEY|PRIVATE_KEY)(_|$)/i,
  /^(GITHUB|GH|GITLAB|NPM|NODE_AUTH|DOCKER|HF|HUGGING_FACE|OPENAI|ANTHROPIC)_/i,
  /^(PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN)$/i,
];

/** True for a variable that may hold a credential of the person running the sandbox. */
function isCredentialVariable(name) {
  return CREDENTIAL_NAME.some((re) => re.test(name));
}

/**
 * The environment for code-server (and so the extension host): the parent's without any credential
 * variable, then `extra` (the sandbox's own keys and the code-server password), which always wins.
 * @param {Record<string, string | undefined>} parent
 * @param {Record<string, string>} extra
 */
function sandboxChildEnv(parent, extra) {
  const env = {};
  for (const [k, v] of Object.entries(parent)) if (v !== undefined && !isCredentialVariable(k)) env[k] = v;
  return { ...env, ...extra };
}

/** A fresh random password (144 bits, URL-safe). */
function newSandboxPassword() {
  return crypto.randomBytes(18).toString('base64url');
}

/** code-server's authentication arguments and environment: a password it reads from $PASSWORD, never `none`. */
function codeServerAuth(password) {
  if (typeof password !== 'string' || password.length < 16) throw new Error('the sandbox needs a random password of at least 16 characters');
  return { args: ['--auth', 'password'], env: { PASSWORD: password } };
}

/**
 * The login page: holds no secret itself. It reads the password from its own URL's fragment (never sent to a
 * server or written to a log), posts it to code-server's /login and removes it from the address bar.
 * @param {string} codeServerOrigin e.g. http://127.0.0.1:8080
 * @param {string} to the workbench path to land on (`/?folder=…`)
 */
function loginPage(codeServerOrigin, to) {
  const action = `${codeServerOrigin}/login?to=${encodeURIComponent(to)}`;
  const script = [
    "const p = decodeURIComponent(location.hash.slice(1));",
    "history.replaceState(null, '', location.pathname);",
    "if (p) { document.getElementById('p').value = p; document.getElementById('f').submit(); }",
    "else document.getElementById('m').textContent = 'Open the URL that npm start printed (it ends with #…).';",
  ].join('\n');
  const hash = crypto.createHash('sha256').update(script).digest('base64');
  const html = `<!doctype html><meta charset="utf-8"><title>DNS Batch Tasks sandbox</title>
<p id="m">Signing in to the sandbox…</p>
<form id="f" method="post" action="${action.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"><input type="hidden" id="p" name="password"></form>
<script>${script}</script>`;
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; form-action ${codeServerOrigin}; base-uri 'none'; frame-ancestors 'none'`;
  return { html, csp };
}

/** The URL printed for the person: the login page with the password in the fragment. */
function sandboxUrl(loginOrigin, password) {
  return `${loginOrigin}/#${encodeURIComponent(password)}`;
}

/**
 * Serves the login page on 127.0.0.1 (a free port); only GET / answers. Resolves with { url, close }.
 * @param {{ codeServerOrigin: string, to: string }} o
 */
function startLoginPage(o) {
  const { html, csp } = loginPage(o.codeServerOrigin, o.to);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    }).end(html);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r(undefined))) });
    });
  });
}

module.exports = { isCredentialVariable, sandboxChildEnv, newSandboxPassword, codeServerAuth, loginPage, sandboxUrl, startLoginPage };
