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
import type { LiveRecordSet, RetryRecordSet } from '../recordSets/types';
import { lineBreaks } from '../zone/details';
import type { CompactIndex, CompactZoneIndex } from '../zone/index';
import { liveByKey, messageReader, setKey, type ReadMessage, type RetryPlan, type RetryPlanInput, type SkippedItem, type SkipReason } from './rules';

/**
 * A zone's compact form, and per type id what the rules ask of a type. A class, not an object literal: V8 widens
 * the field types of a literal the second time its site runs, which threw away the code optimised during a
 * process's first plan at the start of its second one (both ran at cold-start speed).
 */
class Zone {
  readonly d: CompactZoneIndex;
  readonly head: Int32Array;
  /** The apex absolute (each set's zone_name), and its owner id (its NS set is the system's), -1 when nothing is there. */
  readonly apex: string;
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
    this.apex = ownerKey(index.apex);
    this.apexId = index.ownerId(this.apex);
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

/** One record set of one zone that at least one item resolves to (a class: see Zone). */
class Wanted {
  /** Positions, in file order (the records of the first item to reach the set). */
  readonly records: number[];
  /** Indexes of the items that resolve to it, in order. */
  readonly items: number[];

  constructor(
    readonly zone: number,
    readonly owner: number,
    /** Its type group (Zone.group). */
    readonly group: number,
    /** Index + 1 of the owner's previous set (0 = none): the chain from Zone.firstSet. */
    readonly next: number,
    record: number,
    item: number,
  ) {
    this.records = [record];
    this.items = [item];
  }
}

/**
 * One plan's state, and its steps as methods: the item loop and the set loop each call one method per item or
 * set. A process's first plans run mostly before their code is optimised; small methods are optimised after a
 * few hundred calls and stay so, where one function holding every loop (as this was) waited for a long
 * on-stack compilation in each of the first runs, and lost it again whenever one of its many paths changed.
 */
class Planner {
  /** Skips with their item's order, so the skipped list reads like the failed list. */
  readonly skipped: { order: number; entry: SkippedItem }[] = [];
  readonly sets: Wanted[] = [];
  /** Scratch: one owner's positions (chain), and the zones and owners an item was found at (one per zone at most). */
  private readonly at: number[] = [];
  private readonly foundZone: Int32Array;
  private readonly foundOwner: Int32Array;

  constructor(
    private readonly items: RetryPlanInput['items'],
    private readonly zones: readonly Zone[],
    private readonly indexes: readonly CompactIndex[],
  ) {
    // Fixed-size typed arrays: a plain array growing again in each plan sent the item loop's optimised code
    // back to the start.
    this.foundZone = new Int32Array(zones.length);
    this.foundOwner = new Int32Array(zones.length);
  }

  /** A skip linked to the record at `position` of zone `z`, or to no line when `z` < 0. */
  skip(order: number, item: string, reason: SkipReason, detail: string, z: number, position: number): void {
    if (z < 0) {
      this.skipped.push({ order, entry: { item, reason, detail } });
      return;
    }
    const d = (this.zones[z] as Zone).d;
    const entry: SkippedItem = { item, reason, detail, line: d.recLine[position], file: d.files[d.recFile[position] as number] };
    this.skipped.push({ order, entry });
  }

  /** Rules 1 to 3 for item i. */
  item(i: number, message: ReadMessage): void {
    const { item } = this.items[i]!;
    const { type } = message;
    const { at, foundZone, foundOwner, zones } = this;
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
        const own = firstOwn(zone, id, at, n);
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
    // Where rule 1's and rule 3's skips link to.
    const firstZone = found > 0 ? (foundZone[0] as number) : -1;

    // Rule 1: what the message says about sending it again (read once per text: rules.ts).
    if (message.skip !== undefined) {
      this.skip(i, item, message.skip, message.detail, firstZone, first);
      return;
    }
    // Rule 2: exactly one zone file holds it.
    if (found === 0) {
      if (systemOnly >= 0) {
        this.skip(i, item, 'not-found', `${item} holds only the zone's SOA or apex NS records, which the system owns and a retry never sends.`, systemZone, systemOnly);
      } else {
        this.skip(i, item, 'not-found', `${item} is in none of the zone files.`, -1, -1);
      }
      return;
    }
    if (found > 1) {
      const files = Array.from(foundZone.subarray(0, found), (z) => this.indexes[z]!.files[0] ?? this.indexes[z]!.apex);
      this.skip(i, item, 'ambiguous', `${item} is in ${found} zone files: ${files.join(', ')}. Keep it in one, then retry.`, firstZone, first);
      return;
    }
    // Rule 3: every set at the name, or only the type the message names.
    const zone = zones[firstZone]!;
    const id = foundOwner[0] as number;
    const n = chain(zone, id, at);
    if (this.want(firstZone, zone, id, i, type, n) === 0) {
      this.skip(i, item, 'not-found', `The message names type ${type}, but the zone file has no ${type} record at ${item}.`, firstZone, first);
    }
  }

  /** Rule 3 over owner `id`'s n records in `at`: adds item i to each set it reaches; returns how many records it chose. */
  private want(z: number, zone: Zone, id: number, i: number, type: string | undefined, n: number): number {
    const { at, sets } = this;
    const firstSet = (zone.firstSet ??= new Int32Array(zone.d.names.count));
    let chosen = 0;
    for (let k = 0; k < n; k++) {
      const r = at[k] as number;
      if (isSystem(zone, r, id)) continue;
      const t = zone.d.recType[r] as number;
      if (type !== undefined && zone.upper[t] !== type) continue;
      chosen++;
      const group = zone.group[t] as number;
      let w: Wanted | undefined;
      for (let s = firstSet[id] as number; s > 0 && !w; s = sets[s - 1]!.next) {
        if (sets[s - 1]!.group === group) w = sets[s - 1];
      }
      if (!w) {
        // The first item to reach a set brings all its records (the chosen ones of that type), once.
        w = new Wanted(z, id, group, firstSet[id] as number, r, i);
        sets.push(w);
        firstSet[id] = sets.length;
        for (let j = k + 1; j < n; j++) {
          const c = at[j] as number;
          const u = zone.d.recType[c] as number;
          if (zone.group[u] === group && !isSystem(zone, c, id) && (type === undefined || zone.upper[u] === type)) w.records.push(c);
        }
      } else if (w.items[w.items.length - 1] !== i) {
        w.items.push(i);
      }
    }
    return chosen;
  }

  /** Rule 4 for set w of zone z: lint, then the live copy; a set that passes both goes to `out`. */
  finish(z: number, w: Wanted, errors: Errors, live: ReadonlyMap<string, LiveRecordSet>, out: RetryRecordSet[]): void {
    const zone = this.zones[z]!;
    const t = zone.d.recType[w.records[0] as number] as number;
    const name = ownerKey(zone.index.ownerName(w.owner));
    const setType = zone.canon[t] as string;
    const finding = firstError(zone, w.records, errors);
    if (finding) {
      const detail = `${name} ${setType}: ${finding.message}`;
      for (const i of w.items) this.skipped.push({ order: i, entry: { item: this.items[i]!.item, reason: 'lint-error', detail, line: finding.line, file: finding.file } });
      return;
    }
    const set = build(zone, name, setType, w.records);
    const copy = live.size > 0 ? live.get(setKey(name, setType)) : undefined;
    if (copy && differingFields(set, copy, { apex: zone.index.apex }).length === 0) {
      const detail = `${name} ${setType} is live with the same TTL and records (${copy.status}).`;
      for (const i of w.items) this.skip(i, this.items[i]!.item, 'live-identical', detail, z, w.records[0] as number);
      return;
    }
    out.push(set);
  }
}

/** The first of owner `id`'s n records in `at` that is not the system's, or -1. */
function firstOwn(zone: Zone, id: number, at: readonly number[], n: number): number {
  for (let k = 0; k < n; k++) if (!isSystem(zone, at[k] as number, id)) return at[k] as number;
  return -1;
}

export function planInPlace(input: RetryPlanInput, indexes: readonly CompactIndex[]): RetryPlan {
  const { items } = input;
  const zones = indexes.map((index) => new Zone(index));
  const read = messageReader();
  const planner = new Planner(items, zones, indexes);
  for (let i = 0; i < items.length; i++) planner.item(i, read(items[i]!.errorMessage));

  // Rule 4, zone by zone: lint over the failed names, then the live copy.
  const live = liveByKey(input.live ?? []);
  const recordsets: RetryRecordSet[] = [];
  for (let z = 0; z < zones.length; z++) {
    const mine = inFileOrder(planner.sets, z);
    if (mine.length === 0) continue;
    const errors = lintErrors(zones[z]!, mine, input.minTtl);
    for (let m = 0; m < mine.length; m++) planner.finish(z, mine[m]!, errors, live, recordsets);
  }
  const { skipped } = planner;
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
function build(zone: Zone, name: string, type: string, records: readonly number[]): RetryRecordSet {
  const values: string[] = [];
  for (let k = 0; k < records.length; k++) {
    const r = records[k] as number;
    const value = apiRecordValue(type, zone.index.rdataAt(r), zone.index.originAt(r));
    if (!values.includes(value)) values.push(value);
  }
  return { zone_name: zone.apex, name, type, ttl: zone.d.recTtl[records[0] as number] as number, records: values };
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
