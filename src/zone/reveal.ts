// "Reveal in Zone File": the record's line selected and centred; a quick pick when several records match;
// when none does, say so and offer to choose a zone file (remembered per zone) or to configure the globs.
import * as path from 'path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION, SettingKeys, StateKeys } from '../constants';
import type { Services } from '../services';
import { plainText } from '../shared/untrusted';
import { parseRevealArg, rankByMessage, zoneKeyOf, type RevealRequest } from './args';
import type { FoundRecord, ZoneCatalog } from './catalog';

export type RevealResult = 'revealed' | 'picked' | 'not-found' | 'cancelled';

/**
 * The two questions Reveal asks a person. The composition root passes windowPrompts; in test mode the test
 * API passes its own (src/dev/testApi.ts), which can answer instead of waiting for a person.
 */
export interface RevealPrompts {
  /** Several records match: which one? */
  pickRecord<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** None matches: what now (one of `buttons`, or undefined when dismissed)? */
  notFound(message: string, buttons: readonly string[]): Thenable<string | undefined>;
}

export const windowPrompts: RevealPrompts = {
  pickRecord: (items, options) => vscode.window.showQuickPick(items, options),
  notFound: (message, buttons) => vscode.window.showInformationMessage(message, ...buttons),
};

export async function showRecord(uri: vscode.Uri, line: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const l = Math.min(Math.max(line - 1, 0), doc.lineCount - 1);
  const range = doc.lineAt(l).range;
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Selection(range.start, range.end), preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export async function revealInZoneFile(services: Services, catalog: ZoneCatalog, prompts: RevealPrompts, arg: unknown): Promise<RevealResult> {
  let request = parseRevealArg(arg);
  if (!request) {
    const name = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Record name to find in zone files'), placeHolder: 'www.example.com.' });
    if (!name?.trim()) return 'cancelled';
    request = { name: name.trim() };
  }
  const records = await catalog.lookup(request.name);
  if (records.length === 1) {
    const r = records[0] as FoundRecord;
    await showRecord(r.uri, r.line);
    return 'revealed';
  }
  if (records.length > 1) return pick(records, request, prompts);
  return notFound(services, catalog, prompts, request);
}

async function pick(records: FoundRecord[], request: RevealRequest, prompts: RevealPrompts): Promise<RevealResult> {
  const ranked = rankByMessage(records, request.message);
  const items = await Promise.all(
    ranked.map(async (r) => ({
      // The line and the path are the zone file's words: a third party's file can hold link or icon syntax.
      label: plainText(`${r.type}  ${await lineText(r)}`),
      description: plainText(`${vscode.workspace.asRelativePath(r.uri)}:${r.line}`),
      record: r,
    })),
  );
  const chosen = await prompts.pickRecord(items, {
    title: vscode.l10n.t('Records named {0}', plainText(request.name)),
    placeHolder: request.message !== undefined ? plainText(request.message) : vscode.l10n.t('Choose the record to reveal'),
    matchOnDescription: true,
  });
  if (!chosen) return 'cancelled';
  await showRecord(chosen.record.uri, chosen.record.line);
  return 'picked';
}

async function lineText(r: FoundRecord): Promise<string> {
  try {
    const doc = await vscode.workspace.openTextDocument(r.uri);
    return doc.lineAt(Math.min(r.line - 1, doc.lineCount - 1)).text.slice(0, 1000);
  } catch {
    return '';
  }
}

async function notFound(services: Services, catalog: ZoneCatalog, prompts: RevealPrompts, request: RevealRequest): Promise<RevealResult> {
  const state = services.context.globalState;
  const choices = state.get<Record<string, string>>(StateKeys.zoneFileChoices) ?? {};
  const zone = zoneKeyOf(request.name);
  const remembered = choices[zone];
  const choose = vscode.l10n.t('Choose Zone File…');
  const configure = vscode.l10n.t('Configure Zone File Globs');
  const open = vscode.l10n.t('Open {0}', remembered ? plainText(path.basename(remembered)) : '');
  const buttons = remembered ? [open, choose, configure] : [choose, configure];
  const answer = await prompts.notFound(vscode.l10n.t('{0} was not found in any zone file.', plainText(request.name)), buttons);
  if (answer === open && remembered) {
    await showRecord(vscode.Uri.file(remembered), 1);
    return 'not-found';
  }
  if (answer === choose) {
    const files = await catalog.list();
    const picked = await vscode.window.showQuickPick(
      files.map((uri) => ({ label: plainText(vscode.workspace.asRelativePath(uri)), uri })),
      { title: vscode.l10n.t('Zone file for {0}', plainText(zone)) },
    );
    let uri = picked?.uri;
    if (!uri && files.length === 0) {
      uri = (await vscode.window.showOpenDialog({ canSelectMany: false, title: vscode.l10n.t('Zone file for {0}', plainText(zone)) }))?.[0];
    }
    if (!uri) return 'cancelled';
    await state.update(StateKeys.zoneFileChoices, { ...choices, [zone]: uri.fsPath });
    await showRecord(uri, 1);
    return 'not-found';
  }
  if (answer === configure) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.${SettingKeys.zoneFiles}`);
  }
  return 'not-found';
}
