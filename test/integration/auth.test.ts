// Credentials inside a real VS Code: sign in through the command against the fake gateway, secrets only in
// SecretStorage, wrong keys refused with the gateway's words, switching and signing out, a broken keyring.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AuthSession, type ProfileInfo } from '../../src/auth/session';
import { sandboxStartHook } from '../../src/dev/sandbox';
import { Commands, SecretKeys, StateKeys } from '../../src/constants';
import { SettingsReader } from '../../src/platform/settings';
import type { SettingProblem } from '../../src/platform/settingsSchema';
import { gatewayForSuite, getApi } from '../support/extensionApi';
import { SANDBOX_CREDENTIALS, type FakeGateway } from '../support/fakeGateway';

const FIRST = 'auth-suite-a';
const SECOND = 'auth-suite-b';
const OTHER_CREDENTIALS = { accessKey: 'HPUAAUTHSUITE0000002', secretKey: 'auth-suite-second-secret-0123456789' };

/** Waits for the next onDidChange of the session (or fails after a while rather than hanging). */
function nextChange(session: AuthSession): Promise<ProfileInfo | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('no session change within 10 s'));
    }, 10_000);
    const sub = session.onDidChange((p) => {
      clearTimeout(timer);
      sub.dispose();
      resolve(p);
    });
  });
}

describe('Credentials (integration)', function () {
  this.timeout(60_000);
  // Every sign-in here is what a test checks, so the suite signs its profiles in itself; the builder signs
  // out those that exist and closes the gateway after the suite.
  const suite = gatewayForSuite({
    gatewayOptions: { credentials: [{ ...SANDBOX_CREDENTIALS }, OTHER_CREDENTIALS] },
    signsIn: [FIRST, SECOND, 'auth-suite-wrong', 'auth-suite-broken', 'auth-suite-env'],
  });
  let gw: FakeGateway;
  let session: AuthSession;
  let context: vscode.ExtensionContext;

  before(async () => {
    gw = suite.gateway;
    session = suite.api.services.session as AuthSession;
    context = suite.api.services.context;
    await session.ready;
  });

  it('signs in with an argument object; the secret round-trips through SecretStorage only', async () => {
    const changed = nextChange(session);
    const profile = await vscode.commands.executeCommand<ProfileInfo>(Commands.signIn, { name: FIRST, endpoint: gw.url, ...SANDBOX_CREDENTIALS });
    assert.equal(profile.name, FIRST);
    assert.equal((await changed)?.id, profile.id);
    assert.equal(session.profile?.id, profile.id);
    assert.ok(session.getClient(), 'a client is built');
    assert.equal(session.scopeKey(), `${profile.id}@${gw.url}`);
    // The check before saving was one signed list call.
    assert.ok(gw.requests.some((r) => r.path.startsWith('/v2.1/batch-operation-tasks') && r.query.limit === '1' && r.verified));

    assert.equal(await context.secrets.get(SecretKeys.secretKey(profile.id)), SANDBOX_CREDENTIALS.secretKey);
    const stored = JSON.stringify(context.globalState.get(StateKeys.profiles));
    assert.ok(stored.includes(FIRST) && stored.includes(SANDBOX_CREDENTIALS.accessKey));
    assert.ok(!stored.includes(SANDBOX_CREDENTIALS.secretKey), 'no secret in globalState');

    const host = new URL(gw.url).host;
    assert.equal(session.statusBar.item.text, `$(cloud) ${host} · ${FIRST}`);
    const tooltip = session.statusBar.item.tooltip;
    assert.equal(typeof tooltip, 'string');
    assert.match(tooltip as string, /HPUA…0001/);
    assert.ok(!(tooltip as string).includes(SANDBOX_CREDENTIALS.accessKey));

    // The client built from the stored profile really talks to the gateway.
    const { total } = await session.getClient()!.listTasks({ limit: 1 });
    assert.equal(typeof total, 'number');
  });

  it('refuses a wrong secret with the gateway\'s message and saves nothing', async () => {
    const before = session.profile?.id;
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(Commands.signIn, {
          name: 'auth-suite-wrong',
          endpoint: gw.url,
          accessKey: OTHER_CREDENTIALS.accessKey,
          secretKey: 'definitely-not-the-secret-key-000000',
        }),
      ),
      (err: Error) => {
        assert.match(err.message, /access key or secret key was not accepted/);
        assert.match(err.message, /Incorrect IAM authentication information/);
        assert.ok(!err.message.includes('definitely-not-the-secret-key'));
        return true;
      },
    );
    assert.equal(session.profiles.findByName('auth-suite-wrong'), undefined);
    assert.equal(session.profile?.id, before, 'the active profile is unchanged');
  });

  it('rejects a malformed argument object without any request', async () => {
    const count = gw.requests.length;
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.signIn, { name: 'x', accessKey: 'AK' })), /secretKey is required/);
    assert.equal(gw.requests.length, count);
  });

  it('switching profiles fires the change, rebuilds the client and re-keys the scope', async () => {
    const second = await vscode.commands.executeCommand<ProfileInfo>(Commands.signIn, { name: SECOND, endpoint: gw.url, ...OTHER_CREDENTIALS });
    assert.equal(session.profile?.name, SECOND);
    const clientB = session.getClient();
    const first = session.profiles.findByName(FIRST)!;

    const changed = nextChange(session);
    await vscode.commands.executeCommand(Commands.switchProfile, FIRST);
    assert.equal((await changed)?.id, first.id);
    assert.equal(session.profile?.id, first.id);
    assert.notEqual(session.getClient(), clientB, 'a new client for the other account');
    assert.equal(session.scopeKey(), `${first.id}@${gw.url}`);
    assert.notEqual(session.scopeKey(), `${second.id}@${gw.url}`);
    await session.getClient()!.listTasks({ limit: 1 });
    assert.equal(gw.requests.at(-1)?.accessKey, SANDBOX_CREDENTIALS.accessKey, 'requests now use the first key');
  });

  it('rebuilds the client when a client setting changes, and ignores bad values', async () => {
    const config = vscode.workspace.getConfiguration('huaweiDns');
    const api = await getApi();
    const old = session.getClient();
    const changed = nextChange(session);
    await config.update('maxRetries', 1, vscode.ConfigurationTarget.Global);
    try {
      await changed;
      assert.notEqual(session.getClient(), old);
      assert.equal(api.services.settings.get().maxRetries, 1);
      await config.update('pageSize', 9999, vscode.ConfigurationTarget.Global);
      assert.equal(api.services.settings.get().pageSize, 500, 'out of range falls back to the default');
    } finally {
      await config.update('maxRetries', undefined, vscode.ConfigurationTarget.Global);
      await config.update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('signing out deletes the secrets and the profile', async () => {
    const second = session.profiles.findByName(SECOND)!;
    await vscode.commands.executeCommand(Commands.signOut, SECOND);
    assert.equal(await context.secrets.get(SecretKeys.secretKey(second.id)), undefined);
    assert.equal(session.profiles.findByName(SECOND), undefined);
    assert.equal(session.profile?.name, FIRST, 'signing out of another profile keeps the active one');

    const first = session.profile;
    const changed = nextChange(session);
    await vscode.commands.executeCommand(Commands.signOut, FIRST);
    assert.equal(await changed, undefined);
    assert.equal(session.profile, undefined);
    assert.equal(session.getClient(), undefined);
    assert.equal(await context.secrets.get(SecretKeys.secretKey(first.id)), undefined);
    assert.equal(session.statusBar.item.command, Commands.signIn);
  });

  it('falls back to session-only keys when SecretStorage fails, and keeps working', async () => {
    const failing = {
      get: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      store: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      delete: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
    };
    session.secrets.replaceBackend(failing);
    try {
      const profile = await vscode.commands.executeCommand<ProfileInfo>(Commands.signIn, { name: 'auth-suite-broken', endpoint: gw.url, ...SANDBOX_CREDENTIALS });
      assert.equal(session.secrets.mode, 'sessionOnly');
      assert.equal(session.profile?.id, profile.id);
      await session.getClient()!.listTasks({ limit: 1 });
      assert.equal(await context.secrets.get(SecretKeys.secretKey(profile.id)), undefined, 'nothing reached the real store');
      assert.equal(await session.secrets.get(SecretKeys.secretKey(profile.id)), SANDBOX_CREDENTIALS.secretKey, 'kept in memory');
      await vscode.commands.executeCommand(Commands.signOut, 'auth-suite-broken');
      assert.equal(await session.secrets.get(SecretKeys.secretKey(profile.id)), undefined);
    } finally {
      session.secrets.replaceBackend(context.secrets);
    }
  });

  it('imports keys from the environment on request', async () => {
    const saved = { ak: process.env.HUAWEICLOUD_SDK_AK, sk: process.env.HUAWEICLOUD_SDK_SK };
    process.env.HUAWEICLOUD_SDK_AK = OTHER_CREDENTIALS.accessKey;
    process.env.HUAWEICLOUD_SDK_SK = OTHER_CREDENTIALS.secretKey;
    try {
      // An endpoint argument is confirmed by the person (a modal naming it): answered here as they would.
      const w = vscode.window as unknown as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
      const original = w.showWarningMessage;
      w.showWarningMessage = (message: unknown, ...rest: unknown[]) =>
        typeof message === 'string' && message.includes(new URL(gw.url).host) ? Promise.resolve(rest.find((r) => typeof r === 'string')) : original(message, ...rest);
      let profile: ProfileInfo;
      try {
        profile = await vscode.commands.executeCommand<ProfileInfo>(Commands.importFromEnvironment, { name: 'auth-suite-env', endpoint: gw.url });
      } finally {
        w.showWarningMessage = original;
      }
      assert.equal(profile.accessKeyId, OTHER_CREDENTIALS.accessKey);
      assert.equal(session.profile?.id, profile.id);
      assert.equal(await context.secrets.get(SecretKeys.secretKey(profile.id)), OTHER_CREDENTIALS.secretKey);
    } finally {
      for (const [k, v] of [['HUAWEICLOUD_SDK_AK', saved.ak], ['HUAWEICLOUD_SDK_SK', saved.sk]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await vscode.commands.executeCommand(Commands.signOut, 'auth-suite-env');
    }
  });

  it('sandbox mode signs a fresh install in against a loopback endpoint at activation', async () => {
    const api = await getApi();
    const env = {
      HUAWEI_DNS_SANDBOX: '1',
      HUAWEI_DNS_SANDBOX_ENDPOINT: gw.url,
      HUAWEICLOUD_SDK_AK: SANDBOX_CREDENTIALS.accessKey,
      HUAWEICLOUD_SDK_SK: SANDBOX_CREDENTIALS.secretKey,
    };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    // A fresh install: empty state and secrets of its own, so the shared extension's profiles are untouched.
    const state = new Map<string, unknown>();
    const secrets = new Map<string, string>();
    const fresh = {
      ...context,
      extension: context.extension,
      globalState: {
        keys: () => [...state.keys()],
        get: (k: string) => state.get(k),
        update: (k: string, v: unknown) => Promise.resolve(void (v === undefined ? state.delete(k) : state.set(k, v))),
        setKeysForSync: () => undefined,
      },
      secrets: {
        get: (k: string) => Promise.resolve(secrets.get(k)),
        store: (k: string, v: string) => Promise.resolve(void secrets.set(k, v)),
        delete: (k: string) => Promise.resolve(void secrets.delete(k)),
        onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
      },
    } as unknown as vscode.ExtensionContext;
    const sandboxSession = new AuthSession(fresh, api.services.settings, api.services.log, { beforeRestore: sandboxStartHook(api.services.log) });
    try {
      await sandboxSession.ready;
      assert.equal(sandboxSession.profile?.name, 'sandbox');
      assert.equal(sandboxSession.scopeKey(), `${sandboxSession.profile?.id}@${gw.url}`);
      await sandboxSession.getClient()!.listTasks({ limit: 1 });
      assert.equal(secrets.get(SecretKeys.secretKey(sandboxSession.profile.id)), SANDBOX_CREDENTIALS.secretKey);

      // Next start with the secret gone (a new browser profile in code-server): signed in again, not stuck.
      sandboxSession.dispose();
      secrets.clear();
      const again = new AuthSession(fresh, api.services.settings, api.services.log, { beforeRestore: sandboxStartHook(api.services.log) });
      try {
        await again.ready;
        assert.equal(again.profile?.name, 'sandbox');
        assert.ok(again.getClient());
        assert.equal(again.profiles.list().length, 1, 'no duplicate sandbox profile');
      } finally {
        again.dispose();
      }
    } finally {
      sandboxSession.dispose();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      // The shared session's signed-in context key was touched by the fresh one; put it back.
      await vscode.commands.executeCommand('setContext', 'huaweiDns.signedIn', !!session.getClient());
    }
  });

  it('warns once, naming the setting, when a value is invalid, and reads the real http.* settings', async () => {
    const problems: SettingProblem[] = [];
    const reader = new SettingsReader((p) => problems.push(p));
    const config = vscode.workspace.getConfiguration('huaweiDns');
    try {
      const reloaded = () =>
        new Promise<void>((resolve) => {
          const sub = reader.onDidChange(() => {
            sub.dispose();
            resolve();
          });
        });
      let changed = reloaded();
      await config.update('pollIntervalSeconds', -3, vscode.ConfigurationTarget.Global);
      await changed;
      assert.equal(reader.get().pollIntervalSeconds, 5);
      assert.deepEqual(problems.map((p) => p.setting), ['huaweiDns.pollIntervalSeconds']);
      changed = reloaded();
      await vscode.workspace.getConfiguration('http').update('noProxy', ['internal.example'], vscode.ConfigurationTarget.Global);
      await changed;
      assert.deepEqual(reader.get().noProxy, ['internal.example']);
      assert.equal(problems.length, 1, 'the same bad value is not reported again');
    } finally {
      await config.update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('http').update('noProxy', undefined, vscode.ConfigurationTarget.Global);
      reader.dispose();
    }
  });
});
