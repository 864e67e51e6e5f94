// The one seam the failed-items panels offer to the outside: an observer given at construction. The
// composition root passes one only in test mode (src/dev/panelProbes.ts builds it); a user's panels have
// none, so nothing here records, waits or answers dialogs in their host.
import type * as vscode from 'vscode';
import type { ErrorItem } from '../core/types';
import type { HostMessage, WebviewMessage } from '../shared/protocol';

/** A panel as the observer sees it. */
export interface ObservedPanel {
  readonly taskId: string;
  readonly panel: vscode.WebviewPanel;
  /** The items Copy All and Export work on (the page, or everything Load All brought). */
  readonly loadedItems: readonly ErrorItem[];
  /** Handles a raw message as if the webview had sent it (validated like a real one). */
  receive(raw: unknown): Promise<void>;
}

export interface PanelObserver {
  /** The serializer VS Code restores panels through after a reload, so that a restore can be driven. */
  restoresThrough(serializer: vscode.WebviewPanelSerializer): void;
  /** A panel was opened or restored; its HTML is set, its webview may not have started yet. */
  opened(panel: ObservedPanel): void;
  posted(taskId: string, message: HostMessage): void;
  received(taskId: string, message: WebviewMessage): void;
  rejected(taskId: string, reason: string): void;
  /** Where Export writes, answered instead of the save dialog; undefined: ask as usual. */
  saveTarget(format: 'csv' | 'json'): vscode.Uri | undefined;
}
