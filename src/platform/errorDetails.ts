// What "Copy Details" puts on the clipboard: enough for a support ticket, nothing secret. Pure.
import { isApiError, isNotFoundError } from '../core/errors';

export interface ErrorContext {
  taskId?: string;
  /** Site label ("intl", "cn", or a custom host). */
  site?: string;
  /** What was being done, e.g. "Refreshing task", shown before the message. */
  action?: string;
}


export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/**
 * Lines of "Label: value", only for the fields present. `redact` is applied to the whole text (the client's
 * messages are already clean; this is the second belt).
 */
export function formatErrorDetails(error: unknown, context: ErrorContext, now: Date, redact: (text: string) => string): string {
  const api = isApiError(error) ? error : undefined;
  const rows: [string, string | undefined][] = [
    ['Time', now.toISOString()],
    ['Site', context.site],
    ['Task ID', context.taskId ?? (isNotFoundError(error) ? error.taskId : undefined)],
    ['Request ID', api?.requestId || undefined],
    ['Error code', api?.code || undefined],
    ['HTTP status', api?.status === undefined ? undefined : String(api.status)],
    ['Error', error instanceof Error ? error.name : undefined],
    ['Action', context.action],
    ['Message', errorMessage(error)],
  ];
  return redact(rows.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join('\n'));
}
