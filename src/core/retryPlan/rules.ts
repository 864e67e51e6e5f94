// The parts of the retry plan both of its paths share (plan.ts over any ZoneIndex, inPlace.ts over the
// indexer's compact form): the result's shape, how a message is read, and which live sets count.
import { explainFailure } from '../explain';
import { canonicalType } from '../recordSets/build';
import { isActiveStatus } from '../recordSets/diff';
import type { LiveRecordSet, RetryRecordSet } from '../recordSets/types';
import { ownerKey } from '../recordSets/values';
import type { ZoneIndex } from '../zone/index';

export type SkipReason = 'already-exists' | 'not-retryable' | 'not-found' | 'ambiguous' | 'lint-error' | 'live-identical';

export interface SkippedItem {
  item: string;
  reason: SkipReason;
  detail: string;
  /** Where the item's record (or the finding that keeps it back) is, when it is in a zone file. */
  line?: number;
  file?: string;
}

export interface RetryPlan {
  /** What would be sent, in zone-file order (zones in the order given). */
  recordsets: RetryRecordSet[];
  skipped: SkippedItem[];
}

export interface RetryPlanInput {
  /** Failed items of a DONE task. */
  items: readonly { item: string; errorMessage: string }[];
  /** Indexed zone files. */
  zones: readonly ZoneIndex[];
  /** What the zones hold now, when known. */
  live?: readonly LiveRecordSet[];
  /** Passed to lintZone. */
  minTtl?: number;
}

export const NOT_RETRYABLE: ReadonlySet<string> = new Set(['zone-not-found', 'permission', 'unknown']);

/**
 * The failed set's type when the message names it as `type: T` or `type=T` (`Duplicate recordset exists.(name:
 * …, type: A, …)`). A quoted list (`type should be 'A, AAAA'`) or a conflict text (`type 'CNAME'`, the existing
 * set) names none.
 */
export function failedTypeOf(errorMessage: string): string | undefined {
  const m = /\btype\s*[:=]\s*([A-Za-z][A-Za-z0-9-]*)/i.exec(errorMessage);
  return m ? (m[1] as string).toUpperCase() : undefined;
}

/** What a message says (a class, not an object literal: see inPlace.ts's Zone). */
export class ReadMessage {
  /** Rule 1's verdict: the skip reason, or undefined when the item is retried. */
  readonly skip: 'already-exists' | 'not-retryable' | undefined;
  /**
   * The skip's detail: the explanation's summary, which for a text not understood is the text itself, trimmed,
   * or "The server gave no reason." when it is blank (a preview line must never be empty).
   */
  readonly detail: string;

  constructor(
    readonly explained: ReturnType<typeof explainFailure>,
    /** failedTypeOf the text. */
    readonly type: string | undefined,
  ) {
    const { kind } = explained;
    this.skip = kind === 'already-exists' ? 'already-exists' : NOT_RETRYABLE.has(kind) ? 'not-retryable' : undefined;
    this.detail = explained.summary;
  }
}

/** Reads each text once: failed items repeat a handful of texts. */
export function messageReader(): (text: string) => ReadMessage {
  const read = new Map<string, ReadMessage>();
  return (text) => {
    let m = read.get(text);
    if (!m) read.set(text, (m = new ReadMessage(explainFailure(text), failedTypeOf(text))));
    return m;
  };
}

/** A record set's key: its owner and its type as the builder groups them (`TYPE2` is `NS`). */
export const setKey = (name: string, type: string): string => `${ownerKey(name)} ${canonicalType(type)}`;

/** Live sets that count (ACTIVE or about to be), the system's own left out, by name and type. */
export function liveByKey(live: readonly LiveRecordSet[]): Map<string, LiveRecordSet> {
  const out = new Map<string, LiveRecordSet>();
  for (const set of live) {
    if (!isActiveStatus(set.status) || set.default === true) continue;
    const key = setKey(set.name, set.type);
    if (!out.has(key)) out.set(key, set);
  }
  return out;
}
