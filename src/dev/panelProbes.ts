// What integration tests see of the failed-items panels, built only in test mode (src/dev/testApi.ts): the
// panels' observer (src/panels/observer.ts), which records the messages both ways, listens beside the
// product handler for the webview's test probe (src/shared/testProbe.ts) and answers Export's save dialog
// when a test asked it to. Bounded, so a long test run does not grow without end.
import * as vscode from 'vscode';
import type { ErrorItem } from '../core/types';
import type { FailedItemsFeature, ObservedPanel, PanelObserver } from '../panels';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { parseProbeMessage, PROBE_CHANNEL, type RenderedAck } from '../shared/testProbe';

export type { RenderedAck } from '../shared/testProbe';

/** One panel as tests see it. */
export interface PanelProbe {
  readonly taskId: string;
  readonly panel: vscode.WebviewPanel;
  /** The HTML the panel was given (the webview's shell). */
  readonly html: string;
  readonly posted: readonly HostMessage[];
  readonly received: readonly WebviewMessage[];
  /** Why messages were refused: the product's (malformed messages) and the probe's (malformed acks). */
  readonly rejected: readonly string[];
  /** Every render acknowledgement so far, oldest first. */
  readonly rendered: readonly RenderedAck[];
  /** Resolves with the first acknowledgement (past or future) that satisfies `predicate`. */
  waitForRendered(predicate: (ack: RenderedAck) => boolean, timeoutMs?: number): Promise<RenderedAck>;
  /** Feeds a raw message to the host as if the webview had sent it (validated like a real one). */
  receive(raw: unknown): Promise<void>;
  readonly loadedItems: readonly ErrorItem[];
}

/** The panels' part of the test API. */
export interface PanelsTestApi {
  /** Open panels by task id. */
  readonly panels: ReadonlyMap<string, PanelProbe>;
  /** The HTML most recently given to an open panel. */
  readonly lastHtml: string | undefined;
  /** Answers instead of native dialogs; empty unless a test sets one. */
  readonly hooks: { saveTarget?: (format: 'csv' | 'json') => vscode.Uri | undefined };
  /** Opens (or focuses) the panel of a task, as the tasks view does. */
  show(taskId: string): PanelProbe;
  /** Hands a panel to the serializer as VS Code does after a reload; undefined when it was closed instead. */
  restore(panel: vscode.WebviewPanel, state: unknown): PanelProbe | undefined;
}

const MAX_RECORDED = 2_000;
const DEFAULT_WAIT_MS = 30_000;

function record<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > MAX_RECORDED) list.splice(0, list.length - MAX_RECORDED);
}

interface Waiter {
  predicate: (a: RenderedAck) => boolean;
  resolve: (a: RenderedAck) => void;
}

class Probe implements PanelProbe {
  readonly posted: HostMessage[] = [];
  readonly received: WebviewMessage[] = [];
  readonly rejected: string[] = [];
  readonly rendered: RenderedAck[] = [];
  readonly html: string;
  private readonly waiters = new Set<Waiter>();
  private readonly listener: vscode.Disposable;

  constructor(private readonly observed: ObservedPanel) {
    this.html = observed.panel.webview.html;
    // Beside the product's own handler (which drops any message on another channel).
    this.listener = observed.panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw));
  }

  get taskId(): string {
    return this.observed.taskId;
  }
  get panel(): vscode.WebviewPanel {
    return this.observed.panel;
  }
  get loadedItems(): readonly ErrorItem[] {
    return this.observed.loadedItems;
  }

  receive(raw: unknown): Promise<void> {
    return this.observed.receive(raw);
  }

  waitForRendered(predicate: (ack: RenderedAck) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RenderedAck> {
    const past = this.rendered.find(predicate);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No matching 'rendered' from the webview within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  dispose(): void {
    this.listener.dispose();
  }

  private onMessage(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null || (raw as { channel?: unknown }).channel !== PROBE_CHANNEL) return;
    const parsed = parseProbeMessage(raw);
    if (!parsed.ok) {
      record(this.rejected, `probe: ${parsed.reason}`);
      return;
    }
    record(this.rendered, parsed.ack);
    for (const w of [...this.waiters]) {
      if (w.predicate(parsed.ack)) {
        this.waiters.delete(w);
        w.resolve(parsed.ack);
      }
    }
  }
}

/** The observer the composition root hands the panels in test mode, and the test API over what it saw. */
export class PanelProbes implements PanelObserver {
  private readonly open = new Map<string, Probe>();
  private serializer: vscode.WebviewPanelSerializer | undefined;
  private lastOpened: Probe | undefined;
  readonly hooks: PanelsTestApi['hooks'] = {};

  restoresThrough(serializer: vscode.WebviewPanelSerializer): void {
    this.serializer = serializer;
  }

  opened(panel: ObservedPanel): void {
    const probe = new Probe(panel);
    this.open.set(panel.taskId, probe);
    this.lastOpened = probe;
    panel.panel.onDidDispose(() => {
      probe.dispose();
      if (this.open.get(panel.taskId) === probe) this.open.delete(panel.taskId);
    });
  }

  posted(taskId: string, message: HostMessage): void {
    const p = this.open.get(taskId);
    if (p) record(p.posted, message);
  }

  received(taskId: string, message: WebviewMessage): void {
    const p = this.open.get(taskId);
    if (p) record(p.received, message);
  }

  rejected(taskId: string, reason: string): void {
    const p = this.open.get(taskId);
    if (p) record(p.rejected, reason);
  }

  saveTarget(format: 'csv' | 'json'): vscode.Uri | undefined {
    return this.hooks.saveTarget?.(format);
  }

  /** The test API over `feature`, whose observer this is. */
  api(feature: FailedItemsFeature): PanelsTestApi {
    const open = this.open;
    return {
      panels: open,
      get lastHtml() {
        return [...open.values()].at(-1)?.html;
      },
      hooks: this.hooks,
      show: (taskId) => {
        feature.show(taskId);
        const probe = open.get(taskId);
        if (!probe) throw new Error(`no panel opened for ${taskId}`);
        return probe;
      },
      restore: (panel, state) => {
        if (!this.serializer) throw new Error('the panels registered no serializer');
        this.lastOpened = undefined;
        // The serializer's work is synchronous; its promise only tells VS Code it is done.
        void this.serializer.deserializeWebviewPanel(panel, state);
        const restored = this.lastOpened as Probe | undefined;
        return restored?.panel === panel ? restored : undefined;
      },
    };
  }
}
