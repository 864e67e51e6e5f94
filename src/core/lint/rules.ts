// The pre-flight rules' ids and severities: fixed by issue 11's contract (checks and settings rely on them).

export const LINT_RULES = {
  syntax: 'error',
  'unsupported-type': 'error',
  'cname-conflict': 'error',
  'cname-multiple': 'error',
  'apex-ns': 'info',
  wildcard: 'error',
  'txt-format': 'error',
  'values-per-set': 'error',
  'ttl-range': 'error',
  'ttl-mixed': 'warning',
  'name-too-long': 'error',
  'out-of-zone': 'error',
  duplicate: 'warning',
  'rdata-format': 'error',
  'too-many-for-one-task': 'info',
} as const satisfies Record<string, LintSeverity>;

export type LintSeverity = 'error' | 'warning' | 'info';
export type LintRule = keyof typeof LINT_RULES;

export const LINT_RULE_IDS = Object.keys(LINT_RULES) as LintRule[];

export interface LintFinding {
  rule: LintRule;
  severity: LintSeverity;
  /** Absolute path of the file holding the record (an included file when the record is there). */
  file: string;
  /** 1-based line where the record starts. */
  line: number;
  /** The record's owner (absolute, lower case, presentation escapes), when the finding is about a record. */
  name?: string;
  /** The record's type mnemonic as the indexer reports it (upper case). */
  type?: string;
  /** What is wrong and what to do, in the user's language (English unless a Translate was given). */
  message: string;
}

export interface LintResult {
  findings: LintFinding[];
  /** Distinct (owner, type) pairs over all records, SOA and apex NS excluded. */
  recordSets: number;
}

/** Huawei Cloud DNS takes at most this many record sets in one batch task. */
export const RECORD_SETS_PER_TASK = 10_000;
