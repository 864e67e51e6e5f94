// POST /v2.1/operation-task/batch-create-recordset: the body checked as the SDK models check it, then a new
// `create` task whose failed items come from the service's own rules (unsupported type, unquoted TXT, CNAME
// beside other data, already exists, quota, unknown zone). Sets that pass are added to the zones, so sending
// the same set twice fails the second time with "Duplicate recordset exists" — the write is not idempotent.
import { randomBytes } from 'node:crypto';
import type { ServiceAnswer } from './routes';
import { tableDate } from './sandbox';
import type { TaskStore } from './tasks';
import type { ErrorItem } from './types';
import type { ZoneStore } from './zones';

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

const key = (name: string) => name.trim().toLowerCase().replace(/\.?$/, '.');

type StoredZone = NonNullable<ReturnType<ZoneStore['byName']>>;
type StoredSet = StoredZone['sets'][number];

/**
 * The zones one request touches, with their sets by owner name (built once per zone and kept up to date as
 * sets are created), so a 10,000-set request against a 100,000-set zone stays linear.
 */
class RequestView {
  private readonly byName = new Map<StoredZone, Map<string, StoredSet[]>>();
  private used: number | undefined;

  constructor(private readonly store: ZoneStore, private readonly open: boolean, private readonly quota: number | undefined) {}

  zone(name: string): StoredZone | undefined {
    const found = this.store.byName(name);
    if (found || !this.open) return found;
    const id = this.store.add({ name: key(name) });
    return this.store.byId(id);
  }

  setsAt(zone: StoredZone, name: string): StoredSet[] {
    let index = this.byName.get(zone);
    if (!index) {
      index = new Map();
      for (const s of zone.sets) {
        const k = key(s.name);
        const here = index.get(k);
        if (here) here.push(s);
        else index.set(k, [s]);
      }
      this.byName.set(zone, index);
    }
    return index.get(name) ?? [];
  }

  /** Whether one more set fits the account's quota (the system's own sets do not count). */
  hasQuota(): boolean {
    if (this.quota === undefined) return true;
    this.used ??= this.store.list().reduce((n, z) => n + z.sets.filter((s) => !s.default).length, 0);
    return this.used < this.quota;
  }

  create(zone: StoredZone, set: { name: string; type: string; ttl: number; records: string[] }): void {
    const stored = this.store.put(zone.id, { ...set, status: 'ACTIVE' });
    if (!stored) return;
    if (this.used !== undefined) this.used++;
    const index = this.byName.get(zone);
    if (!index) return;
    const here = index.get(set.name);
    if (here) here.push(stored);
    else index.set(set.name, [stored]);
  }
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

/** Why the service would fail this set, given what the zone holds now; undefined when it can be created. */
function failureOf(set: RequestedSet, name: string, zone: StoredZone | undefined, view: RequestView): string | undefined {
  if (!zone) return CREATE_MESSAGES.zoneMissing(set.zone_name);
  if (name !== zone.name && !name.endsWith(`.${zone.name}`)) return CREATE_MESSAGES.nameOutside(name, zone.name);
  const type = set.type.toUpperCase();
  if (!PUBLIC_TYPES.has(type)) return CREATE_MESSAGES.unsupportedType;
  if (type === 'TXT' && set.records.some((r) => !r.startsWith('"'))) return CREATE_MESSAGES.txtQuote;
  const here = view.setsAt(zone, name);
  const same = here.find((s) => s.type === type);
  if (same) return CREATE_MESSAGES.duplicate(same);
  if (here.some((s) => s.type === 'CNAME')) return CREATE_MESSAGES.cnameConflict(name, 'CNAME');
  if (type === 'CNAME' && here.length > 0) return CREATE_MESSAGES.cnameConflict(name, here[0]!.type);
  if (!view.hasQuota()) return CREATE_MESSAGES.quota;
  return undefined;
}

export interface CreateOptions {
  now: () => number;
  /** No zones were configured: every zone name is accepted, the zone created on first use. */
  openZones: boolean;
  /** Record sets the account may hold; undefined: no limit. */
  quota?: number;
  /** How the new task reaches DONE; default two PENDING answers. */
  pending?: { polls?: number; ms?: number };
}

/** Runs the service's rules over the sets, adds the ones that pass and a `create` task saying what happened. */
export function batchCreate(body: Buffer, zones: ZoneStore, tasks: TaskStore, options: CreateOptions): ServiceAnswer {
  const checked = checkBody(body);
  if (!checked.ok) return checked.answer;
  const view = new RequestView(zones, options.openZones, options.quota);
  const failed: ErrorItem[] = [];
  let created = 0;
  for (const set of checked.sets) {
    const zone = view.zone(set.zone_name);
    // Without a trailing dot the API reads the name as a prefix of the zone (write-and-live.md).
    const name = set.name.endsWith('.') ? key(set.name) : key(`${set.name}.${zone?.name ?? set.zone_name}`);
    const why = failureOf(set, name, zone, view);
    if (why !== undefined || !zone) {
      failed.push({ item: name, errorMessage: why ?? CREATE_MESSAGES.zoneMissing(set.zone_name) });
      continue;
    }
    view.create(zone, { name, type: set.type.toUpperCase(), ttl: set.ttl, records: [...set.records] });
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
