// The one "Huawei DNS" log channel. Every line passes through redact(): known secrets and anything shaped
// like a credential never reach the channel (whose files live in context.logUri).
import * as vscode from 'vscode';
import { Commands, LOG_CHANNEL_NAME } from '../constants';
import type { RequestLogEntry } from '../core/types';
import { registerSecret, releaseSecret } from '../core/redact';
import { describeError, formatRequest, redact } from './logFormat';

export interface Logger extends vscode.Disposable {
  trace(message: string, error?: unknown): void;
  debug(message: string, error?: unknown): void;
  info(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
  show(): void;
  /** One HTTP attempt reported by the client (DnsClientOptions.onRequest), at debug level. */
  logRequest(entry: RequestLogEntry): void;
  /**
   * Registers a live secret value so it is redacted wherever it might appear (this log, copied details, and
   * every error the client builds: one registry, src/core/redact.ts); returns the undo.
   */
  addSecret(value: string): vscode.Disposable;
  /** The same redaction the log applies, for other text leaving the extension (copied error details). */
  redact(text: string): string;
}

class ChannelLogger implements Logger {
  private readonly command: vscode.Disposable;
  private created: vscode.LogOutputChannel | undefined;

  constructor() {
    this.command = vscode.commands.registerCommand(Commands.showLogs, () => this.show());
  }

  /** Made at the first line or Show Logs, not during activation (a quiet start writes nothing). */
  private get channel(): vscode.LogOutputChannel {
    this.created ??= vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
    return this.created;
  }

  redact(text: string): string {
    return redact(text);
  }

  private line(message: string, error: unknown): string {
    return this.redact(error === undefined ? message : `${message}: ${describeError(error)}`);
  }

  trace(message: string, error?: unknown): void {
    this.channel.trace(this.line(message, error));
  }
  debug(message: string, error?: unknown): void {
    this.channel.debug(this.line(message, error));
  }
  info(message: string, error?: unknown): void {
    this.channel.info(this.line(message, error));
  }
  warn(message: string, error?: unknown): void {
    this.channel.warn(this.line(message, error));
  }
  error(message: string, error?: unknown): void {
    this.channel.error(this.line(message, error));
  }

  logRequest(entry: RequestLogEntry): void {
    // Debug level: the failures themselves are reported (and logged) by whoever made the call.
    this.channel.debug(this.redact(formatRequest(entry)));
  }

  addSecret(value: string): vscode.Disposable {
    // Counted in the registry, so two profiles sharing a value do not un-register each other.
    registerSecret(value);
    let released = false;
    return new vscode.Disposable(() => {
      if (released) return;
      released = true;
      releaseSecret(value);
    });
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.command.dispose();
    this.created?.dispose();
  }
}

/** The log (its channel is created at the first line) and "Huawei DNS: Show Logs"; both disposed with it. */
export function createLogger(): Logger {
  return new ChannelLogger();
}
