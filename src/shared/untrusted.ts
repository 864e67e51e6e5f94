// Untrusted text (the server's words, item names, zone-file lines, task types and statuses) made inert before
// VS Code shows it. VS Code renders `[text](command:…)` in notification messages as a link that runs the
// command, `$(icon)` in quick picks and the status bar, and Markdown wherever a MarkdownString goes; bidi
// controls and invisible characters can make a string read as something else. Every caller that shows such
// text goes through this module, so there is one place to get it right. Pure: no vscode, no DOM.

/** Longest untrusted value shown in one line of UI; the whole value stays in the log and in Copy Details. */
export const UNTRUSTED_MAX_LENGTH = 400;

const ELLIPSIS = '…';

// Line breaks and every other kind of space: one line of UI shows one line of text.
const WHITESPACE = /\s+/g;
// C0/C1 controls, soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and bidi
// controls (U+200B–U+200F, U+202A–U+202E, U+2060–U+206F), BOM, interlinear annotations: shown as U+FFFD so
// a hidden or reordering character is visible as "something was here" rather than removed (removal could
// join the text around it into a link again).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// VS Code's link syntax in notifications is `[text](target)`; `](` is the one place it joins. A space breaks
// it visibly and honestly. `$(` starts a theme icon in quick picks, the status bar and Markdown.
const LINK_JOIN = /\]\(/g;
const ICON_START = /\$\(/g;
// Every ASCII punctuation character may be backslash-escaped in CommonMark, and escaping all of them is the
// only way to be sure none starts emphasis, a link, an image, an autolink (`https:`, `www.`), HTML, a list,
// a heading, a table cell or an entity.
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;

export interface UntrustedOptions {
  /** Characters kept before an ellipsis; default {@link UNTRUSTED_MAX_LENGTH}. */
  maxLength?: number;
}

/** Anything to a string: untrusted values may arrive as numbers, null or worse. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return Object.prototype.toString.call(value);
}

/** Cuts to `max` characters (ellipsis included) without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/** One line, no invisible characters, no link or icon syntax, bounded: the common ground of every form. */
function oneLine(value: unknown, options: UntrustedOptions): string {
  const max = Math.max(1, Math.floor(options.maxLength ?? UNTRUSTED_MAX_LENGTH));
  // Cut a huge value before the regular expressions run over it; what is cut never reaches the screen.
  let text = asText(value);
  if (text.length > max * 4 + 16) text = text.slice(0, max * 4 + 16);
  text = text.replace(WHITESPACE, ' ').replace(INVISIBLE, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD').trim();
  text = text.replace(LINK_JOIN, '] (').replace(ICON_START, '$ (');
  return truncate(text, max);
}

/**
 * Untrusted text for a notification (`showInformationMessage` and friends), a quick pick, an input box, the
 * status bar, a tree item's label, description or plain tooltip, or a diagnostic: one line, invisible and
 * bidi characters shown as U+FFFD, `[x](command:…)` and `$(icon)` broken by a space, at most `maxLength`
 * characters. Idempotent. Put it around each untrusted value, not around a whole sentence of our own.
 */
export function plainText(value: unknown, options: UntrustedOptions = {}): string {
  return oneLine(value, options);
}

/**
 * Untrusted text inside a `MarkdownString` (as running text): {@link plainText}, then every ASCII punctuation
 * character backslash-escaped, so it renders as the same characters and never as Markdown.
 */
export function markdownEscape(value: unknown, options: UntrustedOptions = {}): string {
  return oneLine(value, options).replace(MARKDOWN_PUNCTUATION, '\\$&');
}

/**
 * Untrusted text as an inline code span in a `MarkdownString`: {@link plainText} (so no line break, hence no
 * blank line to end the span), fenced with one backtick more than its longest run of backticks.
 * Backslashes mean nothing inside a code span, so the value shows exactly. Not for GFM table cells (`|`).
 */
export function markdownCode(value: unknown, options: UntrustedOptions = {}): string {
  const text = oneLine(value, options);
  if (text === '') return '` `';
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // A leading or trailing backtick would merge with the fence; CommonMark strips one padding space each side.
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
