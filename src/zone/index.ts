// Zone-file features: reveal a failed item's record, failures in the Problems panel (following edits, with a
// CodeLens and a "Why did this fail?" hover), outline for zone files.
import * as vscode from 'vscode';
import { Commands, ZONE_LANGUAGE_ID } from '../constants';
import { errorMessage } from '../platform/errorDetails';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import type { TrackedTasks } from '../tasks';
import type { RevealRequest } from './args';
import { ZoneCatalog } from './catalog';
import type * as FailureLens from './failureLens';
import { onFirstZoneDocument } from './firstZoneDocument';
import { ZoneProblems, type FailuresResult } from './problems';
import { revealInZoneFile, windowPrompts, type RevealPrompts, type RevealResult } from './reveal';
import type * as Symbols from './symbols';
import { lazy } from '../core/lazy';

export type { RevealRequest } from './args';
export type { FailuresResult } from './problems';
export type { RevealPrompts, RevealResult } from './reveal';
export { windowPrompts } from './reveal';

export type { ZoneCatalog, FoundRecord } from './catalog';
export { matchesAny } from './globs';
export { guessOrigin } from './origin';
export { showRecord } from './reveal';
export type { FailureMark } from './problems';
export type { ShowFailedItemArg } from './failureLens';
export { isZoneFileDocument, onFirstZoneDocument } from './firstZoneDocument';

// The outline and the failure CodeLens and hovers are loaded with the first zone file open (esbuild.mjs LAZY).
/* eslint-disable @typescript-eslint/no-require-imports */
const failureLens = lazy(() => require('./failureLens') as typeof FailureLens);
const symbols = lazy(() => require('./symbols') as typeof Symbols);
/* eslint-enable @typescript-eslint/no-require-imports */

/** What other features (the panels) call; the commands are thin entries into the same. */
export interface ZoneFeature extends vscode.Disposable {
  /** Opens the record a failed item names; says why not when none matches. */
  reveal(request: RevealRequest): Promise<RevealResult>;
  /** Marks the task's failures on their records in the Problems panel. */
  showFailures(taskId: string): Promise<FailuresResult | undefined>;
}

/** The feature's parts, for the composition root. */
export interface ZoneFiles extends ZoneFeature {
  readonly catalog: ZoneCatalog;
  readonly problems: ZoneProblems;
}

/** `prompts`: how Reveal asks a person (the test API passes its own in test mode). */
export function registerZoneFeatures(services: Services, tasks: TrackedTasks, prompts: RevealPrompts = windowPrompts): ZoneFiles {
  const disposables: vscode.Disposable[] = [];
  const catalog = new ZoneCatalog(services);
  const problems = new ZoneProblems(services, catalog, tasks);
  const registerEditorFeatures = () => {
    const zoneDocuments: vscode.DocumentSelector = [
      { language: ZONE_LANGUAGE_ID },
      ...services.settings.get().zoneFiles.map((pattern) => ({ scheme: 'file', pattern })),
    ];
    const { FailureCodeLenses, FailureHovers } = failureLens();
    disposables.push(
      vscode.languages.registerDocumentSymbolProvider(zoneDocuments, new (symbols().ZoneSymbolProvider)(catalog)),
      vscode.languages.registerCodeLensProvider(zoneDocuments, new FailureCodeLenses(problems, tasks)),
      vscode.languages.registerHoverProvider(zoneDocuments, new FailureHovers(problems, tasks)),
    );
  };

  const reveal = async (arg: unknown): Promise<RevealResult> => {
    try {
      return await revealInZoneFile(services, catalog, prompts, arg);
    } catch (err) {
      services.log.error('Reveal in zone file failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not search the zone files: {0}', plainText(services.log.redact(errorMessage(err)))));
      return 'cancelled';
    }
  };
  const failures = async (run: () => Promise<FailuresResult | undefined>): Promise<FailuresResult | undefined> => {
    try {
      return await run();
    } catch (err) {
      services.log.error('Show failures in zone files failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not show the failures in zone files: {0}', plainText(services.log.redact(errorMessage(err)))));
      return undefined;
    }
  };

  disposables.push(
    catalog,
    problems,
    vscode.commands.registerCommand(Commands.revealInZoneFile, reveal),
    vscode.commands.registerCommand(Commands.showFailuresInZoneFiles, (arg: unknown) => failures(() => problems.showFromCommand(arg))),
    tasks.onDidUntrack((taskId) => problems.clear(taskId)),
    onFirstZoneDocument(services.settings, registerEditorFeatures),
  );
  return {
    catalog,
    problems,
    reveal,
    showFailures: (taskId) => failures(() => problems.show(taskId)),
    dispose: () => {
      for (const d of disposables.splice(0).reverse()) d.dispose();
    },
  };
}
