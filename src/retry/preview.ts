// The preview of a retry: the exact request body as a read-only JSON document beside, and a picker that says
// how many sets go to which zone, lists every skipped item with its reason (choosing one opens its zone-file
// line) and offers Send, Save Request…, Copy as Zone Snippet and Cancel. Nothing here sends.
import * as vscode from 'vscode';
import type { BatchCreateRequest } from '../core/retryPlan/batchCreate';
import type { SkippedItem, SkipReason } from '../core/retryPlan/plan';
import { formatCount, shortTaskId } from '../shared/format';
import { plainText } from '../shared/untrusted';
import { Disposable } from '../platform/lifecycle';
import type { PlannedRetry } from './planner';

export const RETRY_DOCUMENT_SCHEME = 'huawei-dns-retry';

export type PreviewAction = 'send' | 'save' | 'copy' | 'cancel';

/** The text Save Request… writes and the preview shows: one body, or every request when there are several. */
export function requestDocument(requests: readonly BatchCreateRequest[]): string {
  const value = requests.length === 1 ? requests[0]!.body : requests.map((r) => ({ method: r.method, path: r.path, body: r.body }));
  return JSON.stringify(value, null, 2) + '\n';
}

/** Read-only documents (a content provider's documents cannot be edited) holding the request bodies. */
export class RequestDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(RETRY_DOCUMENT_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  async show(taskId: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: RETRY_DOCUMENT_SCHEME, path: `/retry-${shortTaskId(taskId)}.json` });
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return uri;
  }
}

export function reasonLabel(reason: SkipReason): string {
  switch (reason) {
    case 'already-exists': return vscode.l10n.t('already exists');
    case 'not-retryable': return vscode.l10n.t('sending again would not help');
    case 'not-found': return vscode.l10n.t('not in the zone files');
    case 'ambiguous': return vscode.l10n.t('in more than one zone file');
    case 'lint-error': return vscode.l10n.t('still wrong in the zone file');
    case 'live-identical': return vscode.l10n.t('already live, identical');
  }
}

/** Sets per zone, in plan order. */
export function countsByZone(planned: PlannedRetry): [zone: string, sets: number][] {
  const counts = new Map<string, number>();
  for (const s of planned.plan.recordsets) counts.set(s.zone_name, (counts.get(s.zone_name) ?? 0) + 1);
  return [...counts];
}

type Item = vscode.QuickPickItem & { action?: PreviewAction; skipped?: SkippedItem };

/** Shows the picker until the person chooses Send or Cancel (Save and Copy keep it open); never sends. */
export function pickAction(planned: PlannedRetry, onAction: (action: 'save' | 'copy') => Promise<void>): Promise<PreviewAction> {
  const { plan } = planned;
  const sets = plan.recordsets.length;
  const items: Item[] = [];
  items.push({ label: vscode.l10n.t('Will be sent'), kind: vscode.QuickPickItemKind.Separator });
  for (const [zone, count] of countsByZone(planned)) {
    items.push({ label: `$(cloud-upload) ${plainText(zone)}`, description: vscode.l10n.t('{0} record sets', formatCount(count)) });
  }
  if (sets === 0) items.push({ label: `$(info) ${vscode.l10n.t('Nothing to send')}` });
  if (planned.liveProblem) items.push({ label: `$(warning) ${vscode.l10n.t('Live zone not read: {0}', plainText(planned.liveProblem))}` });
  if (plan.skipped.length > 0) {
    items.push({ label: vscode.l10n.t('Skipped ({0})', formatCount(plan.skipped.length)), kind: vscode.QuickPickItemKind.Separator });
    for (const s of plan.skipped) {
      items.push({
        skipped: s,
        label: `${s.line !== undefined ? '$(go-to-file)' : '$(circle-slash)'} ${plainText(s.item || '(empty)')}`,
        description: reasonLabel(s.reason),
        detail: plainText(s.detail),
      });
    }
  }
  items.push({ label: vscode.l10n.t('Actions'), kind: vscode.QuickPickItemKind.Separator });
  if (sets > 0) {
    items.push({ action: 'send', label: `$(cloud-upload) ${vscode.l10n.t('Send {0} record sets…', formatCount(sets))}`, description: vscode.l10n.t('asks to confirm') });
    items.push({ action: 'save', label: `$(save) ${vscode.l10n.t('Save Request…')}`, description: vscode.l10n.t('writes the JSON, sends nothing') });
    items.push({ action: 'copy', label: `$(copy) ${vscode.l10n.t('Copy as Zone Snippet')}` });
  }
  items.push({ action: 'cancel', label: `$(close) ${vscode.l10n.t('Cancel')}` });

  return new Promise<PreviewAction>((resolve) => {
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = vscode.l10n.t('Retry failed items of {0}: {1} record sets to send, {2} skipped', shortTaskId(planned.parent.id), formatCount(sets), formatCount(plan.skipped.length));
    qp.placeholder = vscode.l10n.t('Review, then choose Send or Cancel. The request body is open beside.');
    qp.items = items;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    let done = false;
    const finish = (action: PreviewAction) => {
      if (done) return;
      done = true;
      qp.hide();
      resolve(action);
    };
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0];
      if (!chosen) return;
      if (chosen.action === 'send' || chosen.action === 'cancel') return finish(chosen.action);
      if (chosen.action) {
        void onAction(chosen.action);
        return;
      }
      if (chosen.skipped?.file !== undefined && chosen.skipped.line !== undefined) void openLine(chosen.skipped.file, chosen.skipped.line);
    });
    qp.onDidHide(() => {
      finish('cancel');
      qp.dispose();
    });
    qp.show();
  });
}

export async function openLine(file: string, line: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position), preview: true, preserveFocus: true });
}
