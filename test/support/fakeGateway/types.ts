// The public types of the fake Huawei Cloud DNS API gateway. Field names are camelCase here; the server renders
// them with the vendor's snake_case names (created_at, success_count, error_items: [{item, error_message}]).
import type { ErrorItem } from '../../../src/core/types';
import type { FakeZone, ZoneStore } from './zones';

export type { ErrorItem };

export interface FakeTask {
  id: string;
  /** Open set: batch_create_zone, create, import_recordset, delete, batch_update_rs, transfer, or anything. */
  type: string;
  /** The final status (shown once `pending` is over): usually DONE. */
  status: string;
  /** Rendered verbatim as created_at (`yyyy-MM-dd HH:mm:ss` or `2025-06-17T13:09:15.214`). */
  createdAt: string;
  updatedAt?: string;
  successCount: number;
  /** The error_count reported; normally errorItems.length. */
  errorCount: number;
  totalCount?: number;
  /** Every failed item; the show API pages over this list. */
  errorItems: ErrorItem[];
  /**
   * `flat` (default): the SDK model `{id, type, status, created_at, success_count, error_count, error_items}`
   * (updated_at / total_count added only when set on the task).
   * `wrapped`: the vendor page's `{"tasks":[{…}]}` with updated_at (defaults to created_at) and total_count
   * (defaults to success + error).
   */
  shape?: 'flat' | 'wrapped';
  /**
   * While pending the task answers PENDING with counts (and visible failed items) growing in proportion, then
   * DONE (`status`) with the final counts. `polls: N`: the first N show requests for it answer PENDING.
   * `ms`: PENDING until that long after the task was added. With both, DONE needs both.
   */
  pending?: { polls?: number; ms?: number };
}

export interface FakeCredentials {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials: requests must carry this as a signed X-Security-Token. */
  securityToken?: string;
}

export interface FakeGatewayOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Default [SANDBOX_CREDENTIALS]. */
  credentials?: FakeCredentials[];
  /** When set, DNS requests must carry a signed X-Project-Id equal to it; IAM lookups answer it. */
  projectId?: string;
  tasks?: FakeTask[];
  /**
   * Public zones and their record sets (zones.ts); `reset()` restores them. Sets created by batch-create are
   * added. Absent: batch-create accepts every zone name (creating the zone on first use).
   */
  zones?: FakeZone[];
  /** The gateway's clock (X-Sdk-Date skew, key locks, pending timers, throttling). Default Date.now. */
  now?: () => number;
  /** Allowed X-Sdk-Date skew either way. Default 15 minutes. */
  maxSkewMs?: number;
  /** Beyond it (per second, all clients together): 429 APIGW.0308 with Retry-After. */
  rateLimit?: { requestsPerSecond: number };
  /** Added before every answer. */
  latencyMs?: number;
  /** Most recent requests kept in `requests` (the sandbox runs for hours). Default 10,000. */
  recordLimit?: number;
  /** Record sets the account may hold over all zones (the vendor's default is 500). Default: no limit. */
  recordSetQuota?: number;
  /** IAM actions this account's user lacks: their APIs answer 403 "Policy doesn't allow … to be performed". */
  denyActions?: string[];
  /** How a task created by batch-create reaches DONE. Default `{ polls: 2 }`. */
  createdTaskPending?: { polls?: number; ms?: number };
}

export interface RecordedRequest {
  /** The X-Request-Id the gateway answered with. */
  requestId: string;
  method: string;
  /** The raw request target (path + query) as received. */
  url: string;
  /** The raw path, not decoded. */
  path: string;
  /** The raw query string without `?` ('' when none). */
  rawQuery: string;
  /** Decoded query parameters (first value of a repeated key). */
  query: Record<string, string>;
  /** Lower-case names; authorization and x-security-token values are '[redacted]'. */
  headers: Record<string, string>;
  /** The access key named in Authorization, when there was one. */
  accessKey?: string;
  /** HTTP status answered; 0 while not answered (or never, for a hang/reset). */
  status: number;
  /** Whether authentication passed (date, signed headers, HMAC, security token); false when not checked. */
  verified: boolean;
  /** True when a scripted response (enqueue) answered it. */
  scripted: boolean;
  /** Gateway clock (now()) when it arrived. */
  receivedAt: number;
  /** Set when the exchange ended: the answer went out whole, or the connection closed before that. */
  outcome?: 'complete' | 'client-gone';
  /** Body bytes written so far by a `huge` script (to see that it stops when the client goes away). */
  bodyBytesSent?: number;
  /** The request body as received (UTF-8), for requests that had one. */
  body?: string;
  /** Bytes of the request body as received. */
  bodyBytes: number;
}

/** A one-shot scripted answer; see faults.ts for what each kind does on the wire. */
export type ScriptedResponse =
  /** X-Request-Id is added unless `headers` names one; `'X-Request-Id': ''` sends none. */
  | { kind?: 'status'; status: number; headers?: Record<string, string>; body?: string | object }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'halfBody'; status?: number }
  | { kind: 'huge'; bytes: number; chunked?: boolean }
  | { kind: 'html'; status: number }
  | { kind: 'delay'; ms: number; then: ScriptedResponse }
  | { kind: 'slowHeaders'; ms: number; then?: ScriptedResponse }
  | { kind: 'slowBody'; ms: number; status?: number; body?: string | object }
  /** Answered normally (a write takes effect), then the connection is reset instead of the answer sent. */
  | { kind: 'dropAnswer' };

export type RequestMatcher = RegExp | ((r: RecordedRequest) => boolean);

export interface FakeGateway {
  /** e.g. http://127.0.0.1:39617 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Adds or replaces (same id) a task; its pending clock and poll count start now. */
  addTask(t: FakeTask): void;
  /** The task as the API would show it now (status/counts reflect `pending`); not counted as a poll. */
  getTask(id: string): FakeTask | undefined;
  removeTask(id: string): void;
  /** The zones and record sets the zone APIs answer from (live: changes show in the next answer). */
  readonly zones: ZoneStore;
  /** Adds or replaces (same id) a zone; returns its id. */
  addZone(zone: FakeZone): string;
  /** Ends a task's pending phase at once. */
  finishTask(id: string): void;
  /** Show requests answered so far for that task. */
  pollCount(id: string): number;
  /**
   * One-shot scripted answers, used in order, for requests whose raw target (path + query) matches the RegExp
   * or for which the function returns true. They are applied BEFORE authentication (fault injection bypasses
   * auth; the signature is still checked and recorded, without counting towards a key lock).
   */
  enqueue(match: RequestMatcher, ...responses: ScriptedResponse[]): void;
  /** Requests other than GET (the writes), in arrival order: assert on these that nothing was sent. */
  writes(): RecordedRequest[];
  /** The record sets a zone holds now (created ones and the system's SOA and NS included); [] for an unknown zone. */
  recordSets(zoneName: string): readonly { name: string; type: string; ttl: number; records: string[]; status: string; default: boolean }[];
  /** Scripted answers not used yet. */
  pendingScripts(): number;
  /** Forgets requests, scripts, key locks and throttling state; restores the tasks given in the options. */
  reset(): void;
  /** Stops listening and destroys every open connection (hung ones included). Idempotent. */
  close(): Promise<void>;
}
