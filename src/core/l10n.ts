// User-facing sentences from the pure core. The core writes English templates with `{0}` placeholders; the
// host passes `vscode.l10n.t` as the Translate function so the same template is looked up in the bundles.

/** The shape of `vscode.l10n.t(message, ...args)`. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** English: the template with its `{n}` placeholders filled in (an unknown placeholder stays as written). */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? whole : String(v);
  });
