// `npm start` (issue #14, item 18): code-server behind a random password, the developer's credentials kept
// out of the child environment, and a login URL that carries the password only in its fragment.
import * as assert from 'node:assert/strict';
import { script } from './load';

interface SandboxAuth {
  isCredentialVariable(name: string): boolean;
  sandboxChildEnv(parent: Record<string, string | undefined>, extra: Record<string, string>): Record<string, string>;
  newSandboxPassword(): string;
  codeServerAuth(password: string): { args: string[]; env: Record<string, string> };
  loginPage(origin: string, to: string): { html: string; csp: string };
  sandboxUrl(loginOrigin: string, password: string): string;
  startLoginPage(o: { codeServerOrigin: string; to: string }): Promise<{ origin: string; close(): Promise<void> }>;
}
interface CodeServerLib {
  codeServerArgs(o: { port: number; common: string[]; auth?: { args: string[] }; smokeTestDriver?: boolean; args?: string[] }): string[];
}
interface SandboxScript {
  sandboxLaunch(parent: Record<string, string | undefined>, o: { endpoint: string; accessKey: string; secretKey: string; password: string }): { env: Record<string, string>; authArgs: string[] };
}

const auth = script<SandboxAuth>('scripts/lib/sandboxAuth.js');
const codeServer = script<CodeServerLib>('scripts/lib/codeServer.js');
const sandbox = script<SandboxScript>('scripts/lib/sandboxLaunch.js');

const DEVELOPER_ENV = {
  PATH: '/usr/bin',
  HOME: '/home/dev',
  LANG: 'C.UTF-8',
  HUAWEICLOUD_SDK_AK: 'HPUAREALDEVELOPERAK1',
  HUAWEICLOUD_SDK_SK: 'real-developer-secret-key',
  HUAWEICLOUD_SDK_SECURITY_TOKEN: 'real-developer-security-token',
  HUAWEICLOUD_SDK_PROJECT_ID: 'realproject0123',
  CLOUD_SDK_AK: 'HPUAREALDEVELOPERAK2',
  CLOUD_SDK_SK: 'another-real-secret',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  GITHUB_TOKEN: 'ghp_token',
  NPM_TOKEN: 'npm-token',
  PASSWORD: 'inherited-password',
};

describe('harness: the sandbox keeps to the person who started it', () => {
  it('drops every credential variable of the developer and keeps the rest', () => {
    const env = auth.sandboxChildEnv(DEVELOPER_ENV, { HUAWEICLOUD_SDK_AK: 'HPUASANDBOX000000001' });
    assert.deepEqual(Object.keys(env).sort(), ['HOME', 'HUAWEICLOUD_SDK_AK', 'LANG', 'PATH']);
    assert.equal(env.HUAWEICLOUD_SDK_AK, 'HPUASANDBOX000000001');
    for (const name of ['HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_PROJECT_ID', 'CLOUD_SDK_SK', 'OS_PASSWORD', 'MY_API_KEY']) {
      assert.ok(auth.isCredentialVariable(name), name);
    }
    for (const name of ['PATH', 'HOME', 'TMPDIR', 'NODE_OPTIONS', 'DISPLAY', 'HUAWEI_DNS_SANDBOX']) assert.ok(!auth.isCredentialVariable(name), name);
  });

  it('the sandbox launch: the sandbox keys and a password in the child env, none of the developer\'s', () => {
    const password = auth.newSandboxPassword();
    const launch = sandbox.sandboxLaunch(DEVELOPER_ENV, { endpoint: 'http://127.0.0.1:9', accessKey: 'HPUASANDBOX000000001', secretKey: 'sandbox-secret', password });
    const values = Object.values(launch.env);
    for (const [k, v] of Object.entries(DEVELOPER_ENV)) {
      if (['PATH', 'HOME', 'LANG'].includes(k)) continue;
      assert.ok(!values.includes(v), `${k} reached the child`);
    }
    assert.equal(launch.env.HUAWEICLOUD_SDK_AK, 'HPUASANDBOX000000001');
    assert.equal(launch.env.HUAWEICLOUD_SDK_SK, 'sandbox-secret');
    assert.equal(launch.env.HUAWEI_DNS_SANDBOX, '1');
    assert.equal(launch.env.HUAWEI_DNS_SANDBOX_ENDPOINT, 'http://127.0.0.1:9');
    assert.equal(launch.env.PASSWORD, password);
    assert.deepEqual(launch.authArgs, ['--auth', 'password']);
  });

  it('code-server runs with password authentication, never --auth none, when the sandbox asks', () => {
    const args = codeServer.codeServerArgs({ port: 8080, common: ['--user-data-dir', '/x'], auth: auth.codeServerAuth(auth.newSandboxPassword()) });
    const at = args.indexOf('--auth');
    assert.equal(args[at + 1], 'password');
    assert.equal(args.filter((a) => a === '--auth').length, 1);
    assert.ok(!args.some((a) => a.length >= 16 && /^[A-Za-z0-9_-]+$/.test(a) && !a.startsWith('--')), 'the password is not on the command line (ps shows it)');
    assert.throws(() => auth.codeServerAuth('short'), /random password/);
  });

  it('passwords are random and URL-safe; the URL carries one only in its fragment', () => {
    const a = auth.newSandboxPassword();
    const b = auth.newSandboxPassword();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9_-]{24}$/);
    const url = new URL(auth.sandboxUrl('http://127.0.0.1:4000', a));
    assert.equal(url.hash, `#${a}`);
    assert.ok(!url.pathname.includes(a) && !url.search.includes(a));
  });

  it('the login page holds no secret and may post only to code-server', async () => {
    const { html, csp } = auth.loginPage('http://127.0.0.1:8080', '/?folder=/w&x="y"');
    assert.match(html, /action="http:\/\/127\.0\.0\.1:8080\/login\?to=%2F%3Ffolder%3D%2Fw%26x%3D%22y%22"/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action http:\/\/127\.0\.0\.1:8080/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const page = await auth.startLoginPage({ codeServerOrigin: 'http://127.0.0.1:8080', to: '/' });
    try {
      const ok = await fetch(`${page.origin}/`);
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-security-policy') ?? '', /form-action/);
      assert.equal((await fetch(`${page.origin}/anything`)).status, 404);
    } finally {
      await page.close();
    }
  });
});
