// Temporary: the tree engineer's src/shared/format.ts (type in words, dates) replaces these.
export function formatTaskType(type: string): string {
  return type;
}
export function formatTimestamp(value: string): string {
  return value;
}
