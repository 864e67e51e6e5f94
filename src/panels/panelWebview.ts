// The panel's webview before any data: what it may load, and the static HTML shell it starts from.
import * as vscode from 'vscode';
import { newNonce, renderHtml } from './html';

/** Scripts on, and nothing loadable but our bundle and media. */
export function webviewOptions(root: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
  };
}

/** A fresh shell (new nonce) for this webview; the data follows by postMessage after `ready`. */
export function shellHtml(webview: vscode.Webview, root: vscode.Uri, options: { probe: boolean }): string {
  return renderHtml({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'webview.css')).toString(),
    lang: vscode.env.language,
    title: vscode.l10n.t('Failed items'),
    probe: options.probe,
  });
}
