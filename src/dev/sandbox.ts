// `npm start` (the sandbox): sign in from the environment against the loopback fake gateway, and open on a
// populated tree. Loaded only when HUAWEI_DNS_SANDBOX=1 (see src/extension.ts), so a user's extension host
// never evaluates it.
import type * as vscode from 'vscode';
import type { AuthSession } from '../auth';
import { credentialsFromEnvironment } from '../auth/environment';
import { SecretKeys } from '../constants';
import { isLoopbackUrl } from '../core/sites';
import type { Logger } from '../platform/logging';
import type { TasksModel } from '../tasks';
import { sandboxEndpoint, sandboxSignIn, type Env } from './sandboxEnv';

/** The session's start hook in sandbox mode: a loopback endpoint and no profile yet. Never for a real cloud. */
export function sandboxStartHook(log: Logger, env: Env = process.env): (session: AuthSession) => Promise<void> {
  return async (session) => {
    if (!sandboxEndpoint(env, isLoopbackUrl)) return;
    // A "sandbox" profile whose secret is gone (code-server keeps secrets in the browser, so a new browser
    // profile loses them) does not count: it is signed in again from the environment.
    const sandbox = session.profiles.findByName('sandbox');
    const stale = !!sandbox && !(await session.secrets.get(SecretKeys.secretKey(sandbox.id)));
    const others = session.profiles.list().filter((p) => !(stale && p.id === sandbox?.id));
    const input = sandboxSignIn(env, others.length > 0, isLoopbackUrl);
    if (!input) {
      if (!credentialsFromEnvironment(env)) log.warn('Sandbox mode without HUAWEICLOUD_SDK_AK/SK in the environment: not signing in.');
      return;
    }
    // No check: the sandbox gateway may still be starting; the first real request reports any problem.
    await session.signIn(input, { interactive: false, skipCheck: true });
    log.info(`Sandbox: signed in as "sandbox" against ${input.endpoint}`);
  };
}

/** The sandbox opens on a populated tree: the account's tasks are tracked once per account scope. */
export function autoTrackAccountTasks(model: TasksModel, scopeKey: () => string | undefined): vscode.Disposable {
  const done = new Set<string>();
  const track = () => {
    const scope = scopeKey();
    if (!scope || done.has(scope) || model.all().length > 0) return;
    done.add(scope);
    void model.trackAccountTasks();
  };
  const sub = model.onDidReload(track);
  track();
  return sub;
}
