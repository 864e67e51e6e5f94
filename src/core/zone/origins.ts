// Which $ORIGIN a record was read with, from the compact form's runs: the indexer (store.ts) and the rules that
// read the compact form directly (lint/table.ts) both ask it, record by record.

/** The origin runs of a compact index: from record originFrom[k] on, originNames[k]; before any, origin. */
export interface OriginRuns {
  readonly originFrom: readonly number[];
  readonly originNames: readonly string[];
  readonly origin: string;
}

/**
 * The $ORIGIN in effect at record position i: a binary search (origins change rarely, records are many) for how
 * many runs start at or before i. One search without a special case: the indexer opens a run at the first
 * record of every file, so "before any run" (the `?? d.origin`) is only for runs that start later or not at all.
 */
export function originAt(d: OriginRuns, i: number): string {
  const from = d.originFrom;
  let lo = 0;
  let hi = from.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((from[mid] as number) <= i) lo = mid + 1;
    else hi = mid;
  }
  return d.originNames[lo - 1] ?? d.origin;
}
