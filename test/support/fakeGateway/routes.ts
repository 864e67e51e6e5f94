// The published APIs: which path is which API, and the DNS service's answers once a request is authenticated.
import { createHash } from 'node:crypto';
import { parseQuery } from '../../../src/core/signing';
import { BATCH_CREATE_ACTION, BATCH_CREATE_ROUTE } from './batchCreate';
import { renderSummary, renderTask, type TaskStore } from './tasks';

export type Route =
  | { api: 'showTask'; rawTaskId: string }
  | { api: 'listTasks' }
  | { api: 'listProjects' }
  | { api: 'batchCreateRecordSets' }
  | { api: 'none' };

const SHOW_RE = /^\/v2\.1\/batch-operation-tasks\/([^/]+)$/;

/** Paths are matched case-sensitively as published (the vendor page's `batch-Operation-tasks` is not). */
export function matchRoute(rawPath: string): Route {
  if (rawPath === '/v2.1/batch-operation-tasks') return { api: 'listTasks' };
  const show = SHOW_RE.exec(rawPath);
  if (show) return { api: 'showTask', rawTaskId: show[1]! };
  if (rawPath === '/v3/projects') return { api: 'listProjects' };
  if (rawPath === BATCH_CREATE_ROUTE) return { api: 'batchCreateRecordSets' };
  return { api: 'none' };
}

/** The method each API is published for. */
export function methodOf(route: { api: string }): 'GET' | 'POST' {
  return route.api === 'batchCreateRecordSets' ? 'POST' : 'GET';
}

/** The IAM action each API needs (for `denyActions`). */
export function actionOf(route: { api: string }): string | undefined {
  switch (route.api) {
    case 'showTask': return 'dns:zone:getPublicZoneBatchOperationResult';
    case 'listTasks': return 'dns:zone:listPublicZoneBatchOperationRecords';
    case 'batchCreateRecordSets': return BATCH_CREATE_ACTION;
    case 'listZones': return 'dns:zone:list';
    case 'listRecordSets': return 'dns:recordset:list';
    default: return undefined;
  }
}

export interface ServiceAnswer {
  status: number;
  body: unknown;
}

function dnsError(status: number, code: string, message: string): ServiceAnswer {
  return { status, body: { code, message } };
}

/** First value of each decoded query key. */
export function queryRecord(rawQuery: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of parseQuery(rawQuery)) if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = v;
  return out;
}

/** An integer parameter within [min, max], `fallback` when absent; undefined when invalid. */
function intParam(query: Record<string, string>, name: string, max: number, fallback: number): number | undefined {
  if (!Object.prototype.hasOwnProperty.call(query, name)) return fallback;
  const raw = query[name]!;
  if (!/^\d{1,10}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= max ? n : undefined;
}

const MAX_LIMIT = 500;
const MAX_OFFSET = 2147483647;

export function showTask(store: TaskStore, rawTaskId: string, rawQuery: string): ServiceAnswer {
  let id: string;
  try {
    id = decodeURIComponent(rawTaskId);
  } catch {
    return dnsError(400, 'DNS.0002', 'Invalid input: task_id is not correctly percent-encoded.');
  }
  const query = queryRecord(rawQuery);
  const limit = intParam(query, 'error_item_limit', MAX_LIMIT, MAX_LIMIT);
  if (limit === undefined) {
    return dnsError(400, 'DNS.0002', `Invalid input: error_item_limit must be an integer from 0 to ${MAX_LIMIT}.`);
  }
  const offset = intParam(query, 'error_item_offset', MAX_OFFSET, 0);
  if (offset === undefined) {
    return dnsError(400, 'DNS.0002', `Invalid input: error_item_offset must be an integer from 0 to ${MAX_OFFSET}.`);
  }
  const view = store.poll(id);
  if (!view) return dnsError(404, 'DNS.0004', `The batch operation task ${id.slice(0, 100)} does not exist.`);
  return { status: 200, body: renderTask(view, limit, offset) };
}

export function listTasks(store: TaskStore, rawQuery: string): ServiceAnswer {
  const query = queryRecord(rawQuery);
  const limit = intParam(query, 'limit', MAX_LIMIT, MAX_LIMIT);
  if (limit === undefined) return dnsError(400, 'DNS.0002', `Invalid input: limit must be an integer from 0 to ${MAX_LIMIT}.`);
  const offset = intParam(query, 'offset', MAX_OFFSET, 0);
  if (offset === undefined) return dnsError(400, 'DNS.0002', `Invalid input: offset must be an integer from 0 to ${MAX_OFFSET}.`);
  const all = store.list();
  return {
    status: 200,
    body: { tasks: all.slice(offset, offset + limit).map(renderSummary), metadata: { total_count: all.length } },
  };
}

/** A stable made-up project id per region, used when the gateway was given none. */
export function projectIdFor(region: string): string {
  return createHash('sha256').update(`fake-project:${region}`).digest('hex').slice(0, 32);
}

const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const DEFAULT_REGIONS = ['ap-southeast-3', 'cn-north-4'];

/** IAM `GET /v3/projects?name={region}`: the account's project in that region (none for a non-region name). */
export function listProjects(rawQuery: string, projectId: string | undefined): ServiceAnswer {
  const name = queryRecord(rawQuery)['name'];
  const regions = name === undefined ? DEFAULT_REGIONS : REGION_RE.test(name) ? [name] : [];
  const domainId = 'd0a1b2c3d4e5f60718293a4b5c6d7e8f';
  return {
    status: 200,
    body: {
      projects: regions.map((region) => ({
        id: projectId ?? projectIdFor(region),
        name: region,
        domain_id: domainId,
        parent_id: domainId,
        description: '',
        enabled: true,
        is_domain: false,
      })),
      links: { self: 'https://iam.myhuaweicloud.com/v3/projects', previous: null, next: null },
    },
  };
}
