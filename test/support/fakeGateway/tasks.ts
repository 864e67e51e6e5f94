// The task store: what each task looks like "now" (pending progress) and how the API renders it.
import type { ErrorItem, FakeTask } from './types';

interface Entry {
  task: FakeTask;
  addedAt: number;
  polls: number;
  finished: boolean;
}

export interface TaskView {
  task: FakeTask;
  /** Failed items visible now (a prefix of task.errorItems while pending). */
  visibleItems: number;
}

export class TaskStore {
  private readonly entries = new Map<string, Entry>();
  private order = 0;
  private readonly seq = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  add(task: FakeTask): void {
    this.entries.set(task.id, { task: { ...task }, addedAt: this.now(), polls: 0, finished: false });
    this.seq.set(task.id, this.order++);
  }

  remove(id: string): void {
    this.entries.delete(id);
    this.seq.delete(id);
  }

  clear(): void {
    this.entries.clear();
    this.seq.clear();
  }

  finish(id: string): void {
    const e = this.entries.get(id);
    if (e) e.finished = true;
  }

  polls(id: string): number {
    return this.entries.get(id)?.polls ?? 0;
  }

  /** Counts a show request (before computing the answer, so `polls: N` gives N PENDING answers). */
  poll(id: string): TaskView | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    e.polls++;
    return this.viewOf(e, e.polls - 1);
  }

  view(id: string): TaskView | undefined {
    const e = this.entries.get(id);
    return e ? this.viewOf(e, e.polls) : undefined;
  }

  /** Newest first (by created_at, then most recently added). */
  list(): TaskView[] {
    const entries = [...this.entries.values()];
    entries.sort((a, b) => {
      const d = createdMs(b.task.createdAt) - createdMs(a.task.createdAt);
      return d !== 0 ? d : (this.seq.get(b.task.id) ?? 0) - (this.seq.get(a.task.id) ?? 0);
    });
    return entries.map((e) => this.viewOf(e, e.polls));
  }

  /** Progress 0..1 of a pending task after `polls` earlier show requests; 1 when done. */
  private progress(e: Entry, polls: number): number {
    const p = e.task.pending;
    if (!p || e.finished) return 1;
    let progress = 1;
    if (p.polls !== undefined && polls < p.polls) progress = Math.min(progress, (polls + 1) / (p.polls + 1));
    if (p.ms !== undefined) {
      const elapsed = this.now() - e.addedAt;
      if (elapsed < p.ms) progress = Math.min(progress, Math.max(0, elapsed) / p.ms);
    }
    return progress;
  }

  private viewOf(e: Entry, polls: number): TaskView {
    const progress = this.progress(e, polls);
    const t = e.task;
    if (progress >= 1) return { task: { ...t }, visibleItems: t.errorItems.length };
    const errorCount = Math.floor(t.errorCount * progress);
    return {
      task: {
        ...t,
        status: 'PENDING',
        successCount: Math.floor(t.successCount * progress),
        errorCount,
        updatedAt: undefined,
        // The wrapped shape keeps announcing the final total while the counts grow towards it.
        totalCount: t.totalCount ?? (t.shape === 'wrapped' ? t.successCount + t.errorCount : undefined),
      },
      visibleItems: Math.min(errorCount, t.errorItems.length),
    };
  }
}

/** Both documented date formats, read as UTC; unparseable dates sort last. */
export function createdMs(createdAt: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(createdAt.trim());
  if (!m) return Number.NEGATIVE_INFINITY;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${m[8] ?? 'Z'}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

function renderItems(items: readonly ErrorItem[]): { item: string; error_message: string }[] {
  return items.map((i) => ({ item: i.item, error_message: i.errorMessage }));
}

/** The show answer for one page of failed items, in the task's shape. */
export function renderTask(view: TaskView, limit: number, offset: number): unknown {
  const t = view.task;
  const end = Math.min(view.visibleItems, offset + limit);
  const items = offset < end ? t.errorItems.slice(offset, end) : [];
  if (t.shape === 'wrapped') {
    return {
      tasks: [
        {
          id: t.id,
          type: t.type,
          status: t.status,
          created_at: t.createdAt,
          updated_at: t.updatedAt ?? t.createdAt,
          total_count: t.totalCount ?? t.successCount + t.errorCount,
          success_count: t.successCount,
          error_count: t.errorCount,
          error_items: renderItems(items),
        },
      ],
    };
  }
  const flat: Record<string, unknown> = { id: t.id, type: t.type, status: t.status, created_at: t.createdAt };
  if (t.updatedAt !== undefined) flat['updated_at'] = t.updatedAt;
  if (t.totalCount !== undefined) flat['total_count'] = t.totalCount;
  flat['success_count'] = t.successCount;
  flat['error_count'] = t.errorCount;
  flat['error_items'] = renderItems(items);
  return flat;
}

export function renderSummary(view: TaskView): unknown {
  const t = view.task;
  return {
    id: t.id,
    type: t.type,
    status: t.status,
    created_at: t.createdAt,
    success_count: t.successCount,
    error_count: t.errorCount,
  };
}
