// The live zone's reads: a public zone found by its name, and every record set of a zone (marker paging).
// Sequential by nature: each page names the next one's marker. The marker is taken out of `links.next` and
// asked of the configured endpoint, never of whatever host the link names.
import { ApiError, InvalidZoneIdError, NotFoundError, ResponseShapeError, isNotFoundError } from './errors';
import { lazy } from './lazy';
import type * as LiveSchemas from './liveSchemas';
import type { ListPage } from './liveSchemas';
import type { LiveRecordSet } from './recordSets/types';
import type { ListRecordSetsOptions, LiveZoneReads } from './types';
import { ownerKey } from './recordSets/values';
import type { FailedOperation } from './responseErrors';
import { isValidTaskId } from './taskId';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const liveSchemas = lazy(() => require('./liveSchemas') as typeof LiveSchemas);

/** listRecordSets stops here whatever the server says, so a lying server cannot fill memory. */
export const MAX_LIVE_RECORD_SETS = 1_000_000;
const MAX_ZONE_PAGES = 20;
const PAGE_LIMIT = '500';
const ACTION_LIST_ZONES = 'dns:zone:list';
const ACTION_LIST_RECORD_SETS = 'dns:recordset:list';

/** One signed GET against the configured DNS endpoint, parsed; the client supplies it. */
export interface LiveRead<T> {
  path: string;
  query: [string, string][];
  op: FailedOperation;
  parse: (value: unknown, body: string, details: { status: number; requestId?: string }) => T;
  signal?: AbortSignal;
}
export type GetJson = <T>(read: LiveRead<T>) => Promise<T>;

/** Zone ids are validated like task ids (letters, digits, `-`, `_`, at most 64). */
export function isValidZoneId(value: unknown): value is string {
  return isValidTaskId(value);
}

/** The `marker` query parameter of a `links.next` URL (absolute or relative), if it has one. */
export function markerOf(next: string): string | undefined {
  try {
    return new URL(next, 'https://endpoint.invalid').searchParams.get('marker') ?? undefined;
  } catch {
    return undefined;
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkedName(name: string, what: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '' || trimmed.length > 1024 || CONTROL.test(trimmed)) {
    throw new ApiError(`${JSON.stringify(String(name).slice(0, 80))} is not a ${what}.`, { retryable: false });
  }
  return trimmed;
}

export function createLiveZoneReads(get: GetJson, region?: string): LiveZoneReads {
  const where = region ? { region } : {};

  async function findZone(name: string, options: { signal?: AbortSignal } = {}): Promise<{ id: string; name: string } | undefined> {
    const wanted = ownerKey(checkedName(name, 'zone name'));
    const seen = new Set<string>();
    let marker: string | undefined;
    for (let page = 0; page < MAX_ZONE_PAGES; page++) {
      const answer: ListPage<{ id: string; name: string }> = await get({
        path: '/v2/zones',
        query: [['type', 'public'], ['name', wanted], ['search_mode', 'equal'], ...(marker ? [['marker', marker] as [string, string]] : [])],
        op: { action: ACTION_LIST_ZONES, what: `find the public zone ${wanted}`, ...where },
        parse: (value, body, details) => liveSchemas().parseZones(value, body, details),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const index = answer.items.findIndex((z) => ownerKey(z.name) === wanted);
      const hit = answer.items[index];
      if (hit) {
        // The id goes into later paths: never trust it further than the client's own rule.
        if (!isValidZoneId(hit.id)) throw new ResponseShapeError(`zones[${index}].id`, 'is not a valid zone id', JSON.stringify(hit), {});
        return hit;
      }
      if (answer.next === undefined || answer.items.length === 0) return undefined;
      // A next link that cannot be followed is the server's fault, not "no such zone": saying the zone is
      // missing would send the person to create it, or leave the retry plan without the live zone.
      marker = followNext(answer.next, seen);
    }
    throw new ApiError(`The search for the public zone ${wanted} read ${MAX_ZONE_PAGES} pages of zones and the server still named a next one; stopped.`, { retryable: false });
  }

  async function listRecordSets(zoneId: string, options: ListRecordSetsOptions = {}): Promise<LiveRecordSet[]> {
    if (!isValidZoneId(zoneId)) throw new InvalidZoneIdError(zoneId);
    const query: [string, string][] = [['limit', PAGE_LIMIT]];
    if (options.name !== undefined) query.push(['name', checkedName(options.name, 'record set name')], ['search_mode', 'equal']);
    if (options.type !== undefined) {
      if (!/^[A-Za-z0-9]{1,16}$/.test(options.type)) throw new ApiError(`${JSON.stringify(options.type.slice(0, 20))} is not a record type.`, { retryable: false });
      query.push(['type', options.type.toUpperCase()]);
    }
    const path = `/v2.1/zones/${encodeURIComponent(zoneId)}/recordsets`;
    const op = { action: ACTION_LIST_RECORD_SETS, what: `list the record sets of zone ${zoneId}`, ...where };
    const all: LiveRecordSet[] = [];
    const seen = new Set<string>();
    let marker: string | undefined;
    for (;;) {
      let answer: ListPage<LiveRecordSet>;
      try {
        answer = await get({
          path,
          query: marker === undefined ? query : [...query, ['marker', marker]],
          op,
          parse: (value, body, details) => liveSchemas().parseRecordSets(value, body, details),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        if (isNotFoundError(error)) throw new NotFoundError({ ...idsOf(error), what: `Zone ${zoneId}`, ...where });
        throw error;
      }
      for (const set of answer.items) all.push(set);
      if (all.length > MAX_LIVE_RECORD_SETS) {
        throw new ApiError(`Zone ${zoneId} lists more than ${MAX_LIVE_RECORD_SETS.toLocaleString('en-US')} record sets; stopped reading.`, { retryable: false });
      }
      options.onPage?.(answer.items, { loaded: all.length, ...(answer.total === undefined ? {} : { total: answer.total }) });
      if (answer.next === undefined || answer.items.length === 0) return all;
      marker = followNext(answer.next, seen);
    }
  }

  return { findZone, listRecordSets };
}

/** The marker of the page a `links.next` names; one without a marker, or naming a page already read, fails. */
function followNext(next: string, seen: Set<string>): string {
  const marker = markerOf(next);
  if (marker === undefined) throw new ResponseShapeError('links.next', 'has no marker', next, {});
  if (seen.has(marker)) throw new ResponseShapeError('links.next', 'names a page that was already read', next, {});
  seen.add(marker);
  return marker;
}

function idsOf(error: ApiError): { status?: number; code?: string; requestId?: string } {
  return {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
  };
}
