// SecretStorage that survives a broken keyring. On Linux without a keyring `secrets.get/store` throw (or store
// silently nothing); then the user is told why, how to fix it, and may keep the keys in memory for this
// session only. Nothing is ever written anywhere else. No runtime vscode import: the UI is injected, so the
// fallback logic is unit-tested in plain Node.

/** The subset of vscode.SecretStorage used here; tests pass a failing one. */
export interface SecretBackend {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export interface SecretStoreUi {
  /** Explains the failure and asks whether to keep keys for this session only. */
  askSessionOnly(error: unknown): Promise<boolean>;
  /** Tells the user (without waiting) that keys are now kept for this session only. */
  notifySessionOnly(error: unknown): void;
  /** Tells the user (without waiting) that stored keys cannot be read, so they must sign in again. */
  notifyUnreadable(error: unknown): void;
}

export class SecretStorageUnavailableError extends Error {
  override readonly name = 'SecretStorageUnavailableError';
  constructor(cause: unknown) {
    super('The operating system keyring is not available, so the secret key could not be stored.', { cause });
  }
}

export type SecretStoreMode = 'keyring' | 'sessionOnly';

export class SecretStore {
  private readonly memory = new Map<string, string>();
  private modeValue: SecretStoreMode = 'keyring';
  private reportedUnreadable = false;

  constructor(
    private backend: SecretBackend,
    private readonly ui: SecretStoreUi,
    private readonly log: { warn(message: string, error?: unknown): void },
  ) {}

  get mode(): SecretStoreMode {
    return this.modeValue;
  }

  /**
   * Test hook: swap the backend (e.g. for one that throws like a missing keyring). Starts over in keyring mode
   * and forgets session-only secrets, so a test that broke the keyring can hand back a clean store.
   */
  replaceBackend(backend: SecretBackend): void {
    this.backend = backend;
    this.modeValue = 'keyring';
    this.reportedUnreadable = false;
    this.memory.clear();
  }

  async get(key: string): Promise<string | undefined> {
    if (this.memory.has(key)) return this.memory.get(key);
    if (this.modeValue === 'sessionOnly') return undefined;
    try {
      return await this.backend.get(key);
    } catch (error) {
      // Reading fails the same way as writing; nothing is stored for this session yet, so "signed out".
      this.log.warn('SecretStorage could not be read', error);
      if (!this.reportedUnreadable) {
        this.reportedUnreadable = true;
        this.ui.notifyUnreadable(error);
      }
      return undefined;
    }
  }

  /**
   * Stores in SecretStorage; a write that throws or does not read back switches to session-only memory if the
   * user agrees (interactive) or at once with a notice (automation, which has no one to ask).
   * Throws SecretStorageUnavailableError when the user declines.
   */
  async store(key: string, value: string, interactive: boolean): Promise<void> {
    if (this.modeValue === 'sessionOnly') {
      this.memory.set(key, value);
      return;
    }
    let failure: unknown;
    try {
      await this.backend.store(key, value);
      // A keyring that accepts writes but keeps nothing is as broken as one that throws.
      if ((await this.backend.get(key)) !== value) failure = new Error('the stored secret did not read back');
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) return;
    this.log.warn('SecretStorage could not store a secret', failure);
    if (interactive) {
      if (!(await this.ui.askSessionOnly(failure))) throw new SecretStorageUnavailableError(failure);
    } else {
      this.ui.notifySessionOnly(failure);
    }
    this.modeValue = 'sessionOnly';
    this.memory.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.memory.delete(key);
    if (this.modeValue === 'sessionOnly') {
      // Best effort: an older copy may still sit in a keyring that later came back.
      await Promise.resolve(this.backend.delete(key)).catch(() => undefined);
      return;
    }
    try {
      await this.backend.delete(key);
    } catch (error) {
      this.log.warn('SecretStorage could not delete a secret', error);
    }
  }
}

