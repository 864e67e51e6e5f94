// Batch task ids: validated before they go anywhere near a URL, and found inside whatever the user pasted.

/** The vendor's ids are 32 hex characters; accept letters, digits, `-` and `_` up to 64 so new formats still work. */
const TASK_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_TASK_ID_LENGTH = 64;

export function isValidTaskId(value: unknown): boolean {
  return typeof value === 'string' && TASK_ID_RE.test(value);
}

// A 32-hex run not glued to more hex on either side (so a 40-hex SHA or a longer token is not cut into an id).
const HEX32_RE = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])/g;
// Places where an id is named explicitly win over any other 32-hex run (e.g. a project id in the same URL).
const NAMED_ID_RES = [
  /batch-operation-tasks\/([A-Za-z0-9_-]{1,64})/i,
  /["']?task_?id["']?\s*[:=]\s*["']?([A-Za-z0-9_-]{1,64})/i,
  /["']id["']\s*:\s*["']([A-Za-z0-9_-]{1,64})["']/,
];

/**
 * Finds a task id in pasted text: a bare id, a console or API URL, a JSON answer, a log line.
 * Returns undefined when nothing id-like is there.
 */
export function extractTaskId(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (isValidTaskId(trimmed)) return trimmed;
  for (const re of NAMED_ID_RES) {
    const id = re.exec(trimmed)?.[1];
    if (id !== undefined && isValidTaskId(id)) return id;
  }
  const hex = trimmed.match(HEX32_RE);
  return hex?.[0];
}

/** The id as one path segment. Throws (a plain TypeError) on an invalid id: callers validate first. */
export function encodeTaskIdForPath(taskId: string): string {
  if (!isValidTaskId(taskId)) throw new TypeError('invalid task id');
  // Valid ids only hold unreserved characters, so this is the identity; kept so the path can never carry `/`, `?`, `%`.
  return encodeURIComponent(taskId);
}

/**
 * The task id a command was given, whoever called it: the id, a pasted URL / JSON / log line holding one, a
 * tree node or anything else with a `taskId` (or a `task` with an `id`). Undefined when there is no valid id:
 * callers then ask (see the tasks view's prompt) instead of sending a request for garbage.
 */
export function taskIdFromArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return extractTaskId(arg);
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as { taskId?: unknown; task?: { id?: unknown } | null };
  const candidate = typeof o.taskId === 'string' ? o.taskId : typeof o.task?.id === 'string' ? o.task.id : undefined;
  const id = candidate?.trim();
  return id !== undefined && isValidTaskId(id) ? id : undefined;
}
