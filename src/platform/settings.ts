// STUB owned by the credentials/settings work (issue 4): replace with the typed, validated reader.
import * as vscode from 'vscode';

export type Site = 'intl' | 'cn';

export interface ExtensionSettings {
  site: Site;
  endpoint?: string;
  projectId?: string;
  requestTimeoutSeconds: number;
  maxRetries: number;
  pageSize: number;
  pollIntervalSeconds: number;
  zoneFiles: string[];
  caFile?: string;
  showFailuresOnOpen: boolean;
  /** From VS Code's http.* settings. */
  proxy?: string;
  proxyStrictSSL: boolean;
  noProxy: string[];
}

export class SettingsReader implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExtensionSettings>();
  readonly onDidChange = this.emitter.event;

  get(): ExtensionSettings {
    return {
      site: 'intl',
      requestTimeoutSeconds: 30,
      maxRetries: 3,
      pageSize: 500,
      pollIntervalSeconds: 5,
      zoneFiles: ['**/*.zone', '**/*.db', '**/db.*', '**/*.signed', '**/*.arpa'],
      showFailuresOnOpen: false,
      proxyStrictSSL: true,
      noProxy: [],
    };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
