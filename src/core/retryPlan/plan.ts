// Which record sets to send again for the failed items of a DONE task: the rules of issue 12, per item in order
// (why it failed, where it is in the zone files, which of its sets, whether each set is still wrong in the file
// or already live). Pure and synchronous. It reads only the records at the failed names, so a plan for 10,000
// items over a million-record zone costs a fraction of indexing it: lint runs over a view of just those names,
// which gives the same findings for their records, every rule that can fail a set being local to its name.
// Indexes from indexZoneFile are planned in place (inPlace.ts: positions, no record objects); this file's path
// over the ZoneIndex interface serves any other index (and $GENERATE ranges) and is the reference the in-place
// path is tested against.
import { lintRecords } from '../lint/index';
import type { LintFinding } from '../lint/rules';
import { isSystemSet, recordSetsOfZone } from '../recordSets/build';
import { differingFields } from '../recordSets/diff';
import type { RetryRecordSet } from '../recordSets/types';
import { CompactIndex, type ZoneIndex, type ZoneRecord } from '../zone/index';
import { planInPlace } from './inPlace';
import { liveByKey, messageReader, NOT_RETRYABLE, setKey, type RetryPlan, type RetryPlanInput, type SkippedItem } from './rules';

export { failedTypeOf } from './rules';
export type { RetryPlan, RetryPlanInput, SkippedItem, SkipReason } from './rules';

/** One record set of one zone that at least one item resolves to. */
interface Wanted {
  zone: number;
  key: string;
  records: ZoneRecord[];
  /** Indexes of the items that resolve to it, in order. */
  items: number[];
}

interface Pending {
  /** Item order, so the skipped list reads like the failed list. */
  order: number;
  entry: SkippedItem;
}

function where(record: ZoneRecord | undefined): { line?: number; file?: string } {
  return record ? { line: record.line, file: record.file } : {};
}

/** The indexer's own index without $GENERATE ranges (their records have no position of their own). */
const inPlace = (zone: ZoneIndex): zone is CompactIndex => zone instanceof CompactIndex && zone.compact.generates.length === 0;

export function planRetry(input: RetryPlanInput): RetryPlan {
  const { zones } = input;
  return zones.every(inPlace) ? planInPlace(input, zones) : planThroughInterface(input);
}

/** The plan over any ZoneIndex: records as objects, through lookup() and details(). */
export function planThroughInterface(input: RetryPlanInput): RetryPlan {
  const { items, zones } = input;
  const read = messageReader();
  /** Every record at each name looked up, per zone: lint reads the same objects again. */
  const atName = zones.map(() => new Map<string, ZoneRecord[]>());
  const skipped: Pending[] = [];
  const skip = (order: number, entry: SkippedItem): void => {
    skipped.push({ order, entry });
  };
  const wanted = new Map<string, Wanted>();

  for (let i = 0; i < items.length; i++) {
    const { item, errorMessage } = items[i]!;
    const { explained, type } = read(errorMessage);
    // Rule 2's lookup, also to link rule 1's skips to their line: any case, trailing dot optional.
    const found: { zone: number; records: ZoneRecord[] }[] = [];
    let systemOnly: ZoneRecord | undefined;
    for (let z = 0; z < zones.length; z++) {
      const zone = zones[z]!;
      const hits = item.trim() === '' ? [] : zone.lookup(item);
      const records = hits.filter((r) => !isSystemSet(r.name, r.type, zone.apex));
      if (records.length > 0) {
        found.push({ zone: z, records });
        atName[z]!.set(records[0]!.name, hits);
      }
      else systemOnly ??= hits[0];
    }
    const first = found[0]?.records[0];

    // Rule 1: what the message says about sending it again.
    if (explained.kind === 'already-exists') {
      skip(i, { item, reason: 'already-exists', detail: explained.summary, ...where(first) });
      continue;
    }
    if (NOT_RETRYABLE.has(explained.kind)) {
      skip(i, { item, reason: 'not-retryable', detail: explained.summary, ...where(first) });
      continue;
    }
    // Rule 2: exactly one zone file holds it.
    if (found.length === 0) {
      const detail = systemOnly
        ? `${item} holds only the zone's SOA or apex NS records, which the system owns and a retry never sends.`
        : `${item} is in none of the zone files.`;
      skip(i, { item, reason: 'not-found', detail, ...where(systemOnly) });
      continue;
    }
    if (found.length > 1) {
      const files = found.map((f) => zones[f.zone]!.files[0] ?? zones[f.zone]!.apex);
      skip(i, { item, reason: 'ambiguous', detail: `${item} is in ${found.length} zone files: ${files.join(', ')}. Keep it in one, then retry.`, ...where(first) });
      continue;
    }
    // Rule 3: every set at the name, or only the type the message names.
    const { zone, records } = found[0]!;
    const chosen = type === undefined ? records : records.filter((r) => r.type.toUpperCase() === type);
    if (chosen.length === 0) {
      skip(i, { item, reason: 'not-found', detail: `The message names type ${type}, but the zone file has no ${type} record at ${item}.`, ...where(first) });
      continue;
    }
    for (const r of chosen) {
      const key = `${zone}\n${setKey(r.name, r.type)}`;
      let w = wanted.get(key);
      if (!w) {
        const k = setKey(r.name, r.type);
        // The first item to reach a set brings all its records, once.
        w = { zone, key: k, records: chosen.filter((c) => setKey(c.name, c.type) === k), items: [] };
        wanted.set(key, w);
      }
      if (w.items[w.items.length - 1] !== i) w.items.push(i);
    }
  }

  // Rule 4, zone by zone: lint over the failed names, then the live copy.
  const live = liveByKey(input.live ?? []);
  const recordsets: RetryRecordSet[] = [];
  for (let z = 0; z < zones.length; z++) {
    const sets = [...wanted.values()].filter((w) => w.zone === z);
    if (sets.length === 0) continue;
    const zone = cached(zones[z]!);
    const errors = lintErrors(zones[z]!, atName[z]!, sets, input.minTtl);
    const built = recordSetsOfZone(view(zone, inFileOrder(zone, sets.flatMap((s) => s.records))));
    const byKey = new Map(sets.map((s) => [s.key, s]));
    for (const set of built) {
      const w = byKey.get(setKey(set.name, set.type));
      if (!w) continue;
      const finding = firstError(zone, w.records, errors);
      if (finding) {
        for (const i of w.items) skip(i, { item: items[i]!.item, reason: 'lint-error', detail: `${set.name} ${set.type}: ${finding.message}`, line: finding.line, file: finding.file });
        continue;
      }
      const copy = live.get(setKey(set.name, set.type));
      if (copy && differingFields(set, copy, { apex: zone.apex }).length === 0) {
        const detail = `${set.name} ${set.type} is live with the same TTL and records (${copy.status}).`;
        for (const i of w.items) skip(i, { item: items[i]!.item, reason: 'live-identical', detail, ...where(w.records[0]) });
        continue;
      }
      recordsets.push(set);
    }
  }
  skipped.sort((a, b) => a.order - b.order);
  return { recordsets, skipped: skipped.map((s) => s.entry) };
}

/** Records in the order the zone file holds them (an include's records where the $INCLUDE is). */
function inFileOrder(zone: ZoneIndex, records: readonly ZoneRecord[]): ZoneRecord[] {
  const files = new Set(records.map((r) => r.file));
  if (files.size <= 1) return [...records].sort((a, b) => a.line - b.line);
  // Across files only the index knows the order: walk it once.
  const position = new Map<string, number>();
  let n = 0;
  for (const r of zone.records()) {
    const k = `${r.file}\n${r.line}\n${r.type}\n${r.name}`;
    if (!position.has(k)) position.set(k, n);
    n++;
  }
  const at = (r: ZoneRecord) => position.get(`${r.file}\n${r.line}\n${r.type}\n${r.name}`) ?? Number.MAX_SAFE_INTEGER;
  return [...records].sort((a, b) => at(a) - at(b));
}

/** The zone with each record's details parsed once (the builder, lint and the syntax check all ask). */
function cached(zone: ZoneIndex): ZoneIndex {
  const memo = new Map<ZoneRecord, ReturnType<ZoneIndex['details']>>();
  return {
    records: () => zone.records(),
    lookup: (name) => zone.lookup(name),
    details: (record) => {
      let d = memo.get(record);
      if (!d) memo.set(record, (d = zone.details(record)));
      return d;
    },
    get apex() {
      return zone.apex;
    },
    diagnostics: zone.diagnostics,
    size: zone.size,
    origin: zone.origin,
    files: zone.files,
  };
}

/** The zone seen through a few of its records (lookup, details and the rest are the zone's own). */
function view(zone: ZoneIndex, records: readonly ZoneRecord[]): ZoneIndex {
  return {
    records: () => records,
    lookup: (name) => zone.lookup(name),
    details: (record) => zone.details(record),
    get apex() {
      return zone.apex;
    },
    diagnostics: zone.diagnostics,
    size: records.length,
    origin: zone.origin,
    files: zone.files,
  };
}

/**
 * Error findings on the records at the wanted names, by file and line. Lint sees every record at those names
 * (a CNAME conflicts with any other type there), SOA and NS included, and the indexer's diagnostics.
 */
function lintErrors(zone: ZoneIndex, atName: ReadonlyMap<string, ZoneRecord[]>, sets: readonly Wanted[], minTtl: number | undefined): Map<string, LintFinding> {
  const names = new Set(sets.map((s) => s.records[0]!.name));
  const records: ZoneRecord[] = [];
  for (const name of names) records.push(...(atName.get(name) ?? zone.lookup(name)));
  // Read in place from the index's compact form when it has one (no string per record).
  const result = lintRecords(zone, inFileOrder(zone, records), minTtl === undefined ? {} : { minTtl });
  const out = new Map<string, LintFinding>();
  for (const f of result.findings) {
    if (f.severity !== 'error') continue;
    const k = `${f.file}\n${f.line}`;
    if (!out.has(k)) out.set(k, f);
  }
  return out;
}

const syntaxSeen = new WeakMap<Map<string, LintFinding>, boolean>();
function hasSyntax(errors: Map<string, LintFinding>): boolean {
  let seen = syntaxSeen.get(errors);
  if (seen === undefined) {
    seen = [...errors.values()].some((f) => f.rule === 'syntax');
    syntaxSeen.set(errors, seen);
  }
  return seen;
}

/** The first error on one of the set's records: on its start line, or (syntax) on a line it spans. */
function firstError(zone: ZoneIndex, records: readonly ZoneRecord[], errors: Map<string, LintFinding>): LintFinding | undefined {
  if (errors.size === 0) return undefined;
  for (const r of records) {
    const own = errors.get(`${r.file}\n${r.line}`);
    if (own) return own;
  }
  if (!hasSyntax(errors)) return undefined;
  for (const r of records) {
    const end = zone.details(r).endLine;
    for (let line = r.line + 1; line <= end; line++) {
      const f = errors.get(`${r.file}\n${line}`);
      if (f?.rule === 'syntax') return f;
    }
  }
  return undefined;
}
