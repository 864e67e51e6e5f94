// What is kept of a tracked task between sessions: its last known summary. Pure; tolerant of old or odd data.
import type { BatchTaskSummary } from '../core/types';
import { parseServerDate } from '../shared/format';

export interface StoredTask {
  summary: BatchTaskSummary;
}

export interface StoredTasks {
  version: 1;
  tasks: StoredTask[];
}

export function toSnapshot(summary: BatchTaskSummary): StoredTask {
  const { id, type, status, createdAt, updatedAt, successCount, errorCount, totalCount } = summary;
  return { summary: { id, type, status, createdAt, updatedAt, successCount, errorCount, totalCount } };
}

const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Reads what `globalState` holds; anything malformed is skipped rather than breaking the tree. */
export function readSnapshots(value: unknown): StoredTask[] {
  if (typeof value !== 'object' || value === null) return [];
  const tasks = (value as { tasks?: unknown }).tasks;
  if (!Array.isArray(tasks)) return [];
  const seen = new Set<string>();
  const out: StoredTask[] = [];
  for (const t of tasks as unknown[]) {
    const s = (t as { summary?: Record<string, unknown> } | null)?.summary;
    if (!s || !str(s.id) || !str(s.type) || !str(s.status) || !str(s.createdAt)) continue;
    if (!num(s.successCount) || !num(s.errorCount) || seen.has(s.id)) continue;
    seen.add(s.id);
    out.push({
      summary: {
        id: s.id,
        type: s.type,
        status: s.status,
        createdAt: s.createdAt,
        updatedAt: str(s.updatedAt) ? s.updatedAt : undefined,
        successCount: s.successCount,
        errorCount: s.errorCount,
        totalCount: num(s.totalCount) ? s.totalCount : s.successCount + s.errorCount,
      },
    });
  }
  return out;
}

/** Newest first (by creation time), ties by id, so the order is stable across refreshes. */
export function sortTasks<T extends BatchTaskSummary>(tasks: T[]): T[] {
  const time = (t: T) => parseServerDate(t.createdAt)?.getTime() ?? 0;
  return tasks.sort((a, b) => time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
