// What the API answers, checked with zod and mapped to the domain types. Lenient where the vendor's sources
// disagree (both shapes, both date formats, optional fields, open enums); strict about types where it matters.
import * as z from 'zod';
import { ResponseShapeError, type ApiErrorDetails } from './errors';
import { isValidTaskId } from './taskId';
import type { BatchTask, BatchTaskSummary, ErrorItem } from './types';

// Counts are safe non-negative integers; some gateways serialise them as strings. A count beyond 2^53 (or a
// 400-digit one, which Number reads as Infinity) is not a count anyone can page through: rejected.
const safeCount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const count = z.union([safeCount, z.string().regex(/^\d{1,16}$/).transform(Number).pipe(safeCount)]);

// Every string has a bound, so one hostile field cannot pin memory in every place that copies it.
/** Item names and messages: DNS names are at most 255 bytes; a message is a sentence or a small JSON. */
export const MAX_ITEM_TEXT = 256 * 1024;
/** Types, statuses and dates are short words. */
const MAX_WORD = 256;
const word = z.string().max(MAX_WORD);
const itemText = z.string().max(MAX_ITEM_TEXT);
// Absent or null both mean "not given".
const optionalWord = word.nullish();
// Ids end up in URLs, file names and stored state: only the shape a task id can have.
const taskId = z.string().min(1).refine(isValidTaskId, { message: 'is not a task id' });

const errorItemSchema = z.object({
  item: itemText,
  error_message: itemText.nullish(),
});

const summarySchema = z.object({
  id: taskId,
  type: word,
  status: word,
  created_at: word,
  updated_at: optionalWord,
  success_count: count,
  error_count: count,
  total_count: count.nullish(),
});

const taskSchema = summarySchema.extend({
  error_items: z.array(errorItemSchema).nullish(),
});

const listSchema = z.object({
  tasks: z.array(summarySchema),
  metadata: z.object({ total_count: count.nullish() }).nullish(),
});

const createdSchema = z.object({ task_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

const projectsSchema = z.object({
  projects: z.array(z.object({ id: z.string().min(1).regex(/^[A-Za-z0-9_-]{1,64}$/), name: word.nullish() })),
});

type RawSummary = z.infer<typeof summarySchema>;

function toSummary(raw: RawSummary): BatchTaskSummary {
  const summary: BatchTaskSummary = {
    id: raw.id,
    type: raw.type,
    status: raw.status,
    createdAt: raw.created_at,
    successCount: raw.success_count,
    errorCount: raw.error_count,
    totalCount: raw.total_count ?? Math.min(raw.success_count + raw.error_count, Number.MAX_SAFE_INTEGER),
  };
  if (raw.updated_at) summary.updatedAt = raw.updated_at;
  return summary;
}

/** Parses a body as JSON; a ResponseShapeError quoting the body when it is not JSON. */
export function parseJsonBody(body: string, details: ApiErrorDetails = {}): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ResponseShapeError('(body)', 'is not JSON', body, details);
  }
}

export function check<S extends z.ZodType>(schema: S, value: unknown, body: string, details: ApiErrorDetails, prefix: (string | number)[] = []): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [...prefix, ...(issue?.path ?? [])];
  // zod 4 does not keep the offending input on the issue; look it up for the message.
  throw new ResponseShapeError(formatPath(path), describeIssue(issue, valueAt(value, issue?.path ?? [])), body, details);
}

/** `tasks[0].error_items[3].item` */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

// One short human sentence per issue, never zod's own dump.
function describeIssue(issue: z.core.$ZodIssue | undefined, input: unknown): string {
  if (!issue) return 'is invalid';
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'is missing' : `should be ${article(issue.expected)} but is ${kindOf(input)}`;
    case 'too_small':
      // No list in these answers has a minimum length, and every string minimum is one (ids, names, types).
      return issue.origin === 'string' ? 'is empty' : 'is too small';
    case 'too_big':
      return issue.origin === 'string' ? `is longer than ${issue.maximum} characters` : 'is too large';
    case 'custom':
      return issue.message;
    case 'invalid_union':
      return input === undefined ? 'is missing' : `has an unexpected value (${kindOf(input)})`;
    default:
      return 'has an unexpected value';
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}

/**
 * ShowBatchOperationTask: the SDKs' flat object or the vendor page's `{"tasks":[…]}` wrapper. With
 * `expectedId`, an answer about another task is refused: it would be stored and shown under the wrong id.
 */
export function parseTask(value: unknown, body: string, details: ApiErrorDetails = {}, expectedId?: string): BatchTask {
  let raw = value;
  let prefix: (string | number)[] = [];
  if (isObject(raw) && !('id' in raw) && 'tasks' in raw) {
    const tasks = raw.tasks;
    if (!Array.isArray(tasks)) throw new ResponseShapeError('tasks', `should be an array but is ${kindOf(tasks)}`, body, details);
    if (tasks.length === 0) throw new ResponseShapeError('tasks', 'is empty', body, details);
    raw = tasks[0];
    prefix = ['tasks', 0];
  }
  // Not an object (a string, null, a list): the schema says so in the same words, "should be an object but is …".
  const task = check(taskSchema, raw, body, details, prefix);
  if (expectedId !== undefined && task.id !== expectedId) {
    throw new ResponseShapeError(formatPath([...prefix, 'id']), `is ${JSON.stringify(task.id)}, not the task asked for (${expectedId})`, body, details);
  }
  const errorItems: ErrorItem[] = (task.error_items ?? []).map((e) => ({ item: e.item, errorMessage: e.error_message ?? '' }));
  return { ...toSummary(task), errorItems };
}

export interface TaskListPage {
  tasks: BatchTaskSummary[];
  total: number;
  /** False when the answer had no metadata.total_count and `total` is only what this page proves exists. */
  totalKnown: boolean;
}

/** ListBatchOperationTasks. */
export function parseTaskList(value: unknown, body: string, details: ApiErrorDetails = {}, offset = 0): TaskListPage {
  const list = check(listSchema, value, body, details);
  const tasks = list.tasks.map(toSummary);
  const sent = list.metadata?.total_count;
  return sent === undefined || sent === null ? { tasks, total: offset + tasks.length, totalKnown: false } : { tasks, total: sent, totalKnown: true };
}

/** The batch-create answer `{ task_id }`. */
export function parseCreatedTask(value: unknown, body: string, details: ApiErrorDetails = {}): { taskId: string } {
  return { taskId: check(createdSchema, value, body, details).task_id };
}

/** IAM KeystoneListProjects: the first project's id. */
export function parseProjectId(value: unknown, body: string, details: ApiErrorDetails = {}): string | undefined {
  return check(projectsSchema, value, body, details).projects[0]?.id;
}

export interface ErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
}

const errorBodySchemas = [
  // DNS service
  z.object({ code: word, message: itemText.nullish() }).transform((b) => ({ code: b.code, message: b.message ?? undefined })),
  // API gateway
  z
    .object({ error_code: word, error_msg: itemText.nullish(), request_id: word.nullish() })
    .transform((b) => ({ code: b.error_code, message: b.error_msg ?? undefined, requestId: b.request_id ?? undefined })),
  // Nested
  z
    .object({ error: z.object({ code: word, message: itemText.nullish() }) })
    .transform((b) => ({ code: b.error.code, message: b.error.message ?? undefined })),
] as const;

/** The vendor's three error-body shapes; undefined for anything else (HTML, empty, other JSON). */
export function parseErrorBody(body: string): ErrorBody | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  for (const schema of errorBodySchemas) {
    const result = schema.safeParse(value);
    if (result.success) {
      const out: ErrorBody = {};
      for (const [k, v] of Object.entries(result.data)) if (v !== undefined) (out as Record<string, string>)[k] = v;
      return out;
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
