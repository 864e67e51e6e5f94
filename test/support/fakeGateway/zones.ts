// Public zones and their record sets: the store, and the two read APIs (`GET /v2/zones`,
// `GET /v2.1/zones/{zone_id}/recordsets` with marker paging), answered the way the vendor's SDK models describe.
// Kept apart from the task routes so the write route (batch-create) can add its own module beside this one.
import { createHash } from 'node:crypto';
import type { ServiceAnswer } from './routes';
import { queryRecord } from './routes';

export interface FakeRecordSet {
  /** Default: derived from zone, name and type (32 hex). */
  id?: string;
  name: string;
  type: string;
  /** Default 300. */
  ttl?: number;
  records: string[];
  /** Default ACTIVE. */
  status?: string;
  default?: boolean;
  /** Default `default_view`. */
  line?: string;
}

export interface FakeZone {
  /** Default: derived from the name (32 hex). */
  id?: string;
  /** Absolute, e.g. `example.com.`. */
  name: string;
  recordsets?: FakeRecordSet[];
  /** The system's SOA and apex NS sets (`default: true`) are added first unless this is false. */
  systemSets?: boolean;
  /** Default `public`. */
  zoneType?: 'public' | 'private';
}

interface StoredSet extends Required<Omit<FakeRecordSet, 'default'>> {
  default: boolean;
}

interface StoredZone {
  id: string;
  name: string;
  zoneType: 'public' | 'private';
  sets: StoredSet[];
  /** Set id -> position, so a marker costs O(1) even in a zone of 100,000 sets. */
  positions: Map<string, number>;
}

/** Where `links.next` points: the vendor's host, not this gateway, so a client that follows links blindly fails. */
export const NEXT_LINK_HOST = 'https://dns.ap-southeast-3.myhuaweicloud.com';

const hex32 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);
const nameKey = (name: string): string => {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
};

export class ZoneStore {
  private zones: StoredZone[] = [];

  add(zone: FakeZone): string {
    const name = nameKey(zone.name);
    const id = zone.id ?? hex32(`zone:${name}`);
    this.remove(id);
    const stored: StoredZone = { id, name, zoneType: zone.zoneType ?? 'public', sets: [], positions: new Map() };
    this.zones.push(stored);
    if (zone.systemSets !== false) {
      this.put(id, { name, type: 'SOA', ttl: 300, default: true, records: [`ns1.huaweicloud-dns.com. hwclouds.cs.huawei.com. 1 7200 900 1209600 300`] });
      this.put(id, { name, type: 'NS', ttl: 172800, default: true, records: ['ns1.huaweicloud-dns.com.', 'ns1.huaweicloud-dns.cn.'] });
    }
    for (const set of zone.recordsets ?? []) this.put(id, set);
    return id;
  }

  remove(id: string): void {
    this.zones = this.zones.filter((z) => z.id !== id);
  }

  clear(): void {
    this.zones = [];
  }

  /** Adds a set at the end (a set with the same id is replaced in place). */
  put(zoneId: string, set: FakeRecordSet): StoredSet | undefined {
    const zone = this.zones.find((z) => z.id === zoneId);
    if (!zone) return undefined;
    const stored: StoredSet = {
      id: set.id ?? hex32(`set:${zone.id}:${set.name.toLowerCase()}:${set.type}:${set.line ?? ''}:${zone.sets.length}`),
      name: set.name,
      type: set.type,
      ttl: set.ttl ?? 300,
      records: [...set.records],
      status: set.status ?? 'ACTIVE',
      default: set.default ?? false,
      line: set.line ?? 'default_view',
    };
    const at = zone.positions.get(stored.id);
    if (at === undefined) {
      zone.positions.set(stored.id, zone.sets.length);
      zone.sets.push(stored);
    } else {
      zone.sets[at] = stored;
    }
    return stored;
  }

  byId(id: string): StoredZone | undefined {
    return this.zones.find((z) => z.id === id);
  }

  byName(name: string, zoneType: 'public' | 'private' = 'public'): StoredZone | undefined {
    const key = nameKey(name);
    return this.zones.find((z) => z.name === key && z.zoneType === zoneType);
  }

  list(): readonly StoredZone[] {
    return this.zones;
  }
}

function dnsError(status: number, code: string, message: string): ServiceAnswer {
  return { status, body: { code, message } };
}

function limitOf(query: Record<string, string>): number | undefined {
  const raw = query['limit'];
  if (raw === undefined) return 500;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) > 500) return undefined;
  return Number(raw);
}

function searchModeOf(query: Record<string, string>): 'equal' | 'like' | undefined {
  const mode = query['search_mode'] ?? 'like';
  return mode === 'equal' || mode === 'like' ? mode : undefined;
}

function matchesName(actual: string, wanted: string | undefined, mode: 'equal' | 'like'): boolean {
  if (wanted === undefined) return true;
  return mode === 'equal' ? nameKey(actual) === nameKey(wanted) : actual.toLowerCase().includes(wanted.toLowerCase().replace(/\.$/, ''));
}

const ZONE_SETS_RE = /^\/v2\.1\/zones\/([^/]+)\/recordsets$/;

export type ZoneRoute = { api: 'listZones' } | { api: 'listRecordSets'; rawZoneId: string };

export function matchZoneRoute(rawPath: string): ZoneRoute | undefined {
  if (rawPath === '/v2/zones') return { api: 'listZones' };
  const sets = ZONE_SETS_RE.exec(rawPath);
  return sets ? { api: 'listRecordSets', rawZoneId: sets[1]! } : undefined;
}

/** `GET /v2/zones?type=public&name=…&search_mode=equal|like&limit=…&marker=…`. */
export function listZones(store: ZoneStore, rawQuery: string): ServiceAnswer {
  const query = queryRecord(rawQuery);
  const type = query['type'] ?? 'public';
  if (type !== 'public' && type !== 'private') return dnsError(400, 'DNS.0002', 'Invalid input: type must be public or private.');
  const limit = limitOf(query);
  if (limit === undefined) return dnsError(400, 'DNS.0002', 'Invalid input: limit must be an integer from 0 to 500.');
  const mode = searchModeOf(query);
  if (mode === undefined) return dnsError(400, 'DNS.0002', 'Invalid input: search_mode must be equal or like.');
  const all = store.list().filter((z) => z.zoneType === type && matchesName(z.name, query['name'], mode));
  let start = 0;
  if (query['marker'] !== undefined) {
    start = all.findIndex((z) => z.id === query['marker']) + 1;
    if (start === 0) return dnsError(400, 'DNS.0002', 'Invalid input: the marker is not a zone of this account.');
  }
  const page = all.slice(start, start + limit);
  const more = start + page.length < all.length && page.length > 0;
  return {
    status: 200,
    body: {
      zones: page.map((z) => ({
        id: z.id, name: z.name, description: '', email: 'hostmaster@example.com', ttl: 300, serial: 1, status: 'ACTIVE',
        record_num: z.sets.length, pool_id: '', zone_type: z.zoneType, created_at: '2025-06-17T13:09:15.214', updated_at: '2025-06-17T13:09:15.214',
        links: { self: `${NEXT_LINK_HOST}/v2/zones/${z.id}` },
      })),
      links: { self: `${NEXT_LINK_HOST}/v2/zones`, ...(more ? { next: `${NEXT_LINK_HOST}/v2/zones?limit=${limit}&marker=${page[page.length - 1]!.id}` } : {}) },
      metadata: { total_count: all.length },
    },
  };
}

/** `GET /v2.1/zones/{zone_id}/recordsets?limit=…&marker=…&name=…&type=…&status=…&search_mode=…`. */
export function listRecordSets(store: ZoneStore, rawZoneId: string, rawQuery: string): ServiceAnswer {
  let zoneId: string;
  try {
    zoneId = decodeURIComponent(rawZoneId);
  } catch {
    return dnsError(400, 'DNS.0002', 'Invalid input: zone_id is not correctly percent-encoded.');
  }
  const zone = store.byId(zoneId);
  if (!zone) return dnsError(404, 'DNS.0302', `This Zone '${zoneId.slice(0, 100)}' does not exist.`);
  const query = queryRecord(rawQuery);
  const limit = limitOf(query);
  if (limit === undefined) return dnsError(400, 'DNS.0002', 'Invalid input: limit must be an integer from 0 to 500.');
  const mode = searchModeOf(query);
  if (mode === undefined) return dnsError(400, 'DNS.0002', 'Invalid input: search_mode must be equal or like.');
  const filtered = query['name'] !== undefined || query['type'] !== undefined || query['status'] !== undefined;
  const all = filtered
    ? zone.sets.filter((s) => matchesName(s.name, query['name'], mode) && (query['type'] === undefined || s.type === query['type']) && (query['status'] === undefined || s.status === query['status']))
    : zone.sets;
  let start = 0;
  if (query['marker'] !== undefined) {
    const at = filtered ? all.findIndex((s) => s.id === query['marker']) : zone.positions.get(query['marker']) ?? -1;
    if (at < 0) return dnsError(400, 'DNS.0002', 'Invalid input: the marker is not a record set of this zone.');
    start = at + 1;
  }
  const page = all.slice(start, start + limit);
  const more = start + page.length < all.length && page.length > 0;
  const self = `${NEXT_LINK_HOST}/v2.1/zones/${zone.id}/recordsets`;
  const keep = Object.entries(query).filter(([k]) => k !== 'marker' && k !== 'limit');
  const nextQuery = [`limit=${limit}`, ...keep.map(([k, v]) => `${k}=${encodeURIComponent(v)}`), `marker=${page[page.length - 1]?.id ?? ''}`].join('&');
  return {
    status: 200,
    body: {
      recordsets: page.map((s) => ({
        id: s.id, name: s.name, description: null, zone_id: zone.id, zone_name: zone.name, type: s.type, ttl: s.ttl,
        records: s.records, created_at: '2025-06-17T13:09:15.214', updated_at: '2025-06-17T13:09:15.214', status: s.status,
        default: s.default, project_id: 'e55c6f3dc4e34c9f86353b664ae0e70c', line: s.line, weight: 1,
        links: { self: `${self}/${s.id}` },
      })),
      links: { self, ...(more ? { next: `${self}?${nextQuery}` } : {}) },
      metadata: { total_count: all.length },
    },
  };
}

/**
 * A zone of `count` record sets for scale tests and benchmarks, deterministic: A, AAAA, TXT, MX and CNAME sets
 * at `h1.<apex>` … with the zone-file text that holds exactly the same sets.
 */
export function generatedZone(count: number, apex = 'big.example.'): { zone: FakeZone; text: string } {
  const sets: FakeRecordSet[] = new Array<FakeRecordSet>(count);
  const lines: string[] = [`$ORIGIN ${apex}`, '$TTL 300', `@ IN SOA ns1 hostmaster 1 7200 900 1209600 300`, '@ IN NS ns1.huaweicloud-dns.com.'];
  for (let i = 0; i < count; i++) {
    const owner = `h${i + 1}`;
    const name = `${owner}.${apex}`;
    switch (i % 5) {
      case 0: {
        const v = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
        sets[i] = { id: hex32(`big:${i}`), name, type: 'A', records: [v] };
        lines.push(`${owner} IN A ${v}`);
        break;
      }
      case 1: {
        sets[i] = { id: hex32(`big:${i}`), name, type: 'AAAA', records: [`2001:db8::${(i & 0xffff).toString(16)}`] };
        lines.push(`${owner} IN AAAA 2001:DB8:0:0::${(i & 0xffff).toString(16)}`);
        break;
      }
      case 2: {
        sets[i] = { id: hex32(`big:${i}`), name, type: 'TXT', records: [`"v=spf1 include:h${i}.example.net" "-all"`] };
        lines.push(`${owner} IN TXT "v=spf1 include:h${i}.example.net"   "-all"`);
        break;
      }
      case 3: {
        sets[i] = { id: hex32(`big:${i}`), name, type: 'MX', ttl: 3600, records: [`10 mail${i}.${apex}`] };
        lines.push(`${owner} 3600 IN MX 010 mail${i}`);
        break;
      }
      default: {
        sets[i] = { id: hex32(`big:${i}`), name, type: 'CNAME', records: [`h1.${apex}`] };
        lines.push(`${owner} IN CNAME h1`);
      }
    }
  }
  return { zone: { name: apex, id: hex32(`zone:${apex}`), recordsets: sets }, text: lines.join('\n') + '\n' };
}
