// Zone-file features: reveal a failed item's record, failures in the Problems panel (following edits, with a
// CodeLens and a "Why did this fail?" hover), outline for zone files.
import * as vscode from 'vscode';
import { Commands, ZONE_LANGUAGE_ID } from '../constants';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import type { TrackedTasks } from '../views/trackedTasks';
import { ZoneCatalog } from './catalog';
import { FailureCodeLenses, FailureHovers } from './failureLens';
import { ZoneProblems } from './problems';
import { revealInZoneFile, type RevealOptions, type RevealResult } from './reveal';
import { ZoneSymbolProvider } from './symbols';

export type { ZoneCatalog, FoundRecord } from './catalog';
export { matchesAny } from './globs';
export { guessOrigin } from './origin';
export { showRecord } from './reveal';
export type { FailureMark } from './problems';
export type { ShowFailedItemArg } from './failureLens';

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
  const zoneDocuments: vscode.DocumentSelector = [
    { language: ZONE_LANGUAGE_ID },
    ...services.settings.get().zoneFiles.map((pattern) => ({ scheme: 'file', pattern })),
  ];
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
    vscode.languages.registerDocumentSymbolProvider(zoneDocuments, new ZoneSymbolProvider(catalog)),
    vscode.languages.registerCodeLensProvider(zoneDocuments, new FailureCodeLenses(problems, tasks)),
    vscode.languages.registerHoverProvider(zoneDocuments, new FailureHovers(problems, tasks)),
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
