// Which $ORIGIN a record was read with, from the compact form's runs: the indexer (store.ts) and the rules that
// read the compact form directly (lint/table.ts) both ask it, record by record.

/** The origin runs of a compact index: from record originFrom[k] on, originNames[k]; before any, origin. */
export interface OriginRuns {
  readonly originFrom: readonly number[];
  readonly originNames: readonly string[];
  readonly origin: string;
}

/** The $ORIGIN in effect at record position i (a binary search: origins change rarely, records are many). */
export function originAt(d: OriginRuns, i: number): string {
  const from = d.originFrom;
  let lo = 0;
  let hi = from.length - 1;
  if (hi < 0 || (from[0] as number) > i) return d.origin;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((from[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return d.originNames[lo] ?? d.origin;
}
