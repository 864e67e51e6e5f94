// The zone and record-set list answers, checked with zod. Every string and list is bounded: these answers
// come from the network and end up in editors, hovers and diffs.
import * as z from 'zod';
import type { ApiErrorDetails } from './errors';
import type { LiveRecordSet } from './recordSets/types';
import { check } from './schemas';

const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,15}$/).transform(Number)]);
const id = z.string().min(1).max(128);
/** Names are at most 255 octets; escapes (`\DDD`) can make the text four times longer. */
const name = z.string().min(1).max(1024);
const links = z.object({ next: z.string().max(8192).nullish() }).nullish();
const metadata = z.object({ total_count: count.nullish() }).nullish();

const zonesSchema = z.object({
  zones: z.array(z.object({ id, name })).max(5000),
  links,
  metadata,
});

const recordSetSchema = z.object({
  id,
  name,
  type: z.string().min(1).max(32),
  ttl: count,
  // A TXT value holds at most 4,096 octets of strings, plus quotes and blanks.
  records: z.array(z.string().max(16_384)).max(10_000).nullish(),
  // Every documented answer has a status; a set without one is served like any other.
  status: z.string().max(64).nullish(),
  default: z.boolean().nullish(),
});

const recordSetsSchema = z.object({
  recordsets: z.array(recordSetSchema).max(5000),
  links,
  metadata,
});

export interface ListPage<T> {
  items: T[];
  /** The raw `links.next`, when the server says there is more. */
  next?: string;
  total?: number;
}

export function parseZones(value: unknown, body: string, details: ApiErrorDetails): ListPage<{ id: string; name: string }> {
  const page = check(zonesSchema, value, body, details);
  return {
    items: page.zones.map((z) => ({ id: z.id, name: z.name })),
    // No total: finding a zone by name reads pages until the name turns up, never counts them.
    ...(page.links?.next ? { next: page.links.next } : {}),
  };
}

export function parseRecordSets(value: unknown, body: string, details: ApiErrorDetails): ListPage<LiveRecordSet> {
  const page = check(recordSetsSchema, value, body, details);
  return {
    items: page.recordsets.map((r) => {
      const set: LiveRecordSet = { id: r.id, name: r.name, type: r.type, ttl: r.ttl, records: r.records ?? [], status: r.status ?? 'ACTIVE' };
      if (r.default != null) set.default = r.default;
      return set;
    }),
    ...(page.links?.next ? { next: page.links.next } : {}),
    ...(page.metadata?.total_count == null ? {} : { total: page.metadata.total_count }),
  };
}
