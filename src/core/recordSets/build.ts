// A zone file's records grouped into record sets in the API's form: what an import (or a retry) would send.
import { MAX_CHECKED_RECORDS } from '../lint/index';
import type { ZoneRecord } from '../zone/index';
import type { RetryRecordSet } from './types';
import { apiRecordValue, ownerKey, upperType } from './values';

/** What the builder needs of a zone index (the index's `apex` and `details()`). */
export interface IndexWithDetails {
  readonly apex: string;
  records(): Iterable<ZoneRecord>;
  details(record: ZoneRecord): { ttl: number; rdata: string; origin: string };
}

/** `TYPE6` is SOA and `TYPE2` is NS (RFC 3597 spellings), for the two sets the system owns. */
export function canonicalType(type: string): string {
  const t = upperType(type);
  if (t === 'TYPE6') return 'SOA';
  if (t === 'TYPE2') return 'NS';
  return t;
}

/** The system creates the SOA and owns the apex NS set: neither is ever sent, nor compared. */
export function isSystemSet(name: string, type: string, apex: string): boolean {
  const t = canonicalType(type);
  return t === 'SOA' || (t === 'NS' && ownerKey(name) === ownerKey(apex));
}

export interface RecordSetsOptions {
  /**
   * Records read at most (default MAX_CHECKED_RECORDS, the pre-flight check's bound): the index expands
   * `$GENERATE` ranges, and `$GENERATE 0-4294967295` is four billion records. Past it the rest is not read.
   */
  maxRecords?: number;
}

/** Whether recordSetsOfZone reads all of an index of `size` records (else only the first maxRecords). */
export function readsWholeZone(size: number, options: RecordSetsOptions = {}): boolean {
  return size <= (options.maxRecords ?? MAX_CHECKED_RECORDS);
}

/**
 * Every record set of a zone file in the API's form, in file order (a set sits where its first record is):
 * all records of one owner and type, exact duplicates once; `ttl` the first record's (as BIND does); SOA and
 * apex NS left out. `$GENERATE` ranges count like the records they stand for (the index expands them, and
 * its details give each one's name, TTL and rdata).
 */
export function recordSetsOfZone(index: IndexWithDetails, options: RecordSetsOptions = {}): RetryRecordSet[] {
  const zone = ownerKey(index.apex);
  const sets = new Map<string, RetryRecordSet>();
  const seen = new Map<RetryRecordSet, Set<string>>();
  let left = options.maxRecords ?? MAX_CHECKED_RECORDS;
  for (const record of index.records()) {
    if (left-- <= 0) break;
    const type = canonicalType(record.type);
    const name = ownerKey(record.name);
    if (type === 'SOA' || (type === 'NS' && name === zone)) continue;
    const details = index.details(record);
    const value = apiRecordValue(type, details.rdata, details.origin);
    const key = `${name} ${type}`;
    const set = sets.get(key);
    if (!set) {
      sets.set(key, { zone_name: zone, name, type, ttl: details.ttl, records: [value] });
      continue;
    }
    let values = seen.get(set);
    if (!values) {
      values = new Set(set.records);
      seen.set(set, values);
    }
    if (!values.has(value)) {
      values.add(value);
      set.records.push(value);
    }
  }
  return [...sets.values()];
}
