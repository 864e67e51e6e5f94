// The pre-flight check in the editor: Problems while you type, quick fixes, ignore comments, and
// "Check Zone File Before Import". Built over the zone catalog (whose worker runs the rules).
import * as vscode from 'vscode';
import { Commands, ZONE_LANGUAGE_ID } from '../constants';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import { onFirstZoneDocument, type ZoneCatalog } from '../zone';
import { lazy } from '../core/lazy';
import type * as CheckCommand from './checkCommand';
import type * as RuleLinksModule from './ruleLinks';
import type { CheckSummary } from './checkCommand';
import type * as CodeActions from './codeActions';
import type * as Diagnostics from './diagnostics';
import type { LintSource, ZoneLintDiagnostics } from './diagnostics';

export type { CheckSummary } from './checkCommand';
export type { LintPublished, LintSource } from './diagnostics';

// The Check command, the quick fixes and the Problems while you type are loaded at their first use (the
// first zone file open), not at activation; esbuild puts them in a file of their own (esbuild.mjs LAZY).
/* eslint-disable @typescript-eslint/no-require-imports */
const checkCommand = lazy(() => require('./checkCommand') as typeof CheckCommand);
const codeActions = lazy(() => require('./codeActions') as typeof CodeActions);
const diagnosticsModule = lazy(() => require('./diagnostics') as typeof Diagnostics);
const ruleLinks = lazy(() => require('./ruleLinks') as typeof RuleLinksModule);
/* eslint-enable @typescript-eslint/no-require-imports */

export interface ZoneLintFeature extends vscode.Disposable {
  /** Built with the first zone file open (or here, when asked before). */
  readonly diagnostics: ZoneLintDiagnostics;
}

export function registerZoneLint(services: Services, catalog: ZoneCatalog & LintSource): ZoneLintFeature {
  const disposables: vscode.Disposable[] = [];
  let diagnostics: ZoneLintDiagnostics | undefined;
  const start = (): ZoneLintDiagnostics => {
    if (diagnostics) return diagnostics;
    const built = new (diagnosticsModule().ZoneLintDiagnostics)(services, catalog, new (ruleLinks().RuleLinks)(services.context.extensionUri));
    diagnostics = built;
    const selector: vscode.DocumentSelector = [
      { language: ZONE_LANGUAGE_ID },
      ...services.settings.get().zoneFiles.map((pattern) => ({ language: 'plaintext', scheme: 'file', pattern })),
    ];
    disposables.push(built, vscode.languages.registerCodeActionsProvider(selector, lazyCodeActions(services), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    return built;
  };
  disposables.push(
    onFirstZoneDocument(services.settings, () => void start()),
    vscode.commands.registerCommand(Commands.checkZoneFile, async (arg: unknown): Promise<CheckSummary | undefined> => {
      try {
        return await checkCommand().checkZoneFile(services, catalog, catalog, arg);
      } catch (err) {
        services.log.error('Check zone file failed', err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not check the zone file: {0}', plainText(services.log.redact(err instanceof Error ? err.message : String(err)))));
        return undefined;
      }
    }),
  );
  return {
    get diagnostics() {
      return start();
    },
    dispose: () => {
      for (const d of disposables.splice(0).reverse()) d.dispose();
    },
  };
}

/** The quick-fix provider, built at the first request for fixes. */
function lazyCodeActions(services: Services): vscode.CodeActionProvider {
  const provider = lazy(() => new (codeActions().ZoneLintCodeActions)(services));
  return { provideCodeActions: (doc, range, context) => provider().provideCodeActions(doc, range, context) };
}
