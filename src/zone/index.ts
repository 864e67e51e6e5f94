// Zone-file features: reveal a failed item's record, failures in the Problems panel, outline for zone files.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import type { TrackedTasks } from '../views/trackedTasks';
import { ZoneCatalog } from './catalog';
import { ZoneProblems } from './problems';
import { revealInZoneFile, type RevealOptions, type RevealResult } from './reveal';
import { ZoneSymbolProvider } from './symbols';

export interface ZoneFeature extends vscode.Disposable {
  readonly catalog: ZoneCatalog;
  readonly problems: ZoneProblems;
  /** Tests flip `autoPickFirst` to take the first quick-pick item. */
  readonly revealOptions: RevealOptions;
}

export function registerZoneFeatures(services: Services, tasks: TrackedTasks): ZoneFeature {
  const disposables: vscode.Disposable[] = [];
  const catalog = new ZoneCatalog(services);
  const problems = new ZoneProblems(services, catalog);
  const revealOptions: RevealOptions = { autoPickFirst: false };
  disposables.push(
    catalog,
    problems,
    vscode.commands.registerCommand(Commands.revealInZoneFile, async (arg: unknown): Promise<RevealResult> => {
      try {
        return await revealInZoneFile(services, catalog, revealOptions, arg);
      } catch (err) {
        services.log.error('Reveal in zone file failed', err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not search the zone files: {0}', plainText(services.log.redact(err instanceof Error ? err.message : String(err)))));
        return 'cancelled';
      }
    }),
    vscode.commands.registerCommand(Commands.showFailuresInZoneFiles, async (arg: unknown) => {
      try {
        return await problems.show(arg);
      } catch (err) {
        services.log.error('Show failures in zone files failed', err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not show the failures in zone files: {0}', plainText(services.log.redact(err instanceof Error ? err.message : String(err)))));
        return undefined;
      }
    }),
    tasks.onDidUntrack((taskId) => problems.clear(taskId)),
    vscode.languages.registerDocumentSymbolProvider(
      services.settings.get().zoneFiles.map((pattern) => ({ scheme: 'file', pattern })),
      new ZoneSymbolProvider(catalog),
    ),
  );
  return {
    catalog,
    problems,
    revealOptions,
    dispose: () => {
      for (const d of disposables.splice(0).reverse()) d.dispose();
    },
  };
}
