// Compare with the live zone: a zone file (or a task's failed items) against what the zone holds now. Reads
// only, so it works in read-only profiles and untrusted workspaces. Public face of the feature.
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { isCancelledError } from '../core/errors';
import { isValidTaskId } from '../core/taskId';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import { ComparisonDocuments } from './documents';
import type * as Decorations from './decorations';
import type { CompareDecorations } from './decorations';
import { lazy } from '../core/lazy';
import type * as Run from './run';
import type { CompareResult, LiveComparer } from './run';
import type { CompareDeps } from './types';

export type { CompareResult } from './run';
export type { CompareCounts } from './summary';
export type { CompareDeps, ZoneFileSource } from './types';

// The comparison itself (live reads, rendering, the diff) is loaded at the first command, not at activation;
// esbuild puts it in a file of its own (esbuild.mjs LAZY).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runModule = lazy(() => require('./run') as typeof Run);
// The marks too (three decoration types, editor listeners): there is nothing to mark before a first comparison.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const decorationsModule = lazy(() => require('./decorations') as typeof Decorations);

export interface CompareFeature extends vscode.Disposable {
  /** For tests: the marks on the files' lines. */
  readonly decorations: CompareDecorations;
}

interface CompareArg {
  uri?: vscode.Uri | string;
  ignoreTtl?: boolean;
  /** false: no diff editor and no summary notification (automation). Default true. */
  show?: boolean;
}

/** `ignoreTtl` only when the argument says it (else the `huaweiDns.compare.ignoreTtl` setting decides). */
function uriOf(arg: unknown): { uri?: vscode.Uri; ignoreTtl?: boolean; show: boolean } {
  if (arg instanceof vscode.Uri) return { uri: arg, show: true };
  const o = (arg && typeof arg === 'object' ? arg : {}) as CompareArg;
  const raw = o.uri;
  const uri = raw instanceof vscode.Uri ? raw : typeof raw === 'string' ? (raw.includes('://') ? vscode.Uri.parse(raw) : vscode.Uri.file(raw)) : vscode.window.activeTextEditor?.document.uri;
  return { ...(uri ? { uri } : {}), ...(typeof o.ignoreTtl === 'boolean' ? { ignoreTtl: o.ignoreTtl } : {}), show: o.show !== false };
}

function taskArg(arg: unknown): { taskId?: string; ignoreTtl?: boolean; show: boolean } {
  if (typeof arg === 'string') return { taskId: arg.trim(), show: true };
  const o = (arg && typeof arg === 'object' ? arg : {}) as { taskId?: unknown; ignoreTtl?: unknown; show?: unknown };
  return { ...(typeof o.taskId === 'string' ? { taskId: o.taskId } : {}), ...(typeof o.ignoreTtl === 'boolean' ? { ignoreTtl: o.ignoreTtl } : {}), show: o.show !== false };
}

export function registerCompare(services: Services, deps: CompareDeps): CompareFeature {
  const documents = new ComparisonDocuments();
  let decorations: CompareDecorations | undefined;
  const marks = (): CompareDecorations => (decorations ??= new (decorationsModule().CompareDecorations)());
  const comparer: LiveComparer = {
    services,
    deps,
    documents,
    get decorations() {
      return marks();
    },
  };
  const ignoreTtlOf = (given: boolean | undefined): boolean => given ?? services.settings.get().compareIgnoreTtl;

  const run = async (action: string, work: () => Promise<CompareResult | undefined>): Promise<CompareResult | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (isCancelledError(error)) return undefined;
      void showError(services, error, { action, ...(services.session.siteLabel() ? { site: services.session.siteLabel()! } : {}) });
      return undefined;
    }
  };

  const disposables: vscode.Disposable[] = [
    documents,
    { dispose: () => decorations?.dispose() },
    vscode.commands.registerCommand(Commands.compareWithLiveZone, (arg: unknown) => {
      const { uri, ignoreTtl, show } = uriOf(arg);
      if (!uri || uri.scheme !== 'file') {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a zone file (or pick one in the Explorer) to compare it with the live zone.'));
        return Promise.resolve(undefined);
      }
      return run(vscode.l10n.t('Comparing {0} with the live zone', plainText(path.basename(uri.fsPath))), () => runModule().compareFile(comparer, uri, { ignoreTtl: ignoreTtlOf(ignoreTtl), show }));
    }),
    vscode.commands.registerCommand(Commands.verifyInLiveZone, async (arg: unknown) => {
      const parsed = taskArg(arg);
      const taskId = parsed.taskId ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Batch task id') }))?.trim();
      if (!taskId) return undefined;
      if (!isValidTaskId(taskId)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a batch task id.', plainText(taskId)));
        return undefined;
      }
      return run(vscode.l10n.t('Verifying task {0} in the live zone', taskId), () => runModule().verifyItems(comparer, taskId, { ignoreTtl: ignoreTtlOf(parsed.ignoreTtl), show: parsed.show }));
    }),
  ];

  return {
    get decorations() {
      return marks();
    },
    dispose: () => {
      for (const d of disposables.splice(0).reverse()) d.dispose();
    },
  };
}
