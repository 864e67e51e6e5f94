// Which task is a retry of which, kept per account in globalState so the tree can say "retry of 1c480cac"
// after a reload. Ids only, never anything secret.
import * as vscode from 'vscode';
import { StateKeys } from '../constants';
import { isValidTaskId } from '../core/taskId';
import { Disposable } from '../platform/lifecycle';
import type { Services } from '../services';

/** What the tree reads. */
export interface RetryRelations {
  readonly onDidChange: vscode.Event<void>;
  /** The task this one retried, when it is a retry. */
  parentOf(taskId: string): string | undefined;
}

/** At most this many relations per account: the oldest go first. */
const MAX_RELATIONS = 500;

export class RetryRelationStore extends Disposable implements RetryRelations {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {
    super();
    this._register(services.session.onDidChange(() => this.changed.fire()));
  }

  private key(): string | undefined {
    const scope = this.services.session.scopeKey();
    return scope ? StateKeys.retryOf(scope) : undefined;
  }

  private read(): Record<string, string> {
    const key = this.key();
    const raw = key ? this.services.context.globalState.get<unknown>(key) : undefined;
    if (!raw || typeof raw !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [child, parent] of Object.entries(raw as Record<string, unknown>)) {
      if (isValidTaskId(child) && isValidTaskId(parent)) out[child] = parent as string;
    }
    return out;
  }

  parentOf(taskId: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.read(), taskId) ? this.read()[taskId] : undefined;
  }

  async add(child: string, parent: string): Promise<void> {
    const key = this.key();
    if (!key) return;
    const all = Object.entries(this.read()).filter(([c]) => c !== child);
    all.push([child, parent]);
    await this.services.context.globalState.update(key, Object.fromEntries(all.slice(-MAX_RELATIONS)));
    this.changed.fire();
  }
}
