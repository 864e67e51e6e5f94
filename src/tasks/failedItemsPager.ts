// The failed items of each tracked task as the tree shows them: loaded page by page into the task's entry
// through the model's page cache, started over when a refresh brings a new first page.
import type { BatchTask, BatchTaskSummary } from '../core/types';
import { errorMessage } from '../platform/errorDetails';
import type { Logger } from '../platform/logging';
import type { Entry } from './taskEntry';

/** What the pager needs of the model that owns the entries. */
export interface PagerHost {
  /** One page through the model's cache (which also stores the summary the page carries). */
  page(taskId: string, entry: Entry, offset: number, limit: number): Promise<BatchTask>;
  pageSize(): number;
  /** The entry is still the one tracked under this id (not untracked, not from an earlier account). */
  isCurrent(taskId: string, entry: Entry): boolean;
  /** The task's node should redraw. */
  changed(taskId: string): void;
  readonly log: Logger;
}

export class FailedItemsPager {
  constructor(private readonly host: PagerHost) {}

  /**
   * Loads the first page unless it is already here (what expanding a task node does).
   * After a failure only an explicit retry loads again: the redraw that shows the error node calls this too.
   */
  ensure(taskId: string, entry: Entry): Promise<void> {
    if (entry.itemsLoaded || entry.itemsError !== undefined) return Promise.resolve();
    return this.loadPage(taskId, entry, 0);
  }

  /** Fetches the next page ("Load More…"), or the first one again after it was dropped. */
  loadMore(taskId: string, entry: Entry): Promise<void> {
    if (!entry.itemsLoaded) return this.loadPage(taskId, entry, 0);
    if (!entry.hasMore && !entry.itemsError) return Promise.resolve();
    return this.loadPage(taskId, entry, entry.items.length);
  }

  /** The first page that came with a fetched task replaces whatever was loaded: the counts may have moved. */
  setFirstPage(entry: Entry, task: BatchTask): void {
    entry.items = task.errorItems.slice();
    entry.itemsLoaded = true;
    entry.itemsError = undefined;
    entry.hasMore = hasMore(entry, task);
    this.host.changed(task.id);
  }

  /** New failures while running: the loaded page is out of date, load it again when next shown. */
  dropIfCountChanged(taskId: string, entry: Entry, before: BatchTaskSummary): void {
    if (entry.itemsLoaded && before.errorCount !== entry.summary.errorCount) {
      entry.itemsLoaded = false;
      entry.items = [];
      this.host.changed(taskId);
    }
  }

  private loadPage(taskId: string, entry: Entry, offset: number): Promise<void> {
    if (entry.loadingItems) return entry.loadingItems;
    const host = this.host;
    const loading = (async () => {
      try {
        const task = await host.page(taskId, entry, offset, host.pageSize());
        if (!host.isCurrent(taskId, entry)) return;
        if (offset === 0) entry.items = [];
        // Only append what lines up with what we have; a refresh in between may have reset the list.
        if (entry.items.length === offset) entry.items = entry.items.concat(task.errorItems);
        entry.itemsLoaded = true;
        entry.itemsError = undefined;
        entry.hasMore = hasMore(entry, task);
      } catch (error) {
        if (!host.isCurrent(taskId, entry) || entry.controller.signal.aborted) return;
        entry.itemsError = errorMessage(error);
        host.log.warn(`Loading failed items of task ${taskId} failed: ${entry.itemsError}`);
      } finally {
        entry.loadingItems = undefined;
        if (host.isCurrent(taskId, entry)) host.changed(taskId);
      }
    })();
    entry.loadingItems = loading;
    host.changed(taskId);
    return loading;
  }
}

/** A page that came back empty means the server has nothing more, whatever its count says. */
function hasMore(entry: Entry, task: BatchTask): boolean {
  return task.errorItems.length > 0 && entry.items.length < task.errorCount;
}
