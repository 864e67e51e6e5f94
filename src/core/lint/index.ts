// Pre-flight check of a zone file against what Huawei Cloud DNS accepts (issue 11). Pure and synchronous over
// an index; lintZoneFile indexes first. Never throws for file content: a broken file gives `syntax` findings.
import { indexZoneFile } from '../zone/index';
import { lintTable, type LintOptions } from './engine';
import type { LintResult } from './rules';
import type { ZoneRecord } from '../zone/index';
import { tableFromCompact, tableFromCompactRecords, tableFromIndex, type CompactRecords, type LintableIndex } from './table';

/**
 * Records checked at most: a `$GENERATE 0-4294967295` is four billion records, which no check should walk.
 * Ten million is ten times the largest zone we benchmark.
 */
export const MAX_CHECKED_RECORDS = 10_000_000;

/** The indexer's compact form behind an index, when it is one (read in place: no per-record objects). */
function compactOf(index: LintableIndex): CompactRecords | undefined {
  const data = (index as { compact?: unknown }).compact;
  return typeof data === 'object' && data !== null && 'recStart' in data ? (data as CompactRecords) : undefined;
}

export function lintZone(index: LintableIndex, options: LintOptions = {}): LintResult {
  const compact = compactOf(index);
  const table = (compact && tableFromCompact(compact)) ?? tableFromIndex(index, MAX_CHECKED_RECORDS);
  const truncated = table.count < index.size ? { total: index.size, checked: table.count } : undefined;
  return lintTable(table, { ...options, diagnostics: index.diagnostics, ...(truncated ? { truncated } : {}) });
}

/**
 * lintZone over just `records` of the index (the rules see only them, as through a view of the zone with only
 * those records), in the order given. An index that can name its records' positions (CompactIndex.recordIndex)
 * is read in place; any other goes through records' details.
 */
export function lintRecords(index: LintableIndex, records: readonly ZoneRecord[], options: LintOptions = {}): LintResult {
  const compact = compactOf(index);
  const position = (index as { recordIndex?: (record: ZoneRecord) => number }).recordIndex;
  const table = compact && typeof position === 'function' ? tableFromCompactRecords(compact, records.map((r) => position.call(index, r))) : undefined;
  const view: LintableIndex = {
    records: () => records,
    details: (r) => index.details(r),
    apex: index.apex,
    diagnostics: index.diagnostics,
    size: records.length,
    files: index.files,
  };
  return lintTable(table ?? tableFromIndex(view, MAX_CHECKED_RECORDS), { ...options, diagnostics: index.diagnostics });
}

/**
 * lintRecords over the records at `positions` of an index's compact form (in the order given), for a caller that
 * keeps positions rather than record objects (the retry plan). Undefined when the form has $GENERATE ranges.
 */
export function lintPositions(compact: CompactRecords, positions: ArrayLike<number>, diagnostics: LintableIndex['diagnostics'], options: LintOptions = {}): LintResult | undefined {
  const table = tableFromCompactRecords(compact, positions);
  return table && lintTable(table, { ...options, diagnostics });
}

export async function lintZoneFile(
  file: string,
  options: { origin: string; root: string; text?: string; includedTexts?: Readonly<Record<string, string>> } & LintOptions,
): Promise<LintResult> {
  const { origin, root, text, includedTexts, ...lint } = options;
  const index = await indexZoneFile(file, { origin, root, ...(text !== undefined ? { text } : {}), ...(includedTexts ? { includedTexts } : {}) });
  return lintZone(index, lint);
}

export type { LintOptions } from './engine';
export type { CompactRecords, LintableIndex } from './table';
export { LINT_MESSAGES } from './messages';
export { LINT_RULES, LINT_RULE_IDS, RECORD_SETS_PER_TASK } from './rules';
export type { LintRule, LintSeverity, LintFinding, LintResult } from './rules';
