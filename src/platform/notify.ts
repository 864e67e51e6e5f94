// Error notifications, the same everywhere: the message, "Show Logs" and "Copy Details".
import * as vscode from 'vscode';
import { errorMessage, formatErrorDetails, type ErrorContext } from './errorDetails';
import { plainText } from '../shared/untrusted';
import type { Logger } from './logging';

export type { ErrorContext };

/**
 * Logs the error and shows it. Accepts the logger or anything holding one (the services bag).
 * Resolves when the notification is dismissed; callers usually `void` it.
 */
export async function showError(logOrServices: Logger | { log: Logger }, error: unknown, context: ErrorContext = {}): Promise<void> {
  const log = 'log' in logOrServices && typeof logOrServices.log === 'object' ? logOrServices.log : (logOrServices as Logger);
  const lead = context.action ? `${context.action}: ` : '';
  log.error(`${lead}${context.taskId ? `task ${context.taskId}: ` : ''}failed`, error);
  const details = formatErrorDetails(error, context, new Date(), (t) => log.redact(t));
  const showLogs = vscode.l10n.t('Show Logs');
  const copy = vscode.l10n.t('Copy Details');
  // The message may quote the server (or a file): redacted whole first, then made inert for the toast.
  const choice = await vscode.window.showErrorMessage(`${lead}${plainText(log.redact(errorMessage(error)), { maxLength: 800 })}`, showLogs, copy);
  if (choice === showLogs) log.show();
  if (choice === copy) await vscode.env.clipboard.writeText(details);
}
