// The batch-create write as data: which requests re-submitting a set of record sets takes. Pure, so a dry run,
// "Save Request…" and Send all show and send exactly the same bodies.
import type { RetryRecordSet } from '../recordSets/types';

export type { RetryRecordSet };

export const BATCH_CREATE_PATH = '/v2.1/operation-task/batch-create-recordset';
/** The API's limit: at most this many record sets per task. */
export const MAX_RECORDSETS_PER_TASK = 10_000;

export interface BatchCreateRequest {
  method: 'POST';
  path: typeof BATCH_CREATE_PATH;
  body: { recordsets: RetryRecordSet[] };
}

/**
 * The fewest requests, filled in order (25,001 sets give 10,000, 10,000 and 5,001). `maxPerTask` defaults to
 * and is clamped to the API's 10,000 (and to at least 1); no sets, no request.
 */
export function toBatchCreateRequests(recordsets: readonly RetryRecordSet[], options: { maxPerTask?: number } = {}): BatchCreateRequest[] {
  const asked = options.maxPerTask;
  const size = asked === undefined || !Number.isFinite(asked) ? MAX_RECORDSETS_PER_TASK : Math.min(MAX_RECORDSETS_PER_TASK, Math.max(1, Math.floor(asked)));
  const requests: BatchCreateRequest[] = [];
  for (let start = 0; start < recordsets.length; start += size) {
    requests.push({ method: 'POST', path: BATCH_CREATE_PATH, body: { recordsets: recordsets.slice(start, start + size) } });
  }
  return requests;
}
