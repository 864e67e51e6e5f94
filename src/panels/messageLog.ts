// What tests can see of a panel: the messages both ways, the rejected ones, and a wait for the webview's
// `rendered` acknowledgements. Bounded, so a panel left open for days does not grow without end.
import type * as vscode from 'vscode';
import type { ErrorItem } from '../core/types';
import type { HostMessage, WebviewMessage } from '../shared/protocol';

export type RenderedAck = Extract<WebviewMessage, { type: 'rendered' }>;

/** What tests can see of a panel. */
export interface PanelProbe {
  readonly taskId: string;
  readonly panel: vscode.WebviewPanel;
  readonly html: string;
  readonly posted: readonly HostMessage[];
  readonly received: readonly WebviewMessage[];
  readonly rejected: readonly string[];
  /** Resolves with the first `rendered` acknowledgement (past or future) that satisfies `predicate`. */
  waitForRendered(predicate: (ack: RenderedAck) => boolean, timeoutMs?: number): Promise<RenderedAck>;
  /** Feeds a raw message to the host as if the webview had sent it (validated like a real one). */
  receive(raw: unknown): Promise<void>;
  readonly loadedItems: readonly ErrorItem[];
}

const MAX_RECORDED = 2_000;

interface Waiter {
  predicate: (a: RenderedAck) => boolean;
  resolve: (a: RenderedAck) => void;
}

export class MessageLog {
  private readonly _posted: HostMessage[] = [];
  private readonly _received: WebviewMessage[] = [];
  private readonly _rejected: string[] = [];
  private readonly renderedWaiters = new Set<Waiter>();

  get posted(): readonly HostMessage[] {
    return this._posted;
  }
  get received(): readonly WebviewMessage[] {
    return this._received;
  }
  get rejected(): readonly string[] {
    return this._rejected;
  }

  recordPosted(message: HostMessage): void {
    record(this._posted, message);
  }

  recordReceived(message: WebviewMessage): void {
    record(this._received, message);
  }

  recordRejected(reason: string): void {
    record(this._rejected, reason);
  }

  waitForRendered(predicate: (ack: RenderedAck) => boolean, timeoutMs: number): Promise<RenderedAck> {
    const past = this._received.find((m): m is RenderedAck => m.type === 'rendered' && predicate(m));
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (a: RenderedAck) => {
          clearTimeout(timer);
          resolve(a);
        },
      };
      const timer = setTimeout(() => {
        this.renderedWaiters.delete(waiter);
        reject(new Error(`No matching 'rendered' from the webview within ${timeoutMs} ms`));
      }, timeoutMs);
      this.renderedWaiters.add(waiter);
    });
  }

  /** Hands a `rendered` acknowledgement to everyone waiting for one like it. */
  rendered(ack: RenderedAck): void {
    for (const w of [...this.renderedWaiters]) {
      if (w.predicate(ack)) {
        this.renderedWaiters.delete(w);
        w.resolve(ack);
      }
    }
  }
}

function record<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > MAX_RECORDED) list.splice(0, list.length - MAX_RECORDED);
}
