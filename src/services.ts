import type * as vscode from 'vscode';
import type { Session } from './auth';
import type { Logger } from './platform/logging';
import type { SettingsReader } from './platform/settings';

/** What every feature is built from. Data flows one way: settings and secrets -> client -> model -> views. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly settings: SettingsReader;
  readonly log: Logger;
  readonly session: Session;
}
