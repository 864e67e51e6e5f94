// The manifest's `main`: a few lines the host loads in a fraction of a millisecond, which evaluate the bundle
// (dist/extension.js, the composition root) while the host waits for this extension's storage.
//
// Why: the host starts activation by asking the workbench for the extension's globalState and workspaceState
// (one round trip), then requires `main` synchronously, and only when that returns does its write of the
// storage request leave (a timer, setTimeout(1)). With the whole bundle as `main`, activation paid the
// bundle's compile and evaluation and then the round trip, one after the other. Here the bundle is required
// from a timer queued after the host's own, so the request leaves first and the bundle is evaluated while the
// answer travels, and so is what needs no context (prepare(): the settings); activate() finds both done. If
// activate() comes first (another host, another order), it does both itself: the same module, loaded once.
import type * as vscode from 'vscode';
import type * as Bundle from './extension';

let bundle: typeof Bundle | undefined;
// A require, not an import: the bundle is a separate file (esbuild.mjs keeps it external), loaded when asked.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (): typeof Bundle => (bundle ??= require('./extension.js') as typeof Bundle);

const early = setTimeout(() => {
  try {
    load().prepare();
  } catch {
    // activate() requires it again and the host reports that error as the activation's failure.
  }
}, 0);

export function activate(context: vscode.ExtensionContext): ReturnType<typeof Bundle.activate> {
  clearTimeout(early);
  return load().activate(context);
}

export function deactivate(): void {
  bundle?.deactivate();
}
