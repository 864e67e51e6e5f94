// The active profile and the client built from it. Data flows one way: settings + profile + secrets -> client;
// every change (sign-in, sign-out, switch, a client setting) rebuilds the client, closes the old one and fires
// onDidChange so each view drops what it cached for the previous account.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { ContextKeys, SecretKeys } from '../constants';
import type * as Client from '../core/client';
import { lazy } from '../core/lazy';
import { RequestQueue } from '../core/requestQueue';
import { checkEndpoint, dnsEndpoint, labelForEndpoint, regionOfEndpoint, type Site } from '../core/sites';
import type { DnsClient, DnsClientOptions } from '../core/types';
import { Disposable } from '../platform/lifecycle';
import type { Logger } from '../platform/logging';
import { SecretStore } from '../platform/secrets';
import { createSecretStoreUi } from '../platform/secretsPrompt';
import type { ExtensionSettings, SettingsReader } from '../platform/settings';
import { clientSettingsChanged } from '../platform/settingsSchema';
import { newProfileId, ProfileStore, type ProfileInfo } from './profiles';
import { classifySignInFailure, type SignInFailure } from './signInFailure';
import { describeFailure, SignInError } from './signInMessages';
import { SessionStatusBar } from './statusBar';
import type { ClientFactory, Session, SignInInput, SignInOptions, SignInTarget } from './types';

// The client (signing, HTTP, retries, the read and write calls) is loaded at the first sign-in or restored
// session, not while the extension activates (esbuild turns the require into a lazy init, dist/lazy-client.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const client = lazy(() => require('../core/client') as typeof Client);

export type { ProfileInfo };

export interface AuthSessionOptions {
  clientFactory?: ClientFactory;
  /** The interactive sign-in, offered when something needs a client and nobody is signed in. */
  promptSignIn?: () => Promise<unknown>;
  /** Runs at activation before the stored profile is restored (the sandbox's sign-in; see src/dev). */
  beforeRestore?: (session: AuthSession) => Promise<void>;
}

interface Active {
  profile: ProfileInfo;
  client: DnsClient;
  /** Un-registers the secret and token from the logger's redaction. */
  secretRegistration: vscode.Disposable;
}

export class AuthSession extends Disposable implements Session, SignInTarget {
  private readonly emitter = this._register(new vscode.EventEmitter<ProfileInfo | undefined>());
  readonly onDidChange = this.emitter.event;
  readonly profiles: ProfileStore;
  readonly secrets: SecretStore;
  /** The profile item in the status bar (tests read its text and tooltip). */
  readonly statusBar: SessionStatusBar;
  /** Resolves once the stored active profile (or the sandbox) has been loaded at activation. */
  readonly ready: Promise<void>;
  private active: Active | undefined;
  private settingsSnapshot: ExtensionSettings;
  /** Serialises activations so a quick switch never leaves two clients alive. */
  private readonly queue = new RequestQueue();
  /** Settings problems that weaken or change TLS are said once per window, not at every client rebuild. */
  private readonly toldAbout = new Set<string>();

  private readonly clientFactory: ClientFactory;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly settings: SettingsReader,
    private readonly log: Logger,
    private readonly options: AuthSessionOptions = {},
  ) {
    super();
    this.clientFactory = options.clientFactory ?? ((o) => client().createDnsClient(o));
    this.profiles = new ProfileStore(context.globalState);
    this.secrets = new SecretStore(context.secrets, createSecretStoreUi(), log);
    this.settingsSnapshot = settings.get();
    this.statusBar = this._register(new SessionStatusBar(this));
    this._register(
      settings.onDidChange((next) => {
        const changed = clientSettingsChanged(this.settingsSnapshot, next);
        this.settingsSnapshot = next;
        if (changed && this.active) void this.enqueue(() => this.activate(this.active?.profile.id, false));
      }),
    );
    this._register({ dispose: () => this.closeActive() });
    this.ready = this.restore().catch((err: unknown) => this.log.error('Could not restore the active profile', err));
  }

  get profile(): ProfileInfo | undefined {
    return this.active?.profile;
  }

  getClient(): DnsClient | undefined {
    return this.active?.client;
  }

  async requireClient(): Promise<DnsClient | undefined> {
    await this.ready;
    if (this.active) return this.active.client;
    const signIn = vscode.l10n.t('Sign In');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Sign in to Huawei Cloud to see batch tasks.'), signIn);
    if (choice === signIn) await this.options.promptSignIn?.();
    return this.getClient();
  }

  /** The endpoint requests really go to: a custom profile's own, else the setting override, else the site's. */
  effectiveEndpoint(profile: ProfileInfo): string {
    if (profile.site === 'custom') return profile.endpoint;
    return this.settings.get().endpoint ?? profile.endpoint;
  }

  scopeKey(): string | undefined {
    return this.active ? `${this.active.profile.id}@${this.effectiveEndpoint(this.active.profile)}` : undefined;
  }

  siteLabel(): string | undefined {
    return this.active ? labelForEndpoint(this.effectiveEndpoint(this.active.profile)) : undefined;
  }

  /** Where a sign-in goes: an explicit endpoint wins over the site, the site over the default setting. */
  resolveTarget(input: Pick<SignInInput, 'site' | 'endpoint'>): { site: Site | 'custom'; endpoint: string } {
    if (input.endpoint) {
      const checked = checkEndpoint(input.endpoint);
      if (!checked.ok) throw new Error(vscode.l10n.t('The endpoint {0} cannot be used: {1}.', input.endpoint, checked.reason));
      return { site: 'custom', endpoint: checked.endpoint };
    }
    const site = input.site ?? this.settings.get().site;
    return { site, endpoint: this.settings.get().endpoint ?? dnsEndpoint(site) };
  }

  /** One cheap signed call (list tasks, limit 1). Resolves undefined when the keys work. */
  async check(input: SignInInput): Promise<SignInFailure | undefined> {
    const { endpoint } = this.resolveTarget(input);
    // Every field of the form is redacted while checking, not only the secret ones: a field may hold another's
    // value (the secret key pasted as the access key comes back as "ak … not found" in the gateway's answer).
    const fields = [input.accessKey, input.secretKey, input.securityToken, input.projectId].filter((v): v is string => !!v);
    const registrations = fields.map((v) => this.log.addSecret(v));
    let client: DnsClient | undefined;
    try {
      client = this.clientFactory(await this.clientOptions(endpoint, input, input.projectId));
      await client.listTasks({ limit: 1 });
      return undefined;
    } catch (error) {
      this.log.warn(`Sign-in check against ${endpoint} failed`, error);
      return classifySignInFailure(error, fields);
    } finally {
      await client?.close().catch(() => undefined);
      for (const r of registrations) r.dispose();
    }
  }

  /**
   * Checks the keys, saves the profile (secrets only in SecretStorage) and makes it active.
   * `interactive` decides whether a broken keyring may ask the user or falls back to session-only at once.
   */
  async signIn(input: SignInInput, options: SignInOptions): Promise<ProfileInfo> {
    const target = this.resolveTarget(input);
    if (!options.skipCheck) {
      const failure = await this.check(input);
      if (failure) throw new SignInError(describeFailure(failure, target.endpoint), failure);
    }
    const existing = this.profiles.findByName(input.name);
    // Same name, same key and endpoint: the same account, so it keeps its id (and its tracked tasks).
    const sameAccount = existing && existing.accessKeyId === input.accessKey && existing.endpoint === target.endpoint;
    const profile: ProfileInfo = {
      id: sameAccount ? existing.id : newProfileId(),
      name: input.name.trim(),
      site: target.site,
      endpoint: target.endpoint,
      accessKeyId: input.accessKey.trim(),
      ...(regionOfEndpoint(target.endpoint) ? { region: regionOfEndpoint(target.endpoint) } : {}),
      ...(input.projectId?.trim() ? { projectId: input.projectId.trim() } : {}),
      // Signing in again keeps the flag unless the input says otherwise.
      ...((input.readOnly ?? (sameAccount ? existing.readOnly : undefined)) === true ? { readOnly: true } : {}),
    };
    await this.secrets.store(SecretKeys.secretKey(profile.id), input.secretKey, options.interactive);
    if (input.securityToken) await this.secrets.store(SecretKeys.securityToken(profile.id), input.securityToken, options.interactive);
    else await this.secrets.delete(SecretKeys.securityToken(profile.id));
    if (existing && !sameAccount) await this.forget(existing.id);
    await this.profiles.save(profile);
    await this.enqueue(() => this.activate(profile.id, true));
    this.log.info(`Signed in as profile "${profile.name}" (${labelForEndpoint(profile.endpoint)})`);
    return profile;
  }

  async setReadOnly(readOnly: boolean): Promise<boolean> {
    await this.ready;
    const active = this.active;
    if (!active) return false;
    const profile: ProfileInfo = { ...active.profile, readOnly };
    if (!readOnly) delete profile.readOnly;
    await this.profiles.save(profile);
    // Same client, same account: only the flag changes, so nothing cached is dropped.
    if (this.active === active) active.profile = profile;
    this.statusBar.update();
    await vscode.commands.executeCommand('setContext', ContextKeys.readOnly, readOnly);
    this.log.info(`Profile "${profile.name}" is ${readOnly ? 'read-only: writes are refused' : 'no longer read-only'}`);
    // No onDidChange: the account and its client are the same, and views must not drop what they read.
    return true;
  }

  /** Makes another stored profile active. Returns false when its secret is gone (keyring reset, session over). */
  async switchTo(profileId: string): Promise<boolean> {
    await this.ready;
    return this.enqueue(() => this.activate(profileId, true));
  }

  /** Deletes a profile and its secrets; signing out of the active one leaves the extension signed out. */
  async signOut(profileId: string): Promise<void> {
    await this.ready;
    const name = this.profiles.get(profileId)?.name;
    await this.forget(profileId);
    if (name) this.log.info(`Signed out of profile "${name}"; its keys were deleted`);
    if (this.active?.profile.id === profileId) await this.enqueue(() => this.activate(undefined, true));
  }

  async signOutAll(): Promise<void> {
    await this.ready;
    for (const p of this.profiles.list()) await this.forget(p.id);
    this.log.info('Signed out of every profile; their keys were deleted');
    await this.enqueue(() => this.activate(undefined, true));
  }

  private async forget(profileId: string): Promise<void> {
    await this.secrets.delete(SecretKeys.secretKey(profileId));
    await this.secrets.delete(SecretKeys.securityToken(profileId));
    await this.profiles.remove(profileId);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    return this.queue.run(job);
  }

  /** At activation: the start hook (the sandbox's keys, in dev), then the stored active profile. */
  private async restore(): Promise<void> {
    // Outside the queue: a sign-in by the hook queues its own activation.
    await this.options.beforeRestore?.(this).catch((err: unknown) => this.log.error('The start-up sign-in failed', err));
    await this.enqueue(async () => {
      // A sign-in that raced activation has already chosen the profile.
      if (this.active) return;
      const id = this.profiles.activeId();
      if (id && !(await this.activate(id, false))) {
        this.log.warn('The active profile has no stored secret key (keyring reset or a session-only sign-in); sign in again.');
      }
      if (!this.active) await this.setSignedInContext(false);
    });
  }

  /** Builds the client for `profileId` (undefined = sign out), closes the old one, fires when asked. */
  private async activate(profileId: string | undefined, persist: boolean): Promise<boolean> {
    const profile = profileId ? this.profiles.get(profileId) : undefined;
    let next: Active | undefined;
    if (profile) {
      const secretKey = await this.secrets.get(SecretKeys.secretKey(profile.id));
      if (secretKey) {
        const securityToken = await this.secrets.get(SecretKeys.securityToken(profile.id));
        const registrations = [this.log.addSecret(secretKey), ...(securityToken ? [this.log.addSecret(securityToken)] : [])];
        try {
          const endpoint = this.effectiveEndpoint(profile);
          const options = await this.clientOptions(endpoint, { accessKey: profile.accessKeyId, secretKey, securityToken }, profile.projectId);
          next = { profile, client: this.clientFactory(options), secretRegistration: vscode.Disposable.from(...registrations) };
        } catch (error) {
          for (const r of registrations) r.dispose();
          this.log.error(`Could not build the client for profile "${profile.name}"`, error);
        }
      }
    }
    this.closeActive();
    this.active = next;
    if (persist) await this.profiles.setActive(next?.profile.id);
    await this.setSignedInContext(!!next);
    await vscode.commands.executeCommand('setContext', ContextKeys.readOnly, next?.profile.readOnly === true);
    this.emitter.fire(next?.profile);
    return !!next || !profileId;
  }

  private closeActive(): void {
    const old = this.active;
    this.active = undefined;
    if (!old) return;
    old.secretRegistration.dispose();
    old.client.close().catch((error: unknown) => this.log.warn('Closing the previous client failed', error));
  }

  private extensionVersion(): string {
    const version = (this.context.extension.packageJSON as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0';
  }

  private async setSignedInContext(signedIn: boolean): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKeys.signedIn, signedIn);
  }

  private tellOnce(key: string, message: string): void {
    if (this.toldAbout.has(key)) return;
    this.toldAbout.add(key);
    void vscode.window.showWarningMessage(message);
  }

  private async clientOptions(
    endpoint: string,
    credentials: { accessKey: string; secretKey: string; securityToken?: string | undefined },
    profileProjectId: string | undefined,
  ): Promise<DnsClientOptions> {
    const s = this.settings.get();
    const projectId = profileProjectId ?? s.projectId;
    let ca: string | undefined;
    if (s.caFile) {
      try {
        ca = await readFile(s.caFile, 'utf8');
      } catch (error) {
        this.log.warn(`huaweiDns.caFile: cannot read ${s.caFile}; using the default certificate authorities`, error);
        this.tellOnce(`caFile:${s.caFile}`, vscode.l10n.t('huaweiDns.caFile: cannot read {0}; the default certificate authorities are used.', s.caFile));
      }
    }
    if (!s.proxyStrictSSL) {
      // Never silent: the user turned verification off through VS Code's own setting.
      this.log.warn('http.proxyStrictSSL is false: TLS certificates of the endpoint and proxy are not verified');
      this.tellOnce('strictSSL', vscode.l10n.t('TLS certificate verification is off for Huawei DNS requests because http.proxyStrictSSL is false. Prefer huaweiDns.caFile for a corporate proxy.'));
    }
    return {
      endpoint,
      credentials: {
        accessKey: credentials.accessKey,
        secretKey: credentials.secretKey,
        ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
      },
      ...(projectId ? { projectId } : {}),
      timeoutMs: s.requestTimeoutSeconds * 1000,
      maxRetries: s.maxRetries,
      ...(s.proxy ? { proxy: s.proxy } : {}),
      noProxy: s.noProxy,
      ...(ca ? { ca } : {}),
      rejectUnauthorized: s.proxyStrictSSL,
      userAgent: `dns-batch-tasks/${this.extensionVersion()} vscode/${vscode.version}`,
      onRequest: (entry) => this.log.logRequest(entry),
    };
  }
}
