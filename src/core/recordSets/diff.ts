// A zone file's record sets against the live zone's, keyed by (name, type) and compared the way the service
// stores values, so spelling (quotes, case, trailing dots, IPv6 forms, leading zeros) never shows as a change.
import { isSystemSet } from './build';
import { sameIpv6 } from './ipv6';
import { LiveIndex } from './liveIndex';
import type { LiveRecordSet, RetryRecordSet } from './types';
import { normalizeValue, ownerKey, upperType } from './values';

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
  return ACTIVE.has(status) || ACTIVE.has(status.toUpperCase());
}

/** The system's own sets: SOA, the apex NS and anything marked `default: true`. */
export function isSystemLiveSet(set: Pick<LiveRecordSet, 'name' | 'type' | 'default'>, apex: string): boolean {
  return set.default === true || isSystemSet(set.name, set.type, apex);
}

/** The values in comparison form, sorted, each once: two sets are equal exactly when these lists are. */
function canonicalValues(type: string, records: readonly string[], apex: string): string[] {
  const out = records.map((r) => normalizeValue(type, r, apex));
  if (out.length < 2) return out;
  out.sort();
  let w = 1;
  for (let i = 1; i < out.length; i++) if (out[i] !== out[w - 1]) out[w++] = out[i]!;
  out.length = w;
  return out;
}

function sameValues(type: string, a: readonly string[], b: readonly string[], apex: string): boolean {
  // Nearly every set holds one value, often spelled alike on both sides (equal text, equal normal form).
  if (a.length === 1 && b.length === 1) {
    const x = a[0]!;
    const y = b[0]!;
    if (x === y) return true;
    // Two addresses compare as numbers: neither canonical text is written.
    if (type === 'AAAA') {
      const same = sameIpv6(x, y);
      if (same !== undefined) return same;
    }
    return normalizeValue(type, x, apex) === normalizeValue(type, y, apex);
  }
  if (a.length === b.length && a.every((v, i) => v === b[i])) return true;
  const x = canonicalValues(type, a, apex);
  const y = canonicalValues(type, b, apex);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * What differs between a file's set and the live set of the same name and type: `records` (compared as sets
 * of normalised values) and `ttl` (unless ignored). Empty when they agree. The caller checks the status.
 */
export function differingFields(file: Pick<RetryRecordSet, 'type' | 'ttl' | 'records'>, live: Pick<LiveRecordSet, 'ttl' | 'records'>, options: DiffOptions): DiffField[] {
  return fieldsOf(upperType(file.type), file, live, ownerKey(options.apex), options.ignoreTtl === true);
}

const NONE: DiffField[] = [];

function fieldsOf(type: string, file: Pick<RetryRecordSet, 'ttl' | 'records'>, live: Pick<LiveRecordSet, 'ttl' | 'records'>, apex: string, ignoreTtl: boolean): DiffField[] {
  const records = !sameValues(type, file.records, live.records, apex);
  const ttl = !ignoreTtl && file.ttl !== live.ttl;
  if (!records && !ttl) return NONE;
  return records && ttl ? ['records', 'ttl'] : records ? ['records'] : ['ttl'];
}

/** Compares a zone file's sets (recordSetsOfZone) with the live zone's (listRecordSets). Pure, synchronous. */
export function diffZone(file: readonly RetryRecordSet[], live: readonly LiveRecordSet[], options: DiffOptions): ZoneDiff {
  const apex = ownerKey(options.apex);
  const ignoreTtl = options.ignoreTtl === true;
  const result: ZoneDiff = { same: [], onlyInFile: [], onlyLive: [], differs: [], inactive: [] };
  const index = new LiveIndex(live.length);
  for (let at = 0; at < live.length; at++) {
    const set = live[at]!;
    // isSystemLiveSet, with the type and owner each worked out once per set.
    if (set.default === true) continue;
    const type = upperType(set.type);
    if (type === 'SOA' || type === 'TYPE6') continue;
    const h = index.hashOf(set.name, type);
    const name = index.lastOwner;
    if ((type === 'NS' || type === 'TYPE2') && name === apex) continue;
    if (set.status !== 'ACTIVE' && !isActiveStatus(set.status)) {
      result.inactive.push(set);
      continue;
    }
    index.add(at, name, type, h);
  }
  const state = index.state;
  for (const set of file) {
    const type = upperType(set.type);
    const h = index.hashOf(set.name, type);
    const at = index.find(index.lastOwner, type, h);
    if (at < 0 || state[at] === 2) {
      result.onlyInFile.push(set);
      continue;
    }
    state[at] = 2;
    const match = live[at]!;
    const fields = fieldsOf(type, set, match, apex, ignoreTtl);
    if (fields.length === 0) result.same.push({ name: set.name, type: set.type });
    else result.differs.push({ file: set, live: match, fields });
  }
  for (let i = 0; i < live.length; i++) if (state[i] === 1) result.onlyLive.push(live[i]!);
  return result;
}
