// A zone file's record sets against the live zone's, keyed by (name, type) and compared the way the service
// stores values, so spelling (quotes, case, trailing dots, IPv6 forms, leading zeros) never shows as a change.
import { isSystemSet } from './build';
import type { LiveRecordSet, RetryRecordSet } from './types';
import { normalizeRecordValue, ownerKey } from './values';

export type DiffField = 'records' | 'ttl';

export interface ZoneDiff {
  /** In both and equal; spelled as in the file. */
  same: { name: string; type: string }[];
  /** Would be created by an import. */
  onlyInFile: RetryRecordSet[];
  /** In the zone, not in the file. */
  onlyLive: LiveRecordSet[];
  differs: { file: RetryRecordSet; live: LiveRecordSet; fields: DiffField[] }[];
  /** Live sets whose status is not ACTIVE, PENDING_CREATE or PENDING_UPDATE: set aside, otherwise absent. */
  inactive: LiveRecordSet[];
}

export interface DiffOptions {
  apex: string;
  ignoreTtl?: boolean;
}

const ACTIVE = new Set(['ACTIVE', 'PENDING_CREATE', 'PENDING_UPDATE']);

/** Whether a live set counts as present (the service serves it, or is about to). */
export function isActiveStatus(status: string): boolean {
  return ACTIVE.has(status.toUpperCase());
}

/** The system's own sets: SOA, the apex NS and anything marked `default: true`. */
export function isSystemLiveSet(set: Pick<LiveRecordSet, 'name' | 'type' | 'default'>, apex: string): boolean {
  return set.default === true || isSystemSet(set.name, set.type, apex);
}

function valueSet(type: string, records: readonly string[], apex: string): Set<string> {
  const out = new Set<string>();
  for (const r of records) out.add(normalizeRecordValue(type, r, apex));
  return out;
}

function sameValues(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}

/**
 * What differs between a file's set and the live set of the same name and type: `records` (compared as sets
 * of normalised values) and `ttl` (unless ignored). Empty when they agree. The caller checks the status.
 */
export function differingFields(file: Pick<RetryRecordSet, 'type' | 'ttl' | 'records'>, live: Pick<LiveRecordSet, 'ttl' | 'records'>, options: DiffOptions): DiffField[] {
  const fields: DiffField[] = [];
  const apex = ownerKey(options.apex);
  if (!sameValues(valueSet(file.type, file.records, apex), valueSet(file.type, live.records, apex))) fields.push('records');
  if (!options.ignoreTtl && file.ttl !== live.ttl) fields.push('ttl');
  return fields;
}

/** Compares a zone file's sets (recordSetsOfZone) with the live zone's (listRecordSets). Pure, synchronous. */
export function diffZone(file: readonly RetryRecordSet[], live: readonly LiveRecordSet[], options: DiffOptions): ZoneDiff {
  const apex = ownerKey(options.apex);
  const result: ZoneDiff = { same: [], onlyInFile: [], onlyLive: [], differs: [], inactive: [] };
  const byKey = new Map<string, LiveRecordSet>();
  const present: LiveRecordSet[] = [];
  for (const set of live) {
    if (isSystemLiveSet(set, apex)) continue;
    if (!isActiveStatus(set.status)) {
      result.inactive.push(set);
      continue;
    }
    present.push(set);
    const key = `${ownerKey(set.name)} ${set.type.toUpperCase()}`;
    // Sets on other resolution lines share name and type; the file (which has no lines) matches the first,
    // the others stay only live.
    if (!byKey.has(key)) byKey.set(key, set);
  }
  const used = new Set<LiveRecordSet>();
  const opts = { apex, ...(options.ignoreTtl ? { ignoreTtl: true } : {}) };
  for (const set of file) {
    const match = byKey.get(`${ownerKey(set.name)} ${set.type.toUpperCase()}`);
    if (!match || used.has(match)) {
      result.onlyInFile.push(set);
      continue;
    }
    used.add(match);
    const fields = differingFields(set, match, opts);
    if (fields.length === 0) result.same.push({ name: set.name, type: set.type });
    else result.differs.push({ file: set, live: match, fields });
  }
  for (const set of present) if (!used.has(set)) result.onlyLive.push(set);
  return result;
}
