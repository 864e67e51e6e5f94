// STUB owned by the credentials/settings work (issue 4): replace with the redacting LogOutputChannel wrapper.
import * as vscode from 'vscode';

export interface Logger extends vscode.Disposable {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
}

export function createLogger(): Logger {
  const channel = vscode.window.createOutputChannel('Huawei DNS', { log: true });
  return {
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m, e) => channel.error(e instanceof Error ? `${m}: ${e.message}` : m),
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
