import * as assert from 'node:assert/strict';
import { SecretStorageUnavailableError, SecretStore, type SecretBackend, type SecretStoreUi } from '../../../src/platform/secrets';

class MapBackend implements SecretBackend {
  readonly map = new Map<string, string>();
  get(key: string) {
    return Promise.resolve(this.map.get(key));
  }
  store(key: string, value: string) {
    this.map.set(key, value);
    return Promise.resolve();
  }
  delete(key: string) {
    this.map.delete(key);
    return Promise.resolve();
  }
}

/** Like Linux without a keyring: every call throws. */
const throwing: SecretBackend = {
  get: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  store: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  delete: () => Promise.reject(new Error('locked')),
};

function ui(answer: boolean) {
  const calls = { asked: 0, notified: 0, unreadable: 0 };
  const value: SecretStoreUi = {
    askSessionOnly: () => {
      calls.asked++;
      return Promise.resolve(answer);
    },
    notifySessionOnly: () => {
      calls.notified++;
    },
    notifyUnreadable: () => {
      calls.unreadable++;
    },
  };
  return { ui: value, calls };
}
const quietLog = { warn: () => undefined };

describe('SecretStore', () => {
  it('round-trips through a working backend without asking anything', async () => {
    const backend = new MapBackend();
    const { ui: u, calls } = ui(true);
    const store = new SecretStore(backend, u, quietLog);
    await store.store('k', 'v', true);
    assert.equal(await store.get('k'), 'v');
    assert.equal(backend.map.get('k'), 'v');
    assert.equal(store.mode, 'keyring');
    assert.deepEqual(calls, { asked: 0, notified: 0, unreadable: 0 });
    await store.delete('k');
    assert.equal(await store.get('k'), undefined);
  });

  it('asks, then keeps the secret in memory only when the keyring throws', async () => {
    const { ui: u, calls } = ui(true);
    const store = new SecretStore(throwing, u, quietLog);
    await store.store('k', 'v', true);
    assert.equal(calls.asked, 1);
    assert.equal(store.mode, 'sessionOnly');
    assert.equal(await store.get('k'), 'v');
    await store.store('k2', 'v2', true);
    assert.equal(calls.asked, 1, 'asks once per session');
  });

  it('refuses to store when the user declines session-only', async () => {
    const store = new SecretStore(throwing, ui(false).ui, quietLog);
    await assert.rejects(store.store('k', 'v', true), SecretStorageUnavailableError);
    assert.equal(await store.get('k'), undefined);
  });

  it('falls back at once with a notice when nobody can be asked', async () => {
    const { ui: u, calls } = ui(false);
    const store = new SecretStore(throwing, u, quietLog);
    await store.store('k', 'v', false);
    assert.deepEqual(calls, { asked: 0, notified: 1, unreadable: 0 });
    assert.equal(await store.get('k'), 'v');
  });

  it('treats a keyring that keeps nothing as broken', async () => {
    const forgetful: SecretBackend = { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve() };
    const { ui: u, calls } = ui(true);
    const store = new SecretStore(forgetful, u, quietLog);
    await store.store('k', 'v', true);
    assert.equal(calls.asked, 1);
    assert.equal(await store.get('k'), 'v');
  });

  it('reads as signed out when the keyring cannot be read, and says so once', async () => {
    const { ui: u, calls } = ui(true);
    const store = new SecretStore(throwing, u, quietLog);
    assert.equal(await store.get('k'), undefined);
    assert.equal(await store.get('k2'), undefined);
    assert.equal(calls.unreadable, 1);
  });
});
