// POST /v2.1/operation-task/batch-create-recordset: the body checked as the SDK models check it, then a new
// `create` task whose failed items come from the service's own rules (unsupported type, unquoted TXT, CNAME
// beside other data, already exists, quota, unknown zone). Sets that pass are added to the zones, so sending
// the same set twice fails the second time with "Duplicate recordset exists" — the write is not idempotent.
import { randomBytes } from 'node:crypto';
import type { ServiceAnswer } from './routes';
import { tableDate } from './sandbox';
import type { TaskStore } from './tasks';
import type { ErrorItem, FakeRecordSet, FakeZone } from './types';

export const BATCH_CREATE_ROUTE = '/v2.1/operation-task/batch-create-recordset';
export const BATCH_CREATE_ACTION = 'dns:recordset:batchCreatePublicZoneRecordsets';
const MAX_SETS = 10_000;
const MAX_TTL = 2_147_483_647;
const PUBLIC_TYPES = new Set(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'CAA']);

export const CREATE_MESSAGES = {
  unsupportedType: "Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'.",
  txtQuote: "Attribute 'records' is invalid, 'TXT records missing starting quotation mark'.",
  quota: 'Insufficient record set quota.',
  zoneMissing: (zone: string) => `This Zone '${zone}' does not exist.`,
  nameOutside: (name: string, zone: string) => `Invalid record set name: '${name}' is not in zone '${zone}'.`,
  cnameConflict: (name: string, type: string) => `Attribute 'name' conflicts with Record Set '${name}' type '${type}'.`,
  duplicate: (s: { name: string; type: string; records: readonly string[] }) =>
    `Duplicate recordset exists.(name: ${s.name}, type: ${s.type}, line: default_view, records: [${s.records.join(', ')}])`,
} as const;

/** One record set of a request, after the body passed the model checks. */
export interface RequestedSet {
  zone_name: string;
  name: string;
  type: string;
  ttl: number;
  records: string[];
}

function dnsError(status: number, code: string, message: string): ServiceAnswer {
  return { status, body: { code, message } };
}

const key = (name: string) => name.toLowerCase().replace(/\.?$/, '.');

/** The account's public zones and their record sets, shared by the write and (later) the record-set reads. */
interface ZoneEntry {
  zone: FakeZone;
  sets: FakeRecordSet[];
  /** The same sets by owner name, so a 10,000-set request stays linear. */
  byName: Map<string, FakeRecordSet[]>;
}

export class ZoneStore {
  private zones = new Map<string, ZoneEntry>();

  constructor(
    private readonly initial: readonly FakeZone[] | undefined,
    /** Record sets the account may hold (the vendor's default is 500); undefined: no limit. */
    private readonly quota: number | undefined,
  ) {
    this.reset();
  }

  reset(): void {
    this.zones.clear();
    for (const z of this.initial ?? []) this.addZone(z);
  }

  /** Without configured zones every zone name is accepted (and created empty on first use). */
  get open(): boolean {
    return this.initial === undefined;
  }

  addZone(zone: FakeZone): void {
    const entry: ZoneEntry = { zone: { ...zone, name: key(zone.name) }, sets: [], byName: new Map() };
    for (const s of zone.recordSets ?? []) addSet(entry, { ...s, name: key(s.name), type: s.type.toUpperCase(), records: [...s.records] });
    this.zones.set(entry.zone.name, entry);
  }

  zone(name: string): ZoneEntry | undefined {
    const k = key(name);
    let z = this.zones.get(k);
    if (!z && this.open) {
      this.addZone({ name: k });
      z = this.zones.get(k);
    }
    return z;
  }

  /** Every record set of a zone as the service holds it now. */
  recordSets(zoneName: string): readonly FakeRecordSet[] {
    return this.zones.get(key(zoneName))?.sets ?? [];
  }

  total(): number {
    let n = 0;
    for (const z of this.zones.values()) n += z.sets.length;
    return n;
  }

  get remainingQuota(): number {
    return this.quota === undefined ? Number.POSITIVE_INFINITY : Math.max(0, this.quota - this.total());
  }
}

function addSet(entry: ZoneEntry, set: FakeRecordSet): void {
  entry.sets.push(set);
  const here = entry.byName.get(set.name);
  if (here) here.push(set);
  else entry.byName.set(set.name, [set]);
}

type Check = { ok: true; sets: RequestedSet[] } | { ok: false; answer: ServiceAnswer };

const bad = (field: string, why: string): Check => ({
  ok: false,
  answer: dnsError(400, 'DNS.0002', `Invalid input: attribute '${field}' ${why}.`),
});

/** The SDK model checks: JSON object, `recordsets` 1..10,000, required fields with their JSON types. */
export function checkBody(body: Buffer): Check {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return bad('body', 'is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('body', 'must be a JSON object');
  const list = (value as { recordsets?: unknown }).recordsets;
  if (!Array.isArray(list)) return bad('recordsets', 'is required and must be an array');
  if (list.length === 0) return bad('recordsets', 'must not be empty');
  if (list.length > MAX_SETS) {
    return { ok: false, answer: dnsError(400, 'DNS.0326', `The batch number has been out of MAX count ${MAX_SETS}.`) };
  }
  const sets: RequestedSet[] = [];
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as Record<string, unknown> | null;
    const at = (f: string) => `recordsets[${i}].${f}`;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return bad(`recordsets[${i}]`, 'must be an object');
    if (typeof s.zone_name !== 'string' || s.zone_name === '') return bad(at('zone_name'), 'is required');
    if (!s.zone_name.endsWith('.')) return bad(at('zone_name'), 'must be an absolute zone name ending with a dot');
    if (typeof s.name !== 'string' || s.name === '') return bad(at('name'), 'is required');
    if (typeof s.type !== 'string' || s.type === '') return bad(at('type'), 'is required');
    if (!Array.isArray(s.records) || s.records.length === 0) return bad(at('records'), 'is required and must be a non-empty array');
    if (!s.records.every((r) => typeof r === 'string' && r !== '')) return bad(at('records'), 'must hold non-empty strings');
    const ttl = s.ttl ?? 300;
    if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL) return bad(at('ttl'), `must be an integer from 1 to ${MAX_TTL}`);
    sets.push({ zone_name: s.zone_name, name: s.name, type: s.type, ttl, records: s.records as string[] });
  }
  return { ok: true, sets };
}

/** Why the service would fail this set, given what the zone holds now; undefined when it is created. */
function failureOf(set: RequestedSet, zones: ZoneStore): string | undefined {
  const zone = zones.zone(set.zone_name);
  if (!zone) return CREATE_MESSAGES.zoneMissing(set.zone_name);
  // Without a trailing dot the API reads the name as a prefix of the zone (write-and-live.md).
  const name = set.name.endsWith('.') ? key(set.name) : key(`${set.name}.${zone.zone.name}`);
  if (name !== zone.zone.name && !name.endsWith(`.${zone.zone.name}`)) return CREATE_MESSAGES.nameOutside(name, zone.zone.name);
  const type = set.type.toUpperCase();
  if (!PUBLIC_TYPES.has(type)) return CREATE_MESSAGES.unsupportedType;
  if (type === 'TXT' && set.records.some((r) => !r.startsWith('"'))) return CREATE_MESSAGES.txtQuote;
  const here = zone.byName.get(name) ?? [];
  const same = here.find((s) => s.type === type);
  if (same) return CREATE_MESSAGES.duplicate(same);
  const cname = here.find((s) => s.type === 'CNAME');
  if (cname) return CREATE_MESSAGES.cnameConflict(name, 'CNAME');
  if (type === 'CNAME' && here.length > 0) return CREATE_MESSAGES.cnameConflict(name, here[0]!.type);
  if (zones.remainingQuota < 1) return CREATE_MESSAGES.quota;
  return undefined;
}

export interface CreateOptions {
  /** How the new task reaches DONE; default two PENDING answers. */
  pending?: { polls?: number; ms?: number };
  now: () => number;
}

/** Runs the service's rules over the sets, adds the ones that pass and a `create` task saying what happened. */
export function batchCreate(body: Buffer, zones: ZoneStore, tasks: TaskStore, options: CreateOptions): ServiceAnswer {
  const checked = checkBody(body);
  if (!checked.ok) return checked.answer;
  const failed: ErrorItem[] = [];
  let created = 0;
  for (const set of checked.sets) {
    const why = failureOf(set, zones);
    const zone = zones.zone(set.zone_name);
    const name = set.name.endsWith('.') ? key(set.name) : key(`${set.name}.${zone?.zone.name ?? set.zone_name}`);
    if (why !== undefined || !zone) {
      failed.push({ item: name, errorMessage: why ?? CREATE_MESSAGES.zoneMissing(set.zone_name) });
      continue;
    }
    addSet(zone, { id: randomBytes(16).toString('hex'), name, type: set.type.toUpperCase(), ttl: set.ttl, records: [...set.records], status: 'ACTIVE' });
    created++;
  }
  const id = randomBytes(16).toString('hex');
  tasks.add({
    id,
    type: 'create',
    status: 'DONE',
    createdAt: tableDate(options.now()),
    successCount: created,
    errorCount: failed.length,
    errorItems: failed,
    pending: options.pending ?? { polls: 2 },
  });
  return { status: 202, body: { task_id: id } };
}
