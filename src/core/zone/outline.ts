// What an outline shows of one zone file: its owners and their records, bounded. A `$GENERATE 0-4294967295`
// line would otherwise expand into billions of symbols (3.4 GB in 16 s); ranges of included files are not
// expanded at all, and the caller's cancellation is checked as the records are visited.
import type { ZoneIndex, ZoneRecord } from './store';

export interface OutlineOwner {
  name: string;
  records: ZoneRecord[];
}

export interface Outline {
  owners: OutlineOwner[];
  /** True when a limit left records out. */
  truncated: boolean;
  cancelled: boolean;
}

export const OUTLINE_LIMITS = { owners: 20_000, records: 50_000 } as const;

export function outlineOf(index: ZoneIndex, file: string, options: { maxOwners?: number; maxRecords?: number; isCancelled?: () => boolean } = {}): Outline {
  const maxOwners = options.maxOwners ?? OUTLINE_LIMITS.owners;
  const maxRecords = options.maxRecords ?? OUTLINE_LIMITS.records;
  const owners = new Map<string, OutlineOwner>();
  let visited = 0;
  for (const r of index.records(file)) {
    if (visited % 1000 === 0 && options.isCancelled?.()) return { owners: [...owners.values()], truncated: true, cancelled: true };
    if (visited >= maxRecords) return { owners: [...owners.values()], truncated: true, cancelled: false };
    visited++;
    let owner = owners.get(r.name);
    if (!owner) {
      if (owners.size >= maxOwners) return { owners: [...owners.values()], truncated: true, cancelled: false };
      owner = { name: r.name, records: [] };
      owners.set(r.name, owner);
    }
    owner.records.push(r);
  }
  return { owners: [...owners.values()], truncated: false, cancelled: false };
}
