// Turns a task from the API into the header the webview shows: every word and date is decided here, on the
// host, so the webview only places text.
import * as vscode from 'vscode';
import type { BatchTaskSummary } from '../core/types';
import type { TaskView } from '../shared/protocol';
import { formatTaskType, formatTimestamp, isPendingStatus } from '../shared/format';

function statusLabel(status: string): string {
  switch (status.toUpperCase()) {
    case 'PENDING':
      return vscode.l10n.t('Running');
    case 'DONE':
      return vscode.l10n.t('Done');
    default:
      return status;
  }
}

export function toTaskView(task: BatchTaskSummary): TaskView {
  return {
    id: task.id,
    type: task.type,
    typeLabel: formatTaskType(task.type),
    status: task.status,
    statusLabel: statusLabel(task.status),
    created: formatTimestamp(task.createdAt),
    updated: task.updatedAt ? formatTimestamp(task.updatedAt) : undefined,
    successCount: task.successCount,
    errorCount: task.errorCount,
    totalCount: task.totalCount,
    pending: isPendingStatus(task.status),
  };
}
