// The severity a finding is shown with: the user's `huaweiDns.lint.rules` entry for its rule, else the rule's
// own. Pure.
import type { LintSeveritySetting } from '../platform/settingsSchema';

export type ShownSeverity = 'error' | 'warning' | 'info';

/** undefined: the rule is turned off. */
export function shownSeverity(rule: string, own: ShownSeverity, settings: Readonly<Record<string, LintSeveritySetting>>): ShownSeverity | undefined {
  const set = Object.prototype.hasOwnProperty.call(settings, rule) ? settings[rule] : undefined;
  if (set === 'off') return undefined;
  return set ?? own;
}
