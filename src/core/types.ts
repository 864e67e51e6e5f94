// The domain model shared by the client, the views and the webview. Pure data, no behaviour.
import type { LiveRecordSet } from './recordSets/types';
import type { RetryPolicy } from './retry';
import type { RetryRecordSet } from './retryPlan/batchCreate';

export interface ErrorItem {
  item: string;
  errorMessage: string;
}

export interface BatchTaskSummary {
  id: string;
  /** Open set: batch_create_zone, create, import_recordset, delete, batch_update_rs, transfer, or anything new. */
  type: string;
  /** Open set: PENDING, DONE, or anything new. */
  status: string;
  /** As the server sent it (`yyyy-MM-dd HH:mm:ss`, `2025-06-17T13:09:15.214`, or ISO 8601 with zone). */
  createdAt: string;
  updatedAt?: string;
  successCount: number;
  errorCount: number;
  /** `total_count` when sent, else success + error. */
  totalCount: number;
}

export interface BatchTask extends BatchTaskSummary {
  /** One page of failed items, as asked for with error_item_limit/error_item_offset. */
  errorItems: ErrorItem[];
}

export interface Credentials {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials (STS): sent and signed as X-Security-Token. */
  securityToken?: string;
}

export interface PageOptions {
  limit?: number;
  offset?: number;
  signal?: AbortSignal;
}

/** What the client reports about each HTTP attempt, for the log. Never contains secrets. */
export interface RequestLogEntry {
  method: string;
  /** Path and query, no host. */
  path: string;
  status?: number;
  requestId?: string;
  durationMs: number;
  attempt: number;
  /** Short error description when the attempt failed. */
  error?: string;
  /** Set when the attempt failed and another follows after this wait. */
  retryInMs?: number;
}

export interface DnsClientOptions {
  /** e.g. "https://dns.ap-southeast-3.myhuaweicloud.com"; http: only for loopback. */
  endpoint: string;
  credentials: Credentials;
  projectId?: string;
  /** Overall per-attempt timeout (connect + headers + body); default 30 s. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Retries after the first attempt for idempotent requests; default 3. */
  maxRetries?: number;
  /** Proxy URL (VS Code's http.proxy); HTTPS_PROXY/NO_PROXY from the environment are honoured too. */
  proxy?: string;
  /** Hosts that bypass the proxy (VS Code's http.noProxy), in NO_PROXY syntax. */
  noProxy?: string[];
  /** PEM bundle of extra CAs to trust. */
  ca?: string;
  /** false only when the user turned http.proxyStrictSSL off; never silently. */
  rejectUnauthorized?: boolean;
  userAgent?: string;
  /** Called once per HTTP attempt. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Concurrent pages for the fetch-all helpers; default 6. */
  concurrency?: number;
  /** Answers larger than this are cut off with an error; default 32 MiB. */
  maxResponseBytes?: number;
  /** The extension's version, for the default User-Agent `dns-batch-tasks/<version>`. */
  version?: string;
  /**
   * The region the endpoint serves. Derived from vendor endpoints; when given with a custom endpoint and no
   * projectId, the project id is looked up in IAM for it (private gateways, tests).
   */
  region?: string;
  /** IAM endpoint for the project lookup; default `https://iam.<region>.myhuaweicloud.com`. */
  iamEndpoint?: string;
  /** Overrides of the retry policy (see DEFAULT_RETRY_POLICY). */
  retryPolicy?: Partial<RetryPolicy>;
  /** Injected in tests: the wait between retries, the jitter source, the clock for X-Sdk-Date. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface FetchAllProgress {
  /** Items received so far (in order, without gaps, up to `loaded`). */
  loaded: number;
  total: number;
  /** The page that just arrived and its offset. */
  offset: number;
  items: readonly ErrorItem[];
}

export interface FetchAllOptions {
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: FetchAllProgress) => void;
  /** Refuse (TooManyItemsError) a task reporting more failed items than this; default MAX_ALL_ITEMS. */
  maxItems?: number;
}

/** What the batch-create write answers. */
export interface CreatedTask {
  taskId: string;
  requestId?: string;
}

/** The batch-task reads, plus the live zone's (findZone, listRecordSets: see liveZone.ts). */
export interface DnsClient extends LiveZoneReads {
  readonly endpoint: string;
  getTask(taskId: string, page?: PageOptions): Promise<BatchTask>;
  listTasks(page?: PageOptions): Promise<{ tasks: BatchTaskSummary[]; total: number }>;
  /** Every task of the account, paging through the list API. */
  listAllTasks(options?: { pageSize?: number; signal?: AbortSignal }): Promise<BatchTaskSummary[]>;
  /**
   * One batch-create task for these record sets (≤ 10,000). Retried only on the gateway's 429 or a failure
   * before connecting; a lost answer throws WriteOutcomeUnknownError (with sentAt), never a second request.
   */
  createRecordSetsTask(recordsets: readonly RetryRecordSet[], options?: { signal?: AbortSignal }): Promise<CreatedTask>;
  /** Every failed item of a task, pages fetched with bounded concurrency, results in server order. */
  getAllErrorItems(taskId: string, options?: FetchAllOptions): Promise<{ task: BatchTask; items: ErrorItem[] }>;
  /** Closes the connection pool. */
  close(): Promise<void>;
}

// The live zone reads (src/core/liveZone.ts implements them), declared here with the rest of the client.
export interface ListRecordSetsOptions {
  /** Only the sets of this name (search_mode=equal). */
  name?: string;
  /** Only the sets of this type. */
  type?: string;
  signal?: AbortSignal;
  /** Each page as it arrives (for progress and streaming), with the running count and the server's total. */
  onPage?: (page: readonly LiveRecordSet[], progress: { loaded: number; total?: number }) => void;
}

export interface LiveZoneReads {
  /** The public zone whose name equals `name` (any case, trailing dot optional); undefined when none does. */
  readonly findZone: (name: string, options?: { signal?: AbortSignal }) => Promise<{ id: string; name: string } | undefined>;
  /** Every record set of a zone (the system's SOA and apex NS included), in the server's order. */
  readonly listRecordSets: (zoneId: string, options?: ListRecordSetsOptions) => Promise<LiveRecordSet[]>;
}
