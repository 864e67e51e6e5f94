// `; huaweidns-ignore <rule>…` silences findings of those rules on its own line, or, written as a line of its
// own, on the next line (the record under it). No rule named: every rule. Pure.

const IGNORE = /;\s*huaweidns-ignore\b([^;]*)/i;

/** The rules a line's ignore comment names: undefined = no comment, empty set = every rule. */
export function ignoredRules(lineText: string): ReadonlySet<string> | undefined {
  // A `;` inside a quoted string is data, not a comment: only look past the last closing quote.
  const m = IGNORE.exec(lineText.slice(commentStart(lineText)));
  if (!m) return undefined;
  return new Set((m[1] ?? '').split(/[\s,]+/).filter(Boolean).map((r) => r.toLowerCase()));
}

/** Index of the first `;` outside quotes (or the line's length). */
export function commentStart(lineText: string): number {
  let quoted = false;
  for (let i = 0; i < lineText.length; i++) {
    const c = lineText.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22 /* " */) quoted = !quoted;
    else if (c === 0x3b /* ; */ && !quoted) return i;
  }
  return lineText.length;
}

/**
 * Whether a finding of `rule` on 0-based `line` is silenced. `lineAt` returns a line's text (undefined past
 * the end): the finding's own line, and the line above when that line holds nothing but the comment.
 */
export function isSuppressed(rule: string, line: number, lineAt: (line: number) => string | undefined): boolean {
  const covers = (set: ReadonlySet<string> | undefined): boolean => set !== undefined && (set.size === 0 || set.has(rule));
  const own = lineAt(line);
  if (own !== undefined && covers(ignoredRules(own))) return true;
  const above = line > 0 ? lineAt(line - 1) : undefined;
  return above !== undefined && /^\s*;/.test(above) && covers(ignoredRules(above));
}
