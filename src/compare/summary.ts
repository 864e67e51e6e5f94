// The one-line outcome of a comparison: "1,880 in sync, 118 missing live, 2 differ, 5 only live". Pure.
import type { ZoneDiff } from '../core';
import { formatCount } from '../shared/format';

export interface CompareCounts {
  inSync: number;
  missingLive: number;
  differ: number;
  onlyLive: number;
  inactive: number;
}

export function countsOf(diffs: readonly ZoneDiff[]): CompareCounts {
  const c: CompareCounts = { inSync: 0, missingLive: 0, differ: 0, onlyLive: 0, inactive: 0 };
  for (const d of diffs) {
    c.inSync += d.same.length;
    c.missingLive += d.onlyInFile.length;
    c.differ += d.differs.length;
    c.onlyLive += d.onlyLive.length;
    c.inactive += d.inactive.length;
  }
  return c;
}

/** `t` is vscode.l10n.t (or a stand-in in unit tests). */
export function summaryText(c: CompareCounts, t: (message: string, ...args: string[]) => string): string {
  const parts = [
    t('{0} in sync', formatCount(c.inSync)),
    t('{0} missing live', formatCount(c.missingLive)),
    c.differ === 1 ? t('1 differs') : t('{0} differ', formatCount(c.differ)),
    t('{0} only live', formatCount(c.onlyLive)),
  ];
  if (c.inactive > 0) parts.push(t('{0} inactive', formatCount(c.inactive)));
  return parts.join(', ');
}
