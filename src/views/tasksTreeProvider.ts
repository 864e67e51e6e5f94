// Turns the model's data into TreeItems. Holds no data of its own: every node is rebuilt from the model.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type * as Explain from '../core/explain';
import { lazy } from '../core/lazy';
import type { BatchTaskSummary, ErrorItem } from '../core/types';
import { Disposable } from '../platform/lifecycle';
import {
  formatCount,
  formatStatusAndCounts,
  formatShortTaskLabel,
  formatTaskType,
  formatTimestamp,
  shortTaskId,
  taskOutcome,
} from '../shared/format';
import { groupByMessage } from '../shared/items';
import { markdownCode, markdownEscape, plainText } from '../shared/untrusted';
import type { TasksModel } from '../tasks';

// The failure texts (patterns and explanations) are loaded at the first failed item the tree shows, not at
// activation; esbuild puts them in a file of their own (esbuild.mjs LAZY).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const explain = lazy(() => require('../core/explain') as typeof Explain);

export interface TaskNode {
  readonly kind: 'task';
  readonly taskId: string;
}
export interface GroupNode {
  readonly kind: 'group';
  readonly taskId: string;
  readonly message: string;
  readonly items: readonly ErrorItem[];
}
/** `item`/`errorMessage`/`taskId` are what `huaweiDns.revealInZoneFile` reads from a node. */
export interface FailedItemNode {
  readonly kind: 'failedItem';
  readonly taskId: string;
  readonly item: string;
  readonly errorMessage: string;
  /** Position in its list (the task's, or its group's), so repeated names still get distinct ids. */
  readonly index: number;
  /** The message group it is shown under, when grouped. */
  readonly group?: string;
}
export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly taskId: string;
  readonly loading: boolean;
}
/** What failed, and so what a click retries: the account-wide list, a task's refresh, or a page of its items. */
export type ErrorScope = 'root' | 'task' | 'items';
export interface ErrorNode {
  readonly kind: 'error';
  readonly scope: ErrorScope;
  /** Undefined for a root error. */
  readonly taskId?: string;
  readonly message: string;
}
export type TasksNode = TaskNode | GroupNode | FailedItemNode | LoadMoreNode | ErrorNode;

/** Which tracked task retries which (the retry feature), so a retry reads "retry of 1c480cac". */
export interface TaskRelations {
  readonly onDidChange: vscode.Event<void>;
  parentOf(taskId: string): string | undefined;
}

export class TasksTreeProvider extends Disposable implements vscode.TreeDataProvider<TasksNode> {
  private readonly changed = this._register(new vscode.EventEmitter<TasksNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly model: TasksModel,
    private readonly siteLabel: () => string | undefined,
    private readonly relations?: TaskRelations,
  ) {
    super();
    // Node objects are rebuilt on every read, so a task's change redraws from the root; trees here are small.
    this._register(model.onDidChangeTree(() => this.changed.fire(undefined)));
    if (relations) this._register(relations.onDidChange(() => this.changed.fire(undefined)));
  }

  getChildren(node?: TasksNode): TasksNode[] | Promise<TasksNode[]> {
    if (!node) return this.roots();
    if (node.kind === 'task') return this.taskChildren(node.taskId);
    if (node.kind === 'group') return node.items.map((it, index) => itemNode(node.taskId, it, index, node.message));
    return [];
  }

  getParent(node: TasksNode): TasksNode | undefined {
    if (node.kind === 'task' || node.taskId === undefined) return undefined;
    if (node.kind === 'failedItem' && node.group !== undefined) {
      const group = this.model.entry(node.taskId)?.failed.items.filter((i) => i.errorMessage === node.group) ?? [];
      return { kind: 'group', taskId: node.taskId, message: node.group, items: group };
    }
    return { kind: 'task', taskId: node.taskId };
  }

  getTreeItem(node: TasksNode): vscode.TreeItem {
    switch (node.kind) {
      case 'task':
        return this.taskItem(node);
      case 'group':
        return groupItem(node);
      case 'failedItem':
        return failedItem(node);
      case 'loadMore':
        return loadMoreItem(node);
      case 'error':
        return errorItem(node);
    }
  }

  private roots(): TasksNode[] {
    const nodes: TasksNode[] = this.model.all().map((t) => ({ kind: 'task', taskId: t.id }));
    const rootError = this.model.rootError;
    if (rootError) nodes.unshift({ kind: 'error', scope: 'root', message: rootError });
    return nodes;
  }

  private async taskChildren(taskId: string): Promise<TasksNode[]> {
    await this.model.ensureFailedItems(taskId);
    const entry = this.model.entry(taskId);
    if (!entry) return [];
    const nodes: TasksNode[] = [];
    if (entry.error) nodes.push({ kind: 'error', scope: 'task', taskId, message: entry.error });
    const { items, hasMore, error, loading } = entry.failed;
    if (this.model.groupByMessage) {
      for (const g of groupByMessage(items)) nodes.push({ kind: 'group', taskId, message: g.message, items: g.items });
    } else {
      items.forEach((it, index) => nodes.push(itemNode(taskId, it, index)));
    }
    if (error) nodes.push({ kind: 'error', scope: 'items', taskId, message: error });
    else if (hasMore) nodes.push({ kind: 'loadMore', taskId, loading });
    return nodes;
  }

  private taskItem(node: TaskNode): vscode.TreeItem {
    const entry = this.model.entry(node.taskId);
    if (!entry) return new vscode.TreeItem(plainText(node.taskId));
    const task = entry.summary;
    // Expandable while failures exist or may still come; a failed refresh shows its error node inside.
    const expandable = task.errorCount > 0 || entry.error !== undefined || entry.failed.items.length > 0;
    // Type and status are the server's words: inert, one line.
    const item = new vscode.TreeItem(
      plainText(formatShortTaskLabel(task)),
      expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `task:${task.id}`;
    const parent = this.relations?.parentOf(task.id);
    // The warning first: the end of a description is what a narrow sidebar cuts.
    const counts = plainText(entry.error ? `⚠ ${formatStatusAndCounts(task)}` : formatStatusAndCounts(task));
    item.description = parent ? `${vscode.l10n.t('retry of {0}', shortTaskId(parent))} · ${counts}` : counts;
    item.iconPath = taskIcon(task);
    const outcome = taskOutcome(task);
    item.contextValue = `task.${outcome}`;
    item.tooltip = taskTooltip(task, this.siteLabel(), entry.error);
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0}, {1}, {2} succeeded, {3} failed', plainText(formatTaskType(task.type)), plainText(task.status), formatCount(task.successCount), formatCount(task.errorCount)),
    };
    return item;
  }
}

function itemNode(taskId: string, it: ErrorItem, index: number, group?: string): FailedItemNode {
  return { kind: 'failedItem', taskId, item: it.item, errorMessage: it.errorMessage, index, group };
}

export function taskIcon(task: BatchTaskSummary): vscode.ThemeIcon {
  switch (taskOutcome(task)) {
    case 'running':
      return new vscode.ThemeIcon('sync~spin');
    case 'succeeded':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'partial':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    default:
      return new vscode.ThemeIcon('question');
  }
}

/**
 * Markdown with every value escaped through the shared helpers: type and status are the server's words, and a
 * blank line in one would otherwise end its code span and render what follows (a remote image) as Markdown.
 */
export function taskTooltip(task: BatchTaskSummary, site: string | undefined, error?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  md.appendMarkdown(`**${markdownEscape(formatTaskType(task.type))}**\n\n`);
  const rows: [string, string][] = [
    [vscode.l10n.t('ID'), task.id],
    [vscode.l10n.t('Type'), task.type],
    [vscode.l10n.t('Status'), task.status],
    [vscode.l10n.t('Created'), formatTimestamp(task.createdAt)],
  ];
  if (task.updatedAt) rows.push([vscode.l10n.t('Updated'), formatTimestamp(task.updatedAt)]);
  rows.push(
    [vscode.l10n.t('Total'), formatCount(task.totalCount)],
    [vscode.l10n.t('Succeeded'), formatCount(task.successCount)],
    [vscode.l10n.t('Failed'), formatCount(task.errorCount)],
  );
  if (site) rows.push([vscode.l10n.t('Site'), site]);
  md.appendMarkdown(rows.map(([k, v]) => `${markdownEscape(k)}: ${markdownCode(v)}`).join('  \n'));
  if (error) md.appendMarkdown(`\n\n$(warning) ${markdownEscape(error, { maxLength: 1000 })}`);
  return md;
}

/** A failure's tooltip: what the server said, then the cause and the fix (none for a text nobody knows). */
function withExplanation(said: string, errorMessage: string): string {
  const e = explain().explainFailure(errorMessage, vscode.l10n.t);
  if (e.kind === 'unknown') return said;
  return `${said}\n\n${plainText(e.summary, { maxLength: 1000 })}\n${vscode.l10n.t('Fix:')} ${plainText(e.fix, { maxLength: 1000 })}`;
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(plainText(node.message), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `group:${node.taskId}:${node.message}`;
  item.description = formatCount(node.items.length);
  item.tooltip = withExplanation(plainText(node.message), node.message);
  item.iconPath = new vscode.ThemeIcon('list-tree');
  item.contextValue = 'messageGroup';
  return item;
}

function failedItem(node: FailedItemNode): vscode.TreeItem {
  // Shown inert; the command gets the raw name and message, which reveal looks up (and shows inert itself).
  const item = new vscode.TreeItem(plainText(node.item), vscode.TreeItemCollapsibleState.None);
  // Items may repeat within a task (the same name failing twice): the index keeps ids unique.
  item.id = `item:${node.taskId}:${node.group ?? ''}:${node.index}:${node.item}`;
  item.description = plainText(node.errorMessage);
  item.tooltip = withExplanation(`${plainText(node.item)}\n${plainText(node.errorMessage)}`, node.errorMessage);
  item.iconPath = new vscode.ThemeIcon('circle-slash');
  item.contextValue = 'failedItem';
  item.command = {
    command: Commands.revealInZoneFile,
    title: vscode.l10n.t('Reveal in Zone File'),
    arguments: [{ name: node.item, message: node.errorMessage, taskId: node.taskId }],
  };
  return item;
}

function loadMoreItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load More…'));
  item.id = `loadMore:${node.taskId}`;
  item.iconPath = new vscode.ThemeIcon(node.loading ? 'loading~spin' : 'ellipsis');
  item.contextValue = 'loadMore';
  item.command = { command: Commands.loadMore, title: vscode.l10n.t('Load More…'), arguments: [node] };
  return item;
}

function errorItem(node: ErrorNode): vscode.TreeItem {
  // The message may quote the server (a gateway's error_msg).
  const item = new vscode.TreeItem(plainText(node.message));
  item.id = `error:${node.scope}:${node.taskId ?? ''}`;
  item.description = vscode.l10n.t('Click to retry');
  item.tooltip = plainText(node.message, { maxLength: 1000 });
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  item.contextValue = 'error';
  item.command = { command: Commands.retry, title: vscode.l10n.t('Retry'), arguments: [node] };
  return item;
}
