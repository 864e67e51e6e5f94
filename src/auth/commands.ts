// Sign In, Sign Out, Switch Profile, Import from Environment. Each also takes an argument object so tests and
// automation can drive it without UI (then failures reject instead of asking).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Logger } from '../platform/logging';
import { showError } from '../platform/notify';
import type { SettingsReader } from '../platform/settings';
import { credentialsFromEnvironment } from './environment';
import type { ProfileInfo } from './profiles';
import type { AuthSession } from './session';
import type * as SignInFlow from './signInFlow';
import { SignInError } from './signInMessages';
import { parseSignInArgument } from './signInArgument';
import { labelForEndpoint, maskAccessKey } from '../core/sites';
import { plainText } from '../shared/untrusted';
import { lazy } from '../core/lazy';

// The sign-in dialog (its steps, checks and texts) is loaded at the first sign-in a person starts, not at
// activation; esbuild puts it in a file of its own (esbuild.mjs LAZY).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const flow = lazy(() => require('./signInFlow') as typeof SignInFlow);

/** A profile's name and site as shown: names come from automation or the environment, sites from a host. */
const shownName = (p: ProfileInfo): string => plainText(p.name);
const shownSite = (p: ProfileInfo): string => plainText(labelForEndpoint(p.endpoint));

/** Asks, modally and naming the endpoint, before the environment's keys are used against a custom endpoint. */
async function confirmEndpoint(source: string, endpoint: string): Promise<boolean> {
  const send = vscode.l10n.t('Sign In There');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Sign in with the keys from {0}_* at {1}?', source, plainText(endpoint)),
    {
      modal: true,
      detail: vscode.l10n.t('A command asked to use the access key from your environment, and a signature made with its secret key, at this endpoint instead of Huawei Cloud. Continue only if you started this and trust the endpoint.'),
    },
    send,
  );
  return choice === send;
}

/** The interactive sign-in with its outcome said: what the command runs, and what the session offers. */
export async function interactiveSignIn(session: AuthSession, settings: SettingsReader, log: Logger): Promise<ProfileInfo | undefined> {
  try {
    const profile = await flow().signInInteractively(session, flow().emptyDraft(settings.get().site));
    if (profile) void vscode.window.showInformationMessage(vscode.l10n.t('Signed in as "{0}" ({1}).', shownName(profile), shownSite(profile)));
    return profile;
  } catch (error) {
    void showError(log, error, { action: vscode.l10n.t('Sign in') });
    return undefined;
  }
}

export function registerAuthCommands(session: AuthSession, settings: SettingsReader, log: Logger): vscode.Disposable[] {
  const defaultSite = () => settings.get().site;

  const signIn = async (arg?: unknown): Promise<ProfileInfo | undefined> => {
    if (arg !== undefined && !(arg instanceof vscode.Uri)) {
      const input = parseSignInArgument(arg);
      if (typeof input === 'string') throw new Error(`huaweiDns.signIn: ${input}`);
      return session.signIn(input, { interactive: false });
    }
    return interactiveSignIn(session, settings, log);
  };

  const signOut = async (arg?: unknown): Promise<void> => {
    await session.ready;
    if (arg && typeof arg === 'object' && (arg as { all?: unknown }).all === true) return session.signOutAll();
    if (typeof arg === 'string') {
      const profile = session.profiles.findByName(arg);
      if (!profile) throw new Error(`huaweiDns.signOut: no profile named "${arg}"`);
      return session.signOut(profile.id);
    }
    type Item = vscode.QuickPickItem & { id?: string };
    const profiles = session.profiles.list();
    if (profiles.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No Huawei DNS profile is signed in.'));
      return;
    }
    const items: Item[] = [
      ...profiles.map((p) => ({ id: p.id, label: shownName(p), description: `${shownSite(p)} · ${plainText(maskAccessKey(p.accessKeyId))}` })),
      ...(profiles.length > 1 ? [{ label: vscode.l10n.t('All profiles') }] : []),
    ];
    const choice = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Sign out of which profile? Its keys are deleted from this computer.') });
    if (!choice) return;
    if (choice.id) await session.signOut(choice.id);
    else await session.signOutAll();
  };

  const switchProfile = async (arg?: unknown): Promise<ProfileInfo | undefined> => {
    await session.ready;
    let target: ProfileInfo | undefined;
    if (typeof arg === 'string') {
      target = session.profiles.findByName(arg);
      if (!target) throw new Error(`huaweiDns.switchProfile: no profile named "${arg}"`);
    } else {
      type Item = vscode.QuickPickItem & { profile?: ProfileInfo };
      const items: Item[] = [
        ...session.profiles.list().map((p) => ({
          profile: p,
          label: `${p.id === session.profile?.id ? '$(check) ' : ''}${shownName(p)}`,
          description: `${shownSite(p)} · ${plainText(maskAccessKey(p.accessKeyId))}`,
        })),
        { label: `$(add) ${vscode.l10n.t('Sign in with another access key…')}` },
      ];
      const choice = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Switch to which Huawei DNS profile?') });
      if (!choice) return undefined;
      if (!choice.profile) return signIn();
      target = choice.profile;
    }
    if (await session.switchTo(target.id)) return target;
    // The secret is gone (keyring reset, or it was kept for one session only): sign in again, prefilled.
    if (typeof arg === 'string') throw new Error(`huaweiDns.switchProfile: the secret key of "${target.name}" is no longer stored; sign in again`);
    void vscode.window.showWarningMessage(vscode.l10n.t('The secret key of "{0}" is no longer stored on this computer; enter it again.', shownName(target)));
    return flow().signInInteractively(session, flow().draftFromProfile(target, defaultSite()));
  };

  const importFromEnvironment = async (arg?: unknown): Promise<ProfileInfo | undefined> => {
    const credentials = credentialsFromEnvironment(process.env);
    if (!credentials) {
      const message = vscode.l10n.t('No credentials in the environment: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK) before starting VS Code.');
      if (arg !== undefined) throw new Error(message);
      void vscode.window.showInformationMessage(message);
      return undefined;
    }
    const { source, ...keys } = credentials;
    if (arg && typeof arg === 'object') {
      const options = arg as { name?: unknown; site?: unknown; endpoint?: unknown };
      const input = parseSignInArgument({ name: 'environment', ...keys, ...options });
      if (typeof input === 'string') throw new Error(`huaweiDns.importFromEnvironment: ${input}`);
      // An argument can come from any extension or a link: one that names an endpoint would send the
      // environment's keys (a signature made with them) wherever it likes, so the person decides, by name.
      if (input.endpoint !== undefined && !(await confirmEndpoint(source, session.resolveTarget(input).endpoint))) {
        log.info(`Import from ${source}_* for another endpoint was not confirmed; nothing was sent`);
        throw new Error('huaweiDns.importFromEnvironment: sending the keys to that endpoint was not confirmed; nothing was sent');
      }
      return session.signIn(input, { interactive: false });
    }
    log.info(`Importing credentials from ${source}_* environment variables`);
    try {
      const draft = flow().emptyDraft(defaultSite(), {
        name: 'environment',
        accessKey: keys.accessKey,
        secretKey: keys.secretKey,
        securityToken: keys.securityToken ?? '',
        projectId: keys.projectId ?? '',
      });
      const profile = await flow().signInInteractively(session, draft);
      if (profile) void vscode.window.showInformationMessage(vscode.l10n.t('Imported the keys from {0}_* into profile "{1}".', source, shownName(profile)));
      return profile;
    } catch (error) {
      if (error instanceof SignInError) void showError(log, error);
      else void showError(log, error, { action: vscode.l10n.t('Import from environment') });
      return undefined;
    }
  };

  /** `true`/`false` sets the flag (automation); no argument flips it and says what it is now. */
  const toggleReadOnly = async (arg?: unknown): Promise<boolean | undefined> => {
    await session.ready;
    const profile = session.profile;
    if (!profile) {
      if (typeof arg === 'boolean') throw new Error('huaweiDns.toggleReadOnly: not signed in');
      void vscode.window.showInformationMessage(vscode.l10n.t('Sign in first: read-only is a setting of a profile.'));
      return undefined;
    }
    const next = typeof arg === 'boolean' ? arg : profile.readOnly !== true;
    await session.setReadOnly(next);
    if (typeof arg !== 'boolean') {
      void vscode.window.showInformationMessage(
        next
          ? vscode.l10n.t('Profile "{0}" is read-only: writes to its DNS are refused.', shownName(profile))
          : vscode.l10n.t('Profile "{0}" may write again (every write is still previewed and confirmed).', shownName(profile)),
      );
    }
    return next;
  };

  return [
    vscode.commands.registerCommand(Commands.toggleReadOnly, toggleReadOnly),
    vscode.commands.registerCommand(Commands.signIn, signIn),
    vscode.commands.registerCommand(Commands.signOut, signOut),
    vscode.commands.registerCommand(Commands.switchProfile, switchProfile),
    vscode.commands.registerCommand(Commands.importFromEnvironment, importFromEnvironment),
  ];
}
