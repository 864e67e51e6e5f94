// What huaweiDns.retryFailedItems is given: nothing (palette: ask), a task node of the tree, a task id, or the
// automation form `{ taskId, dryRun? }`. Pure.
import { isValidTaskId } from '../core/taskId';

export interface RetryRequest {
  /** Undefined: ask the person. */
  taskId?: string;
  dryRun: boolean;
}

/** The request, or a reason the argument is not one. */
export function parseRetryArgument(arg: unknown): RetryRequest | string {
  if (arg === undefined || arg === null) return { dryRun: false };
  if (typeof arg === 'string') return isValidTaskId(arg) ? { taskId: arg, dryRun: false } : 'taskId must be a batch task id';
  if (typeof arg !== 'object') return 'expected { taskId, dryRun? }';
  const a = arg as { taskId?: unknown; dryRun?: unknown };
  if (a.dryRun !== undefined && typeof a.dryRun !== 'boolean') return 'dryRun must be true or false';
  if (a.taskId === undefined) return { dryRun: a.dryRun === true };
  if (!isValidTaskId(a.taskId)) return 'taskId must be a batch task id';
  return { taskId: a.taskId as string, dryRun: a.dryRun === true };
}
