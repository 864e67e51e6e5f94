// STUB owned by the credentials/settings work (issue 4): the active profile and the client built from it.
import * as vscode from 'vscode';
import type { DnsClient } from '../core/types';
import type { Logger } from '../platform/logging';
import type { SettingsReader, Site } from '../platform/settings';

export interface ProfileInfo {
  id: string;
  name: string;
  site: Site | 'custom';
  endpoint: string;
  region?: string;
  accessKeyId: string;
  projectId?: string;
}

export interface Session extends vscode.Disposable {
  readonly profile: ProfileInfo | undefined;
  /** Fires after sign-in, sign-out, profile switch or a setting change that rebuilds the client. */
  readonly onDidChange: vscode.Event<ProfileInfo | undefined>;
  /** The client of the active profile, or undefined when signed out. */
  getClient(): DnsClient | undefined;
  /** Like getClient, but offers to sign in when signed out. */
  requireClient(): Promise<DnsClient | undefined>;
  /** "profileId@endpoint": what persisted per-account data (tracked tasks) is keyed by. */
  scopeKey(): string | undefined;
  /** A short label for the site, e.g. "intl", "cn" or the custom host. */
  siteLabel(): string | undefined;
}

export function registerAuth(
  _context: vscode.ExtensionContext,
  _settings: SettingsReader,
  _log: Logger,
): Session {
  const emitter = new vscode.EventEmitter<ProfileInfo | undefined>();
  return {
    profile: undefined,
    onDidChange: emitter.event,
    getClient: () => undefined,
    requireClient: () => Promise.resolve(undefined),
    scopeKey: () => undefined,
    siteLabel: () => undefined,
    dispose: () => emitter.dispose(),
  };
}
