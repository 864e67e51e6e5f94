// Whether a file matches the zone-file globs (`huaweiDns.zoneFiles`) and not `files.exclude`, with VS Code's own
// glob matcher (the one document selectors use), so a created file is judged exactly as findFiles would.
import * as vscode from 'vscode';

/** `languages.match` reads only `uri` and `languageId` of the document it is given. */
function asDocument(uri: vscode.Uri): vscode.TextDocument {
  return { uri, languageId: '' } as unknown as vscode.TextDocument;
}

export function matchesAny(uri: vscode.Uri, patterns: readonly string[]): boolean {
  const doc = asDocument(uri);
  return patterns.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
}

/** The enabled `files.exclude` globs. */
export function excludedGlobs(): string[] {
  return Object.entries(vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {})
    .filter(([, on]) => on)
    .map(([g]) => g);
}

/** One glob for findFiles from several (undefined for none). */
export function joinGlobs(globs: readonly string[]): string | undefined {
  return globs.length === 0 ? undefined : globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}
