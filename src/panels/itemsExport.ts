// The panel's ways out for failed items: the clipboard (tab-separated) and Export to a CSV or JSON file.
import * as vscode from 'vscode';
import type { ErrorItem } from '../core/types';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { toCsv, toJson, toTsv } from '../shared/delimited';
import { filterItems } from '../shared/items';

/** The rows the user selected; a header only when there is more than one. */
export function copyRows(items: readonly ErrorItem[]): Thenable<void> {
  return vscode.env.clipboard.writeText(toTsv(items, { header: items.length > 1 }));
}

/** Every loaded item that passes the webview's filter. */
export function copyAll(loaded: readonly ErrorItem[], filter: string): Thenable<void> {
  return vscode.env.clipboard.writeText(toTsv(filterItems(loaded, filter)));
}

/** Writes the filtered items to a file the user picks; says where in a notice (`notify`), or why not. */
export async function exportItems(
  services: Services,
  /** An answer given instead of the save dialog (the panels' observer, in test mode only). */
  answered: ((format: 'csv' | 'json') => vscode.Uri | undefined) | undefined,
  taskId: string,
  loaded: readonly ErrorItem[],
  format: 'csv' | 'json',
  filter: string,
  notify: (message: string) => void,
): Promise<void> {
  const items = filterItems(loaded, filter);
  const target =
    answered?.(format) ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export failed items'),
      defaultUri: defaultExportUri(taskId, format),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    }));
  if (!target) return;
  const text = format === 'csv' ? toCsv(items) : toJson(taskId, items);
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    notify(vscode.l10n.t('Exported {0} items to {1}.', items.length, target.fsPath));
  } catch (err) {
    // A file-system failure is the user's to fix outside the panel: a notification with details fits.
    void showError(services, err, { action: vscode.l10n.t('Export failed items'), taskId });
  }
}

function defaultExportUri(taskId: string, format: 'csv' | 'json'): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `failed-items-${taskId.replace(/[^A-Za-z0-9_-]/g, '_')}.${format}`;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
