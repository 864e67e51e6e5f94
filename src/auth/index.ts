// Sign-in and the session: the active profile and the client built from it, the status bar, the commands.
import type * as vscode from 'vscode';
import type { Logger } from '../platform/logging';
import type { SettingsReader } from '../platform/settings';
import { interactiveSignIn, registerAuthCommands } from './commands';
import { AuthSession, type AuthSessionOptions } from './session';

export { AuthSession, type AuthSessionOptions } from './session';
export type { ClientFactory, ProfileInfo, Session, SignInInput, SignInOptions } from './types';

export interface AuthFeature extends vscode.Disposable {
  readonly session: AuthSession;
}

export function registerAuth(
  context: vscode.ExtensionContext,
  settings: SettingsReader,
  log: Logger,
  options: Omit<AuthSessionOptions, 'promptSignIn'> = {},
): AuthFeature {
  const session: AuthSession = new AuthSession(context, settings, log, {
    ...options,
    promptSignIn: () => interactiveSignIn(session, settings, log),
  });
  const commands = registerAuthCommands(session, settings, log);
  return {
    session,
    dispose: () => {
      for (const d of commands) d.dispose();
      session.dispose();
    },
  };
}
