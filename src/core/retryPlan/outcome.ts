// After a retry: the sets as zone-file text (for the operator's own tooling), what became of each item compared
// with the parent task, and — after a lost answer — which `create` tasks may be the one that was sent.
import { explainFailure } from '../explain';
import type { RetryRecordSet } from '../recordSets/types';
import { ownerKey } from '../recordSets/values';
import type { BatchTaskSummary, ErrorItem } from '../types';
import { isPendingStatus, parseServerDate } from '../../shared/format';

/** The sets as zone-file lines (`name ttl IN type value`, one per value), absolute names, grouped by zone. */
export function toZoneSnippet(recordsets: readonly RetryRecordSet[]): string {
  const lines: string[] = [];
  let zone: string | undefined;
  for (const set of recordsets) {
    if (set.zone_name !== zone) {
      if (zone !== undefined) lines.push('');
      zone = set.zone_name;
      lines.push(`; zone ${zone}`);
    }
    for (const value of set.records) lines.push(`${set.name}\t${set.ttl}\tIN\t${set.type}\t${value}`);
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

export interface RetryOutcome {
  /** Names sent that the retry no longer lists as failed. */
  fixed: string[];
  /** Failing again for the same kind of cause as in the parent. */
  stillFailing: ErrorItem[];
  /** Failing now for another cause (or a name the parent did not list). */
  newlyFailing: ErrorItem[];
}

/** Compares the retry's failed items with the parent's, over the names that were sent. */
export function compareOutcome(parentItems: readonly ErrorItem[], sent: readonly RetryRecordSet[], retryItems: readonly ErrorItem[]): RetryOutcome {
  const parentKinds = new Map<string, Set<string>>();
  for (const i of parentItems) {
    const key = ownerKey(i.item);
    const kinds = parentKinds.get(key) ?? new Set<string>();
    kinds.add(explainFailure(i.errorMessage).kind);
    parentKinds.set(key, kinds);
  }
  const failing = new Set(retryItems.map((i) => ownerKey(i.item)));
  const fixed = [...new Set(sent.map((s) => ownerKey(s.name)))].filter((name) => !failing.has(name));
  const stillFailing: ErrorItem[] = [];
  const newlyFailing: ErrorItem[] = [];
  for (const i of retryItems) {
    const before = parentKinds.get(ownerKey(i.item));
    if (before?.has(explainFailure(i.errorMessage).kind)) stillFailing.push(i);
    else newlyFailing.push(i);
  }
  return { fixed, stillFailing, newlyFailing };
}

/** How far the server's created_at may be from our clock: the gateway's 15 minutes of skew. */
const CLOCK_SLACK_MS = 15 * 60_000;
/** created_at without a zone may be any zone's local time (UTC−12 … UTC+14). */
const ZONE_SLACK_MS = 14 * 3_600_000;

export interface CreatedCandidate {
  task: BatchTaskSummary;
  /** DONE with as many items as sets were sent: most likely the one (a running task's counts still grow). */
  sameSize: boolean;
}

/**
 * The `create` tasks that may be the answer to a write sent at `sentAt`: created no earlier than sentAt less
 * the clock slack (and, when the date names no zone, less the widest zone offset). Newest and same-size first.
 */
export function tasksCreatedSince(tasks: readonly BatchTaskSummary[], sentAt: Date, setsSent: number): CreatedCandidate[] {
  const out: { c: CreatedCandidate; at: number }[] = [];
  for (const task of tasks) {
    if (task.type !== 'create') continue;
    const at = parseServerDate(task.createdAt);
    if (!at) continue;
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(task.createdAt.trim());
    const earliest = sentAt.getTime() - CLOCK_SLACK_MS - (zoned ? 0 : ZONE_SLACK_MS);
    if (at.getTime() < earliest) continue;
    const sameSize = !isPendingStatus(task.status) && task.successCount + task.errorCount === setsSent;
    out.push({ c: { task, sameSize }, at: at.getTime() });
  }
  out.sort((a, b) => Number(b.c.sameSize) - Number(a.c.sameSize) || b.at - a.at);
  return out.map((o) => o.c);
}
