// How a task is put into words, shared by the tree (host) and the failed-items webview. Pure: no vscode, no DOM.
// English only here; the host translates what it shows with vscode.l10n where a string is a sentence.

/** The documented task types in words; anything new is shown exactly as the server sent it. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  create: 'Create record sets',
  import_recordset: 'Import record sets',
  delete: 'Delete record sets',
  batch_update_rs: 'Update record sets',
  batch_create_zone: 'Create zones',
  transfer: 'Transfer zones',
};

/** Own properties only, so a type named like an Object.prototype member ("toString") is shown as sent. */
function lookup(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function formatTaskType(type: string): string {
  return lookup(TYPE_WORDS, type) ?? type;
}

/** One word for the notification when a task finishes ("Import finished: …"). */
const TYPE_VERBS: Readonly<Record<string, string>> = {
  create: 'Create',
  import_recordset: 'Import',
  delete: 'Delete',
  batch_update_rs: 'Update',
  batch_create_zone: 'Zone creation',
  transfer: 'Transfer',
};

export function formatTaskVerb(type: string): string {
  return lookup(TYPE_VERBS, type) ?? type;
}

/** Grouped thousands in a fixed style ("1,880") so tests and screenshots do not depend on the machine's locale. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface TaskCounts {
  status: string;
  successCount: number;
  errorCount: number;
}

/**
 * `✗120 ✓1,880 · DONE`: failures first, the one figure a person scans the tree for (a narrow sidebar cuts the
 * end of a description), then successes, then the status as sent (the icon shows the outcome too).
 */
export function formatStatusAndCounts(task: TaskCounts): string {
  return `✗${formatCount(task.errorCount)} ✓${formatCount(task.successCount)} · ${task.status}`;
}

/**
 * The LAST 8 characters: the vendor's ids are UUID-hex style (`ff80808297a1b2c3…`) whose leading characters
 * name the server and are the same for every task, while the tail is a time and counter that differ.
 * The full id is in the tooltip.
 */
export function shortTaskId(id: string): string {
  return id.length > 8 ? id.slice(-8) : id;
}

/** "Import record sets · 3f2a9c1e" */
export function formatTaskLabel(task: { type: string; id: string }): string {
  return `${formatTaskType(task.type)} · ${shortTaskId(task.id)}`;
}

export type TaskOutcome = 'running' | 'succeeded' | 'partial' | 'failed' | 'unknown';

/** What the icon shows: running, all good, some failed, all failed; unknown statuses are not guessed at. */
export function taskOutcome(task: TaskCounts): TaskOutcome {
  const status = task.status.toUpperCase();
  if (status === 'PENDING') return 'running';
  if (status !== 'DONE') return 'unknown';
  if (task.errorCount <= 0) return 'succeeded';
  return task.successCount > 0 ? 'partial' : 'failed';
}

export function isPendingStatus(status: string): boolean {
  return status.toUpperCase() === 'PENDING';
}

const SERVER_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses what the server sends (`yyyy-MM-dd HH:mm:ss`, `2025-06-17T13:09:15.214`, ISO 8601 with a zone).
 * The API does not state the zone of the first two forms; they are read as UTC (what the vendor's consoles
 * show), which is why the date itself is always displayed as given and only the relative part depends on it.
 */
export function parseServerDate(value: string): Date | undefined {
  const m = SERVER_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    t -= sign * offsetMin * 60_000;
  }
  return Number.isNaN(t) ? undefined : new Date(t);
}

const UNITS: ReadonlyArray<[unit: string, ms: number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "just now", "5 minutes ago", "in 2 hours" (the server's clock may run ahead of ours). */
export function formatRelativeTime(date: Date, now: Date): string {
  const diff = now.getTime() - date.getTime();
  const abs = Math.abs(diff);
  if (abs < 60_000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return diff >= 0 ? `${phrase} ago` : `in ${phrase}`;
    }
  }
  return 'just now';
}

/** The date as the server sent it, plus a relative time when it can be read: "2025-06-17 13:09:15 (3 hours ago)". */
export function formatTimestamp(value: string, now: Date = new Date()): string {
  const date = parseServerDate(value);
  return date ? `${value} (${formatRelativeTime(date, now)})` : value;
}
