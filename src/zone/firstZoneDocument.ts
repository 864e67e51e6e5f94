// The editor features of zone files (outline, failure CodeLens and hovers, the pre-flight Problems and quick
// fixes) have nothing to do before a zone file is open, and most windows never open one: they are built when
// the first one is, not while the extension activates.
import * as vscode from 'vscode';
import { ZONE_LANGUAGE_ID } from '../constants';
import type { SettingsReader } from '../platform/settings';
import { matchesAny } from './globs';

/** A zone file by its language, or a file the `huaweiDns.zoneFiles` globs name (e.g. opened as plain text). */
export function isZoneFileDocument(doc: vscode.TextDocument, settings: SettingsReader): boolean {
  return doc.languageId === ZONE_LANGUAGE_ID || (doc.uri.scheme === 'file' && matchesAny(doc.uri, settings.get().zoneFiles));
}

/**
 * Calls `start` once: at once when a zone file is already open, else when the first one opens (a changed
 * language mode reopens the document) or a settings change makes an open document one.
 */
export function onFirstZoneDocument(settings: SettingsReader, start: () => void): vscode.Disposable {
  const anyOpen = () => vscode.workspace.textDocuments.some((d) => isZoneFileDocument(d, settings));
  const listeners: vscode.Disposable[] = [];
  const stop = () => {
    for (const l of listeners.splice(0)) l.dispose();
  };
  if (anyOpen()) {
    start();
    return { dispose: stop };
  }
  const fire = () => {
    stop();
    start();
  };
  listeners.push(
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isZoneFileDocument(d, settings)) fire();
    }),
    settings.onDidChange(() => {
      if (anyOpen()) fire();
    }),
  );
  return { dispose: stop };
}
