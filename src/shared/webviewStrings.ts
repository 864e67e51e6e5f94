// The webview's words: English defaults here; the host sends them translated (vscode.l10n) with `init`,
// see src/panels/webviewStrings.ts. {0}, {1} are filled by `t`. Pure: no vscode, no DOM.
import { explainFailure, FAILURE_TEXTS, type FailureExplanation } from '../core/explain';
import { english, type Translate } from '../core/l10n';
export const S = {
  appLabel: 'Failed items of batch task {0}',
  loadingTask: 'Loading the task…',
  loadingPage: 'Loading…',
  taskId: 'Task',
  copyId: 'Copy task id',
  type: 'Type',
  status: 'Status',
  created: 'Created',
  updated: 'Updated',
  barLabel: '{0} succeeded, {1} failed of {2}',
  succeeded: '{0} succeeded',
  failed: '{0} failed',
  refresh: 'Refresh',
  autoRefresh: 'Refreshing automatically while the task runs',
  filterLabel: 'Filter by item or message',
  filterPlaceholder: 'Filter items or messages',
  matches: '{0} of {1} match',
  groupByMessage: 'Group by message',
  loadAll: 'Load All',
  loadAllHint: 'Fetch every failed item so filter, sort and group work across all of them',
  cancel: 'Cancel',
  loadingAll: 'Loading {0} of {1} items…',
  allLoaded: 'All {0} items loaded',
  loadAllCancelled: 'Load All cancelled; showing the current page.',
  copySelection: 'Copy selection',
  copyAll: 'Copy all',
  exportCsv: 'Export CSV…',
  exportJson: 'Export JSON…',
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
  range: 'items {0}–{1} of {2}',
  pageOf: 'of {0}',
  pageInput: 'Page number',
  go: 'Go',
  pageSize: 'Per page',
  colItem: 'Item',
  colMessage: 'Error message',
  colStatus: 'Zone file',
  gridLabel: 'Failed items',
  revealHint: 'Open in zone file',
  copyRow: 'Copy',
  copyRowLabel: 'Copy row {0}',
  notFound: 'Not found in zone files',
  revealed: 'Opened',
  groupRow: '{0} items: {1}',
  emptyDone: 'No failed items — all {0} succeeded',
  emptyPending: 'No failed items so far — the task is still running',
  emptyFilter: 'No items match “{0}”',
  emptyPage: 'No items on this page',
  errorTitle: 'Something went wrong',
  requestId: 'Request id: {0}',
  code: 'Error code: {0}',
  retry: 'Retry',
  pagerLabel: 'Pages',
  toolbarLabel: 'Item actions',
  explained: '{0} Fix: {1}',
} as const;

export type StringKey = keyof typeof S;

export type Strings = Record<StringKey, string>;

let current: Readonly<Record<string, string>> = S;

/** The explanation texts of failures (src/core/explain.ts) travel as `explain.<kind>.summary|fix`. */
export type ExplanationKey = `explain.${keyof typeof FAILURE_TEXTS}.${'summary' | 'fix'}`;

/** Each explanation key with its English template. */
export function explanationTemplates(): [ExplanationKey, string][] {
  return (Object.entries(FAILURE_TEXTS) as [keyof typeof FAILURE_TEXTS, { summary: string; fix: string }][]).flatMap(([kind, texts]) => [
    [`explain.${kind}.summary` as const, texts.summary],
    [`explain.${kind}.fix` as const, texts.fix],
  ]);
}

/** English template -> translated template, from what the host sent. */
let explanations = new Map<string, string>();

/** Uses the host's translations; a key missing or empty there keeps its English default. */
export function setStrings(translated: Readonly<Record<string, string>> | undefined): void {
  current = { ...S, ...Object.fromEntries(Object.entries(translated ?? {}).filter(([k, v]) => k in S && v)) };
  explanations = new Map();
  for (const [key, template] of explanationTemplates()) {
    const v = translated?.[key];
    if (typeof v === 'string' && v) explanations.set(template, v);
  }
}

/** The Translate explainFailure takes in the webview: the host's translation of each template, else English. */
export const translateExplanation: Translate = (message, ...args) => english(explanations.get(message) ?? message, ...args);

export function t(key: StringKey, ...args: (string | number)[]): string {
  return (current[key] ?? S[key]).replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}

/** A failure explained in the webview's language (the webview reaches the core only through src/shared). */
export function explainInWebview(errorMessage: string): FailureExplanation {
  return explainFailure(errorMessage, translateExplanation);
}
