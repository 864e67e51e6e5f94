// The pre-flight check in the editor: Problems while you type, quick fixes, ignore comments, and
// "Check Zone File Before Import". Built over the zone catalog (whose worker runs the rules).
import * as vscode from 'vscode';
import { Commands, ZONE_LANGUAGE_ID } from '../constants';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import type { ZoneCatalog } from '../zone';
import { lazy } from '../core/lazy';
import type * as CheckCommand from './checkCommand';
import type { CheckSummary } from './checkCommand';
import type * as CodeActions from './codeActions';
import { ZoneLintDiagnostics, type LintSource } from './diagnostics';
import { RuleLinks } from './ruleLinks';

export type { CheckSummary } from './checkCommand';
export type { LintPublished, LintSource } from './diagnostics';
export { TYPING_DEBOUNCE_MS } from './diagnostics';

// The Check command and the quick fixes are loaded at their first use, not at activation; esbuild puts them in
// a file of their own (esbuild.mjs LAZY).
/* eslint-disable @typescript-eslint/no-require-imports */
const checkCommand = lazy(() => require('./checkCommand') as typeof CheckCommand);
const codeActions = lazy(() => require('./codeActions') as typeof CodeActions);
/* eslint-enable @typescript-eslint/no-require-imports */

export interface ZoneLintFeature extends vscode.Disposable {
  readonly diagnostics: ZoneLintDiagnostics;
}

export function registerZoneLint(services: Services, catalog: ZoneCatalog & LintSource): ZoneLintFeature {
  const diagnostics = new ZoneLintDiagnostics(services, catalog, new RuleLinks(services.context.extensionUri));
  const selector: vscode.DocumentSelector = [
    { language: ZONE_LANGUAGE_ID },
    ...services.settings.get().zoneFiles.map((pattern) => ({ language: 'plaintext', scheme: 'file', pattern })),
  ];
  const disposables: vscode.Disposable[] = [
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, lazyCodeActions(services), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(Commands.checkZoneFile, async (arg: unknown): Promise<CheckSummary | undefined> => {
      try {
        return await checkCommand().checkZoneFile(services, catalog, catalog, arg);
      } catch (err) {
        services.log.error('Check zone file failed', err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not check the zone file: {0}', plainText(services.log.redact(err instanceof Error ? err.message : String(err)))));
        return undefined;
      }
    }),
  ];
  return {
    diagnostics,
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
