// planRetry over the indexer's compact form: the same rules and the same result as the general path (plan.ts),
// with records kept as positions (integers into the index's typed arrays) until the end. A plan for 10,000
// items over a million-record zone then makes objects only for what it returns: the general path's record
// objects, lookup arrays and per-record keys, all alive until the plan is done, were what its time went to
// (young-generation collections copying them again and again). Details (rdata, origin) are read only for the
// sets that are sent.
import { lintPositions, type LintFinding } from '../lint/index';
import { apiRecordValue, ownerKey } from '../recordSets/values';
import { canonicalType } from '../recordSets/build';
import { differingFields } from '../recordSets/diff';
import type { RetryRecordSet } from '../recordSets/types';
import { lineBreaks } from '../zone/details';
import type { CompactIndex, CompactZoneIndex } from '../zone/index';
import { liveByKey, messageReader, NOT_RETRYABLE, setKey, type RetryPlan, type RetryPlanInput, type SkippedItem } from './rules';

/**
 * A zone's compact form, and per type id what the rules ask of a type. A class, not an object literal: V8 widens
 * the field types of a literal the second time its site runs, which threw away the code optimised during a
 * process's first plan at the start of its second one (both ran at cold-start speed).
 */
class Zone {
  readonly d: CompactZoneIndex;
  readonly head: Int32Array;
  /** Owner id of the apex (its NS set is the system's), -1 when nothing is there. */
  readonly apexId: number;
  /** Per type id: the type upper case (rule 3 compares it), the builder's type (`TYPE2` is `NS`), its group. */
  readonly upper: string[];
  readonly canon: string[];
  readonly group: Int32Array;
  /** Per type id: 1 SOA (always the system's), 2 NS (the system's at the apex), 0 other. */
  readonly system: Uint8Array;
  /** Per owner id: index + 1 of its last set in the plan (0 = none); made when the zone first has one. */
  firstSet: Int32Array | undefined = undefined;
  /** File ids by path (lint findings name files). */
  readonly fileIds: Map<string, number>;

  constructor(readonly index: CompactIndex) {
    const d = index.compact;
    this.d = d;
    this.head = d.names.head;
    this.upper = d.types.map((t) => t.toUpperCase());
    this.canon = d.types.map(canonicalType);
    const groupIds = new Map<string, number>();
    this.group = new Int32Array(d.types.length);
    this.system = new Uint8Array(d.types.length);
    this.canon.forEach((t, k) => {
      let g = groupIds.get(t);
      if (g === undefined) groupIds.set(t, (g = groupIds.size));
      this.group[k] = g;
      this.system[k] = t === 'SOA' ? 1 : t === 'NS' ? 2 : 0;
    });
    this.fileIds = new Map(d.files.map((f, k) => [f, k]));
    this.apexId = index.ownerId(ownerKey(index.apex));
  }
}

const isSystem = (z: Zone, position: number, id: number): boolean => {
  const s = z.system[z.d.recType[position] as number];
  return s === 1 || (s === 2 && id === z.apexId);
};

/** The records of owner `id`, in file order, into `out` (reused); returns how many. */
function chain(z: Zone, id: number, out: number[]): number {
  let n = 0;
  for (let i = z.head[id] as number; i > 0; i = z.d.recNext[i - 1] as number) out[n++] = i - 1;
  // Chains run newest first.
  for (let a = 0, b = n - 1; a < b; a++, b--) {
    const t = out[a] as number;
    out[a] = out[b] as number;
    out[b] = t;
  }
  return n;
}

/** One record set of one zone that at least one item resolves to. */
interface Wanted {
  zone: number;
  owner: number;
  /** Its type group (Zone.group). */
  group: number;
  /** Index + 1 of the owner's previous set (0 = none): the chain from Zone.firstSet. */
  next: number;
  /** Positions, in file order (the records of the first item to reach the set). */
  records: number[];
  /** Indexes of the items that resolve to it, in order. */
  items: number[];
}

const where = (z: Zone, position: number): { line: number; file: string } => ({
  line: z.d.recLine[position] as number,
  file: z.d.files[z.d.recFile[position] as number] as string,
});

export function planInPlace(input: RetryPlanInput, indexes: readonly CompactIndex[]): RetryPlan {
  const { items } = input;
  const zones = indexes.map((index) => new Zone(index));
  const read = messageReader();
  const skipped: { order: number; entry: SkippedItem }[] = [];
  const skip = (order: number, entry: SkippedItem): void => {
    skipped.push({ order, entry });
  };
  const sets: Wanted[] = [];
  const at: number[] = [];
  const foundZone: number[] = [];
  const foundOwner: number[] = [];

  for (let i = 0; i < items.length; i++) {
    const { item, errorMessage } = items[i]!;
    const { explained, type } = read(errorMessage);
    // Rule 2's lookup, also to link rule 1's skips to their line: any case, trailing dot optional.
    let found = 0;
    let first = -1;
    let systemZone = -1;
    let systemOnly = -1;
    if (item.trim() !== '') {
      for (let z = 0; z < zones.length; z++) {
        const zone = zones[z]!;
        const id = zone.index.ownerId(item);
        if (id < 0) continue;
        const n = chain(zone, id, at);
        let own = -1;
        for (let k = 0; k < n && own < 0; k++) if (!isSystem(zone, at[k] as number, id)) own = at[k] as number;
        if (own >= 0) {
          if (found === 0) first = own;
          foundZone[found] = z;
          foundOwner[found] = id;
          found++;
        } else if (systemOnly < 0 && n > 0) {
          systemZone = z;
          systemOnly = at[0] as number;
        }
      }
    }
    // Where rule 1's and rule 3's skips link to (made only for a skip).
    const firstAt = (): { line?: number; file?: string } => (found > 0 ? where(zones[foundZone[0] as number]!, first) : {});

    // Rule 1: what the message says about sending it again.
    if (explained.kind === 'already-exists') {
      skip(i, { item, reason: 'already-exists', detail: explained.summary, ...firstAt() });
      continue;
    }
    if (NOT_RETRYABLE.has(explained.kind)) {
      skip(i, { item, reason: 'not-retryable', detail: explained.kind === 'unknown' ? errorMessage : explained.summary, ...firstAt() });
      continue;
    }
    // Rule 2: exactly one zone file holds it.
    if (found === 0) {
      const detail = systemOnly >= 0
        ? `${item} holds only the zone's SOA or apex NS records, which the system owns and a retry never sends.`
        : `${item} is in none of the zone files.`;
      skip(i, { item, reason: 'not-found', detail, ...(systemOnly >= 0 ? where(zones[systemZone]!, systemOnly) : {}) });
      continue;
    }
    if (found > 1) {
      const files = foundZone.slice(0, found).map((z) => indexes[z]!.files[0] ?? indexes[z]!.apex);
      skip(i, { item, reason: 'ambiguous', detail: `${item} is in ${found} zone files: ${files.join(', ')}. Keep it in one, then retry.`, ...firstAt() });
      continue;
    }
    // Rule 3: every set at the name, or only the type the message names.
    const z = foundZone[0] as number;
    const zone = zones[z]!;
    const id = foundOwner[0] as number;
    const n = chain(zone, id, at);
    let chosen = 0;
    for (let k = 0; k < n; k++) {
      const r = at[k] as number;
      if (isSystem(zone, r, id)) continue;
      const t = zone.d.recType[r] as number;
      if (type !== undefined && zone.upper[t] !== type) continue;
      chosen++;
      const group = zone.group[t] as number;
      let w: Wanted | undefined;
      for (let s = (zone.firstSet ??= new Int32Array(zone.d.names.count))[id] as number; s > 0 && !w; s = sets[s - 1]!.next) {
        if (sets[s - 1]!.group === group) w = sets[s - 1];
      }
      if (!w) {
        // The first item to reach a set brings all its records (the chosen ones of that type), once.
        w = { zone: z, owner: id, group, records: [r], items: [i], next: zone.firstSet[id] as number };
        sets.push(w);
        zone.firstSet[id] = sets.length;
        for (let j = k + 1; j < n; j++) {
          const c = at[j] as number;
          const u = zone.d.recType[c] as number;
          if (zone.group[u] === group && !isSystem(zone, c, id) && (type === undefined || zone.upper[u] === type)) w.records.push(c);
        }
      } else if (w.items[w.items.length - 1] !== i) {
        w.items.push(i);
      }
    }
    if (chosen === 0) {
      skip(i, { item, reason: 'not-found', detail: `The message names type ${type}, but the zone file has no ${type} record at ${item}.`, ...firstAt() });
    }
  }

  // Rule 4, zone by zone: lint over the failed names, then the live copy.
  const live = liveByKey(input.live ?? []);
  const recordsets: RetryRecordSet[] = [];
  for (let z = 0; z < zones.length; z++) {
    const zone = zones[z]!;
    const mine = inFileOrder(sets, z);
    if (mine.length === 0) continue;
    const errors = lintErrors(zone, mine, input.minTtl);
    const apex = ownerKey(zone.index.apex);
    for (let m = 0; m < mine.length; m++) {
      const w = mine[m]!;
      const t = zone.d.recType[w.records[0] as number] as number;
      const name = ownerKey(zone.index.ownerName(w.owner));
      const setType = zone.canon[t] as string;
      const finding = firstError(zone, w.records, errors);
      if (finding) {
        for (const i of w.items) skip(i, { item: items[i]!.item, reason: 'lint-error', detail: `${name} ${setType}: ${finding.message}`, line: finding.line, file: finding.file });
        continue;
      }
      const set = build(zone, apex, name, setType, w.records);
      const copy = live.size > 0 ? live.get(setKey(name, setType)) : undefined;
      if (copy && differingFields(set, copy, { apex: zone.index.apex }).length === 0) {
        const detail = `${name} ${setType} is live with the same TTL and records (${copy.status}).`;
        for (const i of w.items) skip(i, { item: items[i]!.item, reason: 'live-identical', detail, ...where(zone, w.records[0] as number) });
        continue;
      }
      recordsets.push(set);
    }
  }
  skipped.sort((a, b) => a.order - b.order);
  return { recordsets, skipped: skipped.map((s) => s.entry) };
}

/**
 * The zone's sets where their first records are, in file order: (position, set index) packed in one double
 * each and sorted as numbers (positions are below 2^31; a plan of more than 2^21 sets sorts the objects).
 */
function inFileOrder(sets: readonly Wanted[], zone: number): Wanted[] {
  const mine = sets.filter((w) => w.zone === zone);
  if (mine.length >= 1 << 21) return mine.sort((a, b) => (a.records[0] as number) - (b.records[0] as number));
  const keys = new Float64Array(mine.length);
  for (let k = 0; k < mine.length; k++) keys[k] = (mine[k]!.records[0] as number) * (1 << 21) + k;
  keys.sort();
  return Array.from(keys, (key) => mine[key % (1 << 21)]!);
}

/** The set in the API's form: values in file order, exact duplicates once, the first record's TTL. */
function build(zone: Zone, apex: string, name: string, type: string, records: readonly number[]): RetryRecordSet {
  const values: string[] = [];
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as number;
    const value = apiRecordValue(type, zone.index.rdataAt(r), zone.index.originAt(r));
    if (!values.includes(value)) values.push(value);
  }
  return { zone_name: apex, name, type, ttl: zone.d.recTtl[records[0] as number] as number, records: values };
}

/**
 * Error findings on the records at the wanted names, by file and line. Lint sees every record at those names
 * (a CNAME conflicts with any other type there), SOA and NS included, in file order, and the indexer's
 * diagnostics.
 */
/**
 * Error findings by line and file id (line * files + file: no string per record looked up), the first on each
 * line; `syntax` when one of them is a syntax error.
 */
type Errors = Map<number, LintFinding> & { syntax?: boolean };

function lintErrors(zone: Zone, sets: readonly Wanted[], minTtl: number | undefined): Errors {
  const seen = new Set<number>();
  const positions: number[] = [];
  const at: number[] = [];
  for (let k = 0; k < sets.length; k++) {
    const w = sets[k]!;
    if (seen.has(w.owner)) continue;
    seen.add(w.owner);
    const n = chain(zone, w.owner, at);
    for (let k = 0; k < n; k++) positions.push(at[k] as number);
  }
  const sorted = Int32Array.from(positions).sort();
  const result = lintPositions(zone.d, sorted, zone.index.diagnostics, minTtl === undefined ? {} : { minTtl });
  const out: Errors = new Map<number, LintFinding>();
  const files = zone.d.files.length;
  const findings = result?.findings ?? [];
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    if (f.severity !== 'error') continue;
    const file = zone.fileIds.get(f.file);
    if (file === undefined) continue; // a finding on no file of this index is on no record of it
    if (f.rule === 'syntax') out.syntax = true;
    const key = f.line * files + file;
    if (!out.has(key)) out.set(key, f);
  }
  return out;
}

/** The first error on one of the set's records: on its start line, or (syntax) on a line it spans. */
function firstError(zone: Zone, records: readonly number[], errors: Errors): LintFinding | undefined {
  if (errors.size === 0) return undefined;
  const d = zone.d;
  const files = d.files.length;
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as number;
    const own = errors.get((d.recLine[r] as number) * files + (d.recFile[r] as number));
    if (own) return own;
  }
  if (!errors.syntax) return undefined;
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as number;
    const file = d.recFile[r] as number;
    const start = d.recLine[r] as number;
    const end = start + lineBreaks(d.texts[file] as Uint8Array, d.recStart[r] as number, d.recEnd[r] as number);
    for (let line = start + 1; line <= end; line++) {
      const f = errors.get(line * files + file);
      if (f?.rule === 'syntax') return f;
    }
  }
  return undefined;
}
