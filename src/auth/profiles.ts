// The profile list in globalState: names, sites, endpoints, access key ids, project ids. Never a secret
// (those live only in SecretStorage under SecretKeys). Pure over a Memento-like interface.
import { randomUUID } from 'node:crypto';
import { StateKeys } from '../constants';
import type { Site } from '../core/sites';

export interface ProfileInfo {
  id: string;
  name: string;
  site: Site | 'custom';
  endpoint: string;
  region?: string;
  accessKeyId: string;
  projectId?: string;
  /** Writes (a retry of failed items) are refused at once for this profile. */
  readOnly?: boolean;
}

/** The part of vscode.Memento used here. */
export interface StateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

function isProfile(value: unknown): value is ProfileInfo {
  const p = value as Partial<ProfileInfo> | null;
  return !!p && typeof p.id === 'string' && typeof p.name === 'string' && typeof p.endpoint === 'string' && typeof p.accessKeyId === 'string';
}

/** Only the known, non-secret fields are ever written, whatever the caller passes. */
function clean(p: ProfileInfo): ProfileInfo {
  return {
    id: p.id,
    name: p.name,
    site: p.site,
    endpoint: p.endpoint,
    ...(p.region ? { region: p.region } : {}),
    accessKeyId: p.accessKeyId,
    ...(p.projectId ? { projectId: p.projectId } : {}),
    ...(p.readOnly === true ? { readOnly: true } : {}),
  };
}

export function newProfileId(): string {
  return randomUUID().slice(0, 8);
}

export class ProfileStore {
  constructor(private readonly state: StateLike) {}

  list(): ProfileInfo[] {
    const raw = this.state.get<unknown[]>(StateKeys.profiles);
    return Array.isArray(raw) ? raw.filter(isProfile).map(clean) : [];
  }

  findByName(name: string): ProfileInfo | undefined {
    const wanted = name.trim().toLowerCase();
    return this.list().find((p) => p.name.toLowerCase() === wanted);
  }

  get(id: string): ProfileInfo | undefined {
    return this.list().find((p) => p.id === id);
  }

  activeId(): string | undefined {
    return this.state.get<string>(StateKeys.activeProfile);
  }

  async setActive(id: string | undefined): Promise<void> {
    await this.state.update(StateKeys.activeProfile, id);
  }

  /** Adds or replaces (same id) a profile. */
  async save(profile: ProfileInfo): Promise<void> {
    const others = this.list().filter((p) => p.id !== profile.id);
    await this.state.update(StateKeys.profiles, [...others, clean(profile)]);
  }

  async remove(id: string): Promise<void> {
    await this.state.update(StateKeys.profiles, this.list().filter((p) => p.id !== id));
    if (this.activeId() === id) await this.setActive(undefined);
  }
}
