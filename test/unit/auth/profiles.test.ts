import * as assert from 'node:assert/strict';
import { StateKeys } from '../../../src/constants';
import { ProfileStore, type ProfileInfo, type StateLike } from '../../../src/auth/profiles';

class MemoryState implements StateLike {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  update(key: string, value: unknown) {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

const base: ProfileInfo = { id: 'p1', name: 'ops-prod', site: 'intl', endpoint: 'https://dns.ap-southeast-3.myhuaweicloud.com', accessKeyId: 'HPUA0000' };

describe('profile store', () => {
  it('writes only the non-secret fields, whatever it is given', async () => {
    const state = new MemoryState();
    const store = new ProfileStore(state);
    await store.save({ ...base, secretKey: 'LEAK', securityToken: 'LEAK2' } as unknown as ProfileInfo);
    const written = JSON.stringify(state.data.get(StateKeys.profiles));
    assert.ok(!written.includes('LEAK'), written);
    assert.deepEqual(store.list(), [base]);
  });

  it('finds by name case-insensitively, replaces by id, clears the active id on removal', async () => {
    const store = new ProfileStore(new MemoryState());
    await store.save(base);
    await store.save({ ...base, id: 'p2', name: 'dev' });
    await store.save({ ...base, projectId: 'proj' });
    assert.equal(store.list().length, 2);
    assert.equal(store.findByName(' OPS-prod ')?.projectId, 'proj');
    await store.setActive('p1');
    await store.remove('p1');
    assert.equal(store.activeId(), undefined);
    assert.deepEqual(store.list().map((p) => p.name), ['dev']);
  });

  it('ignores malformed stored entries', () => {
    const state = new MemoryState();
    state.data.set(StateKeys.profiles, [{ id: 1 }, null, base]);
    assert.deepEqual(new ProfileStore(state).list(), [base]);
  });
});
