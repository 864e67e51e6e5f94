// The argument of huaweiDns.showFailedItems, as the palette, the tree and other features pass it.

/** A task id string, or a tree node (anything with a string `taskId`, or a `task` with an `id`). */
export function taskIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (typeof arg === 'object' && arg !== null) {
    const o = arg as { taskId?: unknown; task?: { id?: unknown } };
    if (typeof o.taskId === 'string' && o.taskId.trim()) return o.taskId.trim();
    if (typeof o.task?.id === 'string' && o.task.id.trim()) return o.task.id.trim();
  }
  return undefined;
}
