// What the model caches for one tracked task, and the read-only view of it the tree is given.
import { RequestQueue } from '../core/requestQueue';
import type { BatchTask, BatchTaskSummary, ErrorItem } from '../core/types';
import type { SharedFetch } from './sharedFetch';

/** The failed items of one task as far as the tree has loaded them, page by page. */
export interface FailedItemsState {
  readonly items: readonly ErrorItem[];
  /** The first page has arrived (an empty list then means "none"). */
  readonly loaded: boolean;
  readonly loading: boolean;
  /** The server has more than we loaded. */
  readonly hasMore: boolean;
  /** Why the last page failed to load; shown as an error node with a retry. */
  readonly error?: string;
}

export interface TaskEntry {
  readonly summary: BatchTaskSummary;
  /** Why the last refresh failed; the snapshot is still shown. */
  readonly error?: string;
  readonly failed: FailedItemsState;
}

/** Pages kept per task (by offset and limit); the oldest goes first. */
export const MAX_CACHED_PAGES = 16;

/** The mutable record behind a TaskEntry; only the model and its pager touch it. */
export interface Entry {
  summary: BatchTaskSummary;
  error?: string;
  items: ErrorItem[];
  itemsLoaded: boolean;
  itemsError?: string;
  hasMore: boolean;
  /** Server pages by `offset:limit`, answered or in flight; emptied whenever the task changes. */
  readonly pages: Map<string, Promise<BatchTask>>;
  /** Every failed item: running, or done for the current state of the task. */
  all?: SharedFetch;
  /** Serialises every request for this task: never more than one in flight. */
  readonly queue: RequestQueue;
  /** The summary refresh queued or running, shared by everyone who asks meanwhile. */
  refreshing?: Promise<BatchTaskSummary>;
  loadingItems?: Promise<void>;
  /** Aborted when the task is untracked or the account changes. */
  readonly controller: AbortController;
}

export function newEntry(summary: BatchTaskSummary): Entry {
  return {
    summary,
    items: [],
    itemsLoaded: false,
    hasMore: false,
    pages: new Map(),
    queue: new RequestQueue(),
    controller: new AbortController(),
  };
}

export const pageKey = (offset: number, limit: number): string => `${offset}:${limit}`;

/** Keeps an answered page, dropping the oldest beyond MAX_CACHED_PAGES. */
export function cachePage(entry: Entry, key: string, page: Promise<BatchTask>): void {
  entry.pages.delete(key);
  entry.pages.set(key, page);
  while (entry.pages.size > MAX_CACHED_PAGES) {
    const oldest = entry.pages.keys().next().value;
    if (oldest === undefined) break;
    entry.pages.delete(oldest);
  }
}

/**
 * The task changed: what was cached of its items is out of date. A Load All still running finishes for those
 * who wait on it (they are told the task moved on); the next caller starts a fresh one.
 */
export function invalidateItems(entry: Entry): void {
  entry.pages.clear();
  entry.all = undefined;
}

export function entryView(e: Entry): TaskEntry {
  return {
    summary: e.summary,
    error: e.error,
    failed: {
      items: e.items,
      loaded: e.itemsLoaded,
      loading: e.loadingItems !== undefined,
      hasMore: e.hasMore,
      error: e.itemsError,
    },
  };
}

export function summaryOf(task: BatchTask): BatchTaskSummary {
  const { errorItems: _items, ...summary } = task;
  return summary;
}

export function sameSummary(a: BatchTaskSummary, b: BatchTaskSummary): boolean {
  return (
    a.status === b.status &&
    a.type === b.type &&
    a.successCount === b.successCount &&
    a.errorCount === b.errorCount &&
    a.totalCount === b.totalCount &&
    a.updatedAt === b.updatedAt &&
    a.createdAt === b.createdAt
  );
}
