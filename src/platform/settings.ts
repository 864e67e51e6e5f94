// The one typed, validated settings reader. Bad values give one warning naming the setting and fall back to
// the default; workspace values of huaweiDns.endpoint / caFile are ignored until the workspace is trusted, so
// a cloned repository cannot redirect signed requests.
import * as vscode from 'vscode';
import { effectiveRaw, parseSettings, WATCHED_SETTINGS, type ExtensionSettings, type SettingProblem } from './settingsSchema';

export type { ExtensionSettings, Site } from './settingsSchema';

function split(id: string): [section: string, key: string] {
  const dot = id.indexOf('.');
  return [id.slice(0, dot), id.slice(dot + 1)];
}

/**
 * Every watched setting's raw value. One getConfiguration per section, and inspect() only where its answer
 * is used (a restricted setting in an untrusted workspace): both walk the whole configuration in the
 * extension host, and the reader runs during activation (per setting they cost most of activate()).
 */
function readAllRaw(): Record<string, unknown> {
  const trusted = vscode.workspace.isTrusted;
  const sections = new Map<string, vscode.WorkspaceConfiguration>();
  const raw: Record<string, unknown> = {};
  for (const id of WATCHED_SETTINGS) {
    const [section, key] = split(id);
    let config = sections.get(section);
    if (!config) sections.set(section, (config = vscode.workspace.getConfiguration(section)));
    const read = config;
    raw[id] = effectiveRaw(id, trusted, {
      get effective() {
        return read.get<unknown>(key);
      },
      get user() {
        return read.inspect(key)?.globalValue;
      },
    });
  }
  return raw;
}

export class SettingsReader implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExtensionSettings>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  private current: ExtensionSettings;
  /** "setting=value" pairs already warned about: one warning per bad value, not one per read. */
  private readonly warned = new Set<string>();

  /** `warn` is injectable so tests can observe warnings without a notification. */
  constructor(private readonly warn: (problem: SettingProblem) => void = showWarning) {
    this.current = this.read();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (WATCHED_SETTINGS.some((id) => e.affectsConfiguration(id))) this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
    );
  }

  get(): ExtensionSettings {
    return this.current;
  }

  private reload(): void {
    this.current = this.read();
    this.emitter.fire(this.current);
  }

  private read(): ExtensionSettings {
    const raw = readAllRaw();
    const { settings, problems } = parseSettings(raw);
    for (const problem of problems) {
      const key = `${problem.setting}=${JSON.stringify(raw[problem.setting])}`;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      this.warn(problem);
    }
    return settings;
  }

  dispose(): void {
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}

function showWarning(problem: SettingProblem): void {
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('The setting "{0}" has an invalid value ({1}); using the default instead.', problem.setting, problem.reason),
      vscode.l10n.t('Open Settings'),
    )
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', problem.setting);
    });
}
