// What the rest of the extension knows of the session, and what signing in takes. Types only.
import type * as vscode from 'vscode';
import type { DnsClient, DnsClientOptions } from '../core/types';
import type { Site } from '../core/sites';
import type { ProfileInfo } from './profiles';

export type { ProfileInfo };

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
  /** Marks the active profile read-only (writes refused at once) or not; false when signed out. */
  setReadOnly(readOnly: boolean): Promise<boolean>;
}

/** What signing in needs; the argument object of `huaweiDns.signIn`. */
export interface SignInInput {
  name: string;
  site?: Site;
  /** Overrides the site. */
  endpoint?: string;
  accessKey: string;
  secretKey: string;
  securityToken?: string;
  projectId?: string;
  /** A read-only profile: every write is refused at once (toggled later with huaweiDns.toggleReadOnly). */
  readOnly?: boolean;
}

export interface SignInOptions {
  /** Whether a broken keyring may ask the person, or falls back to session-only at once. */
  interactive: boolean;
  /** Skip the signed check call (the sandbox, whose gateway may still be starting). */
  skipCheck?: boolean;
}

/** What the interactive sign-in needs of the session. */
export interface SignInTarget {
  signIn(input: SignInInput, options: SignInOptions): Promise<ProfileInfo>;
}

export type ClientFactory = (options: DnsClientOptions) => DnsClient;
