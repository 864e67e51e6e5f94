// The Huawei Cloud DNS client: builds, signs (afresh for every attempt), sends, retries and validates the
// batch-task calls and the batch-create write, and finds the project id when none is configured.
import { ApiError, CancelledError, InsecureEndpointError, InvalidTaskIdError, ThrottledError, isApiError, isWriteOutcomeUnknownError } from './errors';
import { fetchAllErrorItems, DEFAULT_CONCURRENCY, MAX_PAGE_SIZE } from './fetchAll';
import { createLiveZoneReads } from './liveZone';
import { createHttpTransport, type HttpResponse } from './http';
import { cachedProjectId } from './projectId';
import { redact, registerSecret, releaseSecret } from './redact';
import { errorFromResponse, type FailedOperation } from './responseErrors';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry';
import { schemas } from './lazySchemas';
import type { TaskListPage } from './schemas';
import { formatSdkDate, percentEncode, signRequest } from './signing';
import { checkEndpoint, endpointPart, iamEndpoint, regionOfEndpoint } from './sites';
import { encodeTaskIdForPath, isValidTaskId } from './taskId';
import { BATCH_CREATE_PATH, type RetryRecordSet } from './retryPlan/batchCreate';
import { outcomeUnknown, writeCertainlyFailed } from './writeOutcome';
import type { BatchTask, BatchTaskSummary, CreatedTask, DnsClient, DnsClientOptions, PageOptions, RequestLogEntry } from './types';

const TASKS_PATH = '/v2.1/batch-operation-tasks';
const ACTION_SHOW_TASK = 'dns:zone:getPublicZoneBatchOperationResult';
const ACTION_LIST_TASKS = 'dns:zone:listPublicZoneBatchOperationRecords';
const ACTION_LIST_PROJECTS = 'iam:projects:listProjects';
/** The batch-create write needs all three (write-and-live.md). */
export const BATCH_CREATE_ACTIONS = ['dns:recordset:batchCreatePublicZoneRecordsets', 'dns:recordset:create', 'dns:quota:list'] as const;
/** listAllTasks stops here whatever the server claims, so a lying total cannot loop forever. */
const MAX_LISTED_TASKS = 100_000;

/** The endpoint requests go to (see checkEndpoint), or an InsecureEndpointError before anything is sent. */
export function requireEndpoint(endpoint: string): string {
  const checked = checkEndpoint(endpoint);
  if (checked.ok) return checked.endpoint;
  throw new InsecureEndpointError(
    endpoint,
    checked.insecure ? undefined : `${shownEndpoint(endpoint)} cannot be used as the endpoint: it ${checked.reason === 'not a URL' ? 'is not a URL (expected e.g. https://dns.ap-southeast-3.myhuaweicloud.com)' : checked.reason}.`,
  );
}

/** The endpoint as an error quotes it: its endpointPart, without what can hold a secret. */
function shownEndpoint(endpoint: string): string {
  let shown = endpoint;
  try {
    shown = endpointPart(new URL(endpoint));
  } catch {
    // Not a URL: quoted as typed, so the person sees what is wrong with it.
  }
  return JSON.stringify(shown.slice(0, 100));
}

interface Call<T> {
  method?: 'GET' | 'POST';
  /** The exact bytes to send and sign. */
  body?: Uint8Array;
  /** Set for writes: retried only when the attempt cannot have reached the service. */
  write?: { what: string };
  base: string;
  path: string;
  query: [string, string][];
  op: FailedOperation;
  withProject: boolean;
  parse: (value: unknown, body: string, details: { status: number; requestId?: string }) => T;
  signal?: AbortSignal;
}

export function createDnsClient(options: DnsClientOptions): DnsClient {
  const endpoint = requireEndpoint(options.endpoint);
  const { accessKey, secretKey, securityToken } = options.credentials;
  const region = options.region ?? regionOfEndpoint(endpoint);
  const configuredProjectId = options.projectId?.trim() || undefined;
  // The SDKs' rule: look the project up only for vendor endpoints (or when told the region of a custom one).
  const lookUpProject = configuredProjectId === undefined && region !== undefined;
  const iamBase = lookUpProject ? requireEndpoint(options.iamEndpoint ?? iamEndpoint(region)) : undefined;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy, ...(options.maxRetries === undefined ? {} : { maxRetries: Math.max(0, Math.floor(options.maxRetries)) }) };
  // A write may be retried only after the gateway's 429 (it was not accepted) or a failure before connecting
  // (writeCertainlyFailed); a 5xx is turned into WriteOutcomeUnknownError before the policy sees it.
  const writePolicy: RetryPolicy = { ...policy, retryStatuses: [429] };
  const now = options.now ?? Date.now;
  const transport = createHttpTransport({
    userAgent: options.userAgent ?? `dns-batch-tasks/${options.version ?? 'dev'}`,
    ...pick(options, ['timeoutMs', 'connectTimeoutMs', 'headersTimeoutMs', 'bodyTimeoutMs', 'ca', 'rejectUnauthorized', 'maxResponseBytes', 'proxy', 'noProxy']),
  });
  registerSecret(secretKey);
  registerSecret(securityToken);
  let closed = false;

  function log(entry: RequestLogEntry): void {
    try {
      options.onRequest?.(entry);
    } catch {
      // A broken logger must not break requests.
    }
  }

  function sign(method: string, url: string, projectId: string | undefined, body: Uint8Array | undefined): Record<string, string> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (projectId) headers['X-Project-Id'] = projectId;
    if (securityToken) headers['X-Security-Token'] = securityToken;
    const signed = signRequest({ method, url, headers, ...(body ? { body } : {}) }, { accessKey, secretKey }, formatSdkDate(new Date(now())));
    return { ...signed.headers, Authorization: signed.authorization };
  }

  async function call<T>(c: Call<T>): Promise<T> {
    if (closed) throw new CancelledError('The client was closed.');
    if (c.signal?.aborted) throw new CancelledError();
    const projectId = c.withProject ? await resolveProjectId(c.signal) : undefined;
    const query = c.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    const pathAndQuery = c.path + (query ? `?${query}` : '');
    const url = c.base + pathAndQuery;
    const logPath = new URL(url).pathname + (query ? `?${query}` : '');
    const method = c.method ?? 'GET';
    let pending: RequestLogEntry | undefined;
    let attempts = 0;
    try {
      return await withRetry(
        async (attempt) => {
          attempts = attempt;
          const started = now();
          let response: HttpResponse | undefined;
          try {
            const headers = sign(method, url, projectId, c.body);
            response = await transport.send({ method, url, headers, ...(c.body ? { body: c.body } : {}), ...(c.signal ? { signal: c.signal } : {}) });
            const requestId = response.headers['x-request-id'];
            if (response.status < 200 || response.status >= 300) throw errorFromResponse(response, c.op, now());
            const details = { status: response.status, ...(requestId ? { requestId } : {}) };
            const value = schemas().parseJsonBody(response.body, details);
            const result = c.parse(value, response.body, details);
            log(entryOf(attempt, started, response));
            return result;
          } catch (error) {
            const thrown = c.write && !writeCertainlyFailed(error) ? outcomeUnknown(error, new Date(started), c.write.what) : error;
            pending = { ...entryOf(attempt, started, response), error: shortError(thrown) };
            throw thrown;
          }
        },
        {
          policy: c.write ? writePolicy : policy,
          ...(c.signal ? { signal: c.signal } : {}),
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.random ? { random: options.random } : {}),
          onRetry: ({ delayMs }) => {
            if (pending) log({ ...pending, retryInMs: delayMs });
            pending = undefined;
          },
        },
      );
    } catch (error) {
      if (pending) log(pending);
      // A write cancelled while in flight may still have been acted on: say so rather than "cancelled".
      if ((c.signal?.aborted || closed) && !isWriteOutcomeUnknownError(error)) throw new CancelledError(closed ? 'The client was closed.' : undefined);
      if (error instanceof ThrottledError && attempts > 1) {
        throw new ThrottledError({ ...errorIds(error), attempts, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) });
      }
      throw error;
    }

    function entryOf(attempt: number, started: number, response: HttpResponse | undefined): RequestLogEntry {
      const entry: RequestLogEntry = { method, path: logPath, durationMs: Math.max(0, now() - started), attempt };
      if (response) entry.status = response.status;
      // The id comes from the server: scrubbed and bounded like everything else that reaches the log.
      const requestId = response?.headers['x-request-id'];
      if (requestId) entry.requestId = redact(requestId).slice(0, 128);
      return entry;
    }
  }

  function resolveProjectId(signal: AbortSignal | undefined): Promise<string | undefined> {
    if (configuredProjectId !== undefined) return Promise.resolve(configuredProjectId);
    if (!lookUpProject || iamBase === undefined || region === undefined) return Promise.resolve(undefined);
    const lookup = cachedProjectId(accessKey, region, iamBase, async () => {
      const id = await call({
        base: iamBase,
        path: '/v3/projects',
        query: [['name', region]],
        op: { action: ACTION_LIST_PROJECTS, what: `look up the project of region ${region}`, region },
        withProject: false,
        parse: (value, body, details) => schemas().parseProjectId(value, body, details),
        // Not the caller's signal: the lookup is shared by concurrent calls; one cancelling must not fail the others.
      });
      if (id === undefined) {
        throw new ApiError(`This account has no project named ${region}: is the region enabled? Set huaweiDns.projectId to the project id shown in the console (My Credentials).`);
      }
      return id;
    });
    return abortable(lookup, signal);
  }

  function pageQuery(page: PageOptions | undefined, limitName: string, offsetName: string): [string, string][] {
    const limit = clampInt(page?.limit, 0, MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    const offset = clampInt(page?.offset, 0, 2_147_483_647, 0);
    return [[limitName, String(limit)], [offsetName, String(offset)]];
  }

  function getTask(taskId: string, page?: PageOptions): Promise<BatchTask> {
    if (!isValidTaskId(taskId)) return Promise.reject(new InvalidTaskIdError(taskId));
    return call({
      base: endpoint,
      path: `${TASKS_PATH}/${encodeTaskIdForPath(taskId)}`,
      query: pageQuery(page, 'error_item_limit', 'error_item_offset'),
      op: { action: ACTION_SHOW_TASK, what: `show task ${taskId}`, taskId, ...(region ? { region } : {}) },
      withProject: true,
      parse: (value, body, details) => schemas().parseTask(value, body, details, taskId),
      ...(page?.signal ? { signal: page.signal } : {}),
    });
  }

  async function listTasks(page?: PageOptions): Promise<{ tasks: BatchTaskSummary[]; total: number }> {
    const { tasks, total } = await listPage(page);
    return { tasks, total };
  }

  function listPage(page?: PageOptions): Promise<TaskListPage> {
    const query = pageQuery(page, 'limit', 'offset');
    const offset = Number(query[1]?.[1] ?? 0);
    return call({
      base: endpoint,
      path: TASKS_PATH,
      query,
      op: { action: ACTION_LIST_TASKS, what: 'list batch tasks', ...(region ? { region } : {}) },
      withProject: true,
      parse: (value, body, details) => schemas().parseTaskList(value, body, details, offset),
      ...(page?.signal ? { signal: page.signal } : {}),
    });
  }

  async function listAllTasks(opts: { pageSize?: number; signal?: AbortSignal } = {}): Promise<BatchTaskSummary[]> {
    const limit = clampInt(opts.pageSize, 1, MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    const all: BatchTaskSummary[] = [];
    for (;;) {
      const { tasks, total, totalKnown } = await listPage({ limit, offset: all.length, ...(opts.signal ? { signal: opts.signal } : {}) });
      all.push(...tasks);
      // Without metadata.total_count, a short page is the end.
      const done = totalKnown ? all.length >= total : tasks.length < limit;
      if (tasks.length === 0 || done || all.length >= MAX_LISTED_TASKS) return all;
    }
  }

  /** One batch-create task for the given record sets (at most 10,000: see toBatchCreateRequests). */
  function createRecordSetsTask(recordsets: readonly RetryRecordSet[], opts: { signal?: AbortSignal } = {}): Promise<CreatedTask> {
    const count = recordsets.length;
    const body = Buffer.from(JSON.stringify({ recordsets }), 'utf8');
    return call({
      method: 'POST',
      body,
      write: { what: `create ${count} record set${count === 1 ? '' : 's'}` },
      base: endpoint,
      path: BATCH_CREATE_PATH,
      query: [],
      op: { action: BATCH_CREATE_ACTIONS[0], alsoNeeds: BATCH_CREATE_ACTIONS.slice(1), policy: 'DNS FullAccess', what: 'create record sets', ...(region ? { region } : {}) },
      withProject: true,
      parse: (value, raw, details) => ({ ...schemas().parseCreatedTask(value, raw, details), ...(details.requestId ? { requestId: details.requestId } : {}) }),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }

  const live = createLiveZoneReads((read) => call({ base: endpoint, withProject: true, ...read }), region);

  return {
    endpoint,
    findZone: live.findZone,
    listRecordSets: live.listRecordSets,
    getTask,
    listTasks,
    listAllTasks,
    createRecordSetsTask,
    getAllErrorItems: (taskId, opts = {}) => {
      if (!isValidTaskId(taskId)) return Promise.reject(new InvalidTaskIdError(taskId));
      return fetchAllErrorItems((page) => getTask(taskId, page), { defaultConcurrency: options.concurrency ?? DEFAULT_CONCURRENCY, ...opts });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      releaseSecret(secretKey);
      releaseSecret(securityToken);
      await transport.close();
    },
  };
}

/** The shared project lookup keeps running for the other callers; this caller stops waiting at once. */
function abortable<T>(value: Promise<T> | T, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return Promise.resolve(value);
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(value).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function errorIds(error: ApiError): { status?: number; code?: string; requestId?: string } {
  return {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
  };
}

/** For the log: the error's name and first line, never a stack or headers. */
function shortError(error: unknown): string {
  if (isApiError(error)) return `${error.name}: ${error.message}`.slice(0, 300);
  return error instanceof Error ? redact(`${error.name}: ${error.message}`).slice(0, 300) : 'unknown error';
}
