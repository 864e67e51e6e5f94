// Why a batch task's item failed: the server sends only a free text (`error_message`), in one family of
// wordings whose case, punctuation and codes vary (../shared/api/write-and-live.md). Classified by pattern,
// never by equality, so a reworded message still lands in its kind; an unknown text is shown as it is.
import { english, type Translate } from './l10n';
import type { LintRule } from './lint/rules';

export type FailureKind =
  | 'unsupported-type' | 'invalid-value' | 'invalid-ttl' | 'invalid-name' | 'cname-conflict'
  | 'already-exists' | 'quota' | 'zone-not-found' | 'too-large' | 'throttled' | 'transient'
  | 'permission' | 'unknown';

export interface FailureExplanation {
  kind: FailureKind;
  /** True exactly for throttled, transient, quota and too-large: the records themselves were fine. */
  retryable: boolean;
  /** The pre-flight rule that predicts this failure, where that is clear. */
  lintRule?: LintRule;
  summary: string;
  fix: string;
}

const RETRYABLE: ReadonlySet<FailureKind> = new Set(['throttled', 'transient', 'quota', 'too-large']);

/** English templates (`{0}` placeholders); the host looks the same strings up in its l10n bundles. */
export const FAILURE_TEXTS = {
  'unsupported-type': {
    summary: 'Huawei Cloud DNS does not take this record type in a public zone.',
    fix: 'Change the record to A, AAAA, CNAME, MX, TXT, SRV, NS or CAA, or remove it from the import.',
  },
  'invalid-value': {
    summary: 'The record value is not in a form the API accepts.',
    fix: 'Fix the value (TXT strings in quotes with no backslash, names absolute, numbers in range) and send it again.',
  },
  'invalid-ttl': {
    summary: 'The TTL is out of the range the API accepts.',
    fix: 'Use a TTL from 1 to 2147483647 seconds (some accounts need at least 300) and send the record again.',
  },
  'invalid-name': {
    summary: 'The record set name is not valid in this zone.',
    fix: 'Use a name inside the zone with labels of at most 63 octets, at most 16 labels, and * only as the whole leftmost label.',
  },
  'cname-conflict': {
    summary: 'A CNAME cannot share its name with other records.',
    fix: 'Keep either the CNAME or the other records at this name, then send it again.',
  },
  'already-exists': {
    summary: 'The record set already exists in the zone.',
    fix: 'Nothing to send again: compare the live record set with the file and update it if they differ.',
  },
  quota: {
    summary: 'The account has no record-set quota left.',
    fix: 'Ask Huawei Cloud to raise the record-set quota (500 per account by default), then retry.',
  },
  'zone-not-found': {
    summary: 'The zone does not exist at this site.',
    fix: 'Check the zone name and the profile\'s site, then start the task again.',
  },
  'zone-not-found.named': {
    summary: 'The zone {0} does not exist at this site.',
    fix: 'Check the zone name and the profile\'s site, then start the task again.',
  },
  'too-large': {
    summary: 'The request held more record sets than one task takes.',
    fix: 'Split the records into tasks of at most 10,000 record sets, then retry.',
  },
  throttled: {
    summary: 'The API gateway throttled the request.',
    fix: 'Retry later: the records were fine.',
  },
  transient: {
    summary: 'A temporary problem on the server.',
    fix: 'Retry later: the records were fine.',
  },
  permission: {
    summary: 'The credentials lack an IAM permission.',
    fix: 'Grant the IAM actions dns:recordset:batchCreatePublicZoneRecordsets, dns:recordset:create and dns:quota:list, then retry.',
  },
  'permission.named': {
    summary: 'The credentials lack the IAM permission {0}.',
    fix: 'Grant the IAM action {0} to this user or its group, then retry.',
  },
  unknown: {
    summary: 'The server gave no reason.',
    fix: 'This message is not one the extension knows: read it as the server sent it.',
  },
} as const satisfies Record<string, { summary: string; fix: string }>;

interface Pattern {
  kind: FailureKind;
  test: RegExp;
}

// Specific wordings, most specific first: "Policy doesn't allow dns:quota:list" is a permission problem, not a
// quota one; "Duplicate recordset exists.(… ttl: 300 …)" is already-exists, not a TTL one; "Attribute 'name'
// conflicts with … 'CNAME'" is a conflict, not a bad name. Every pattern is linear (bounded gaps only).
const SPECIFIC: readonly Pattern[] = [
  { kind: 'throttled', test: /throttl|too many requests|rate[ -]?limit|flow control|request limit/ },
  {
    kind: 'permission',
    test: /no permission|not authori[sz]ed|unauthori[sz]ed|polic(?:y|ies) (?:doesn't|does not|don't|do not) allow|\biam\b|permission denied|access denied|forbidden|insufficient permission|not allowed to (?:perform|access)/,
  },
  { kind: 'invalid-value', test: /\bweight/ },
  { kind: 'quota', test: /\bquotas?\b/ }, // not "quotation mark"
  { kind: 'too-large', test: /out of max|batch (?:number|size)|too many record ?sets|(?:request|payload|body|entity) (?:is )?too large|more than 10,?000/ },
  {
    kind: 'zone-not-found',
    test: /\bzone\s+(?:\S{1,300}\s+){0,2}(?:does not|doesn't|did not|do not|not) exists?|\bzone\s+(?:\S{1,300}\s+){0,2}(?:is |was )?not found|no such zone|zone[ _]?id\b.{0,40}(?:invalid|not (?:found|exist))/,
  },
  { kind: 'already-exists', test: /already exist|duplicate(?:d)? record|record ?set .{0,60}\bexists\b/ },
  { kind: 'cname-conflict', test: /conflicts? with (?:the )?(?:record|existing)|cname.{0,60}conflict|conflict.{0,60}cname|cname .{0,40}(?:other|coexist)/ },
  {
    kind: 'unsupported-type',
    test: /attribute '?type'?|type should be|unsupported (?:record )?type|type .{0,40}not supported|not supported .{0,20}type|invalid (?:record )?type/,
  },
  { kind: 'invalid-ttl', test: /\bttl\b/ },
  {
    kind: 'invalid-name',
    test: /invalid record ?set name|attribute '?name'?|levels? exceed|exceeds? .{0,30}levels|(?:name|label) .{0,40}too long|invalid (?:domain |record )?name|name .{0,60}(?:not|isn't) (?:in|within|belong)|wildcard/,
  },
  {
    kind: 'invalid-value',
    test: /attribute '?records'?|invalid record ?(?:set )?values?|records? .{0,40}invalid|invalid .{0,20}records?\b|quotation mark|invalid (?:ip|ipv4|ipv6) address|\bvalues? .{0,40}(?:invalid|format|malformed)|more than 50/,
  },
];

// The server's codes, for a text no wording above recognises ("Bad request (DNS.0303)").
const CODES: Readonly<Record<string, FailureKind>> = {
  'DNS.0307': 'unsupported-type',
  'DNS.0308': 'invalid-value',
  'DNS.0303': 'invalid-ttl',
  'DNS.0319': 'invalid-ttl',
  'DNS.0304': 'invalid-name',
  'DNS.0320': 'invalid-name',
  'DNS.0321': 'invalid-name',
  'DNS.0312': 'cname-conflict',
  'DNS.0335': 'already-exists',
  'DNS.0016': 'already-exists',
  'DNS.0322': 'invalid-value',
  'DNS.0323': 'invalid-value',
  'DNS.0324': 'invalid-value',
  'DNS.0328': 'invalid-value',
  'DNS.0403': 'quota',
  'DNS.0302': 'zone-not-found',
  'DNS.0326': 'too-large',
  'DNS.0327': 'too-large',
  'DNS.0329': 'too-large',
  'APIGW.0308': 'throttled',
  'DNS.0021': 'transient',
  'DNS.0000': 'transient',
  'DNS.0001': 'transient',
  'DNS.0003': 'transient',
  'DNS.0005': 'permission',
  'DNS.0013': 'permission',
};

// Vague wordings, tried only after the codes: "Internal…" or "busy" say less than a code does.
const GENERIC: readonly Pattern[] = [
  {
    kind: 'transient',
    test: /could not acquire(?: the)? lock|\block(?:ed)?\b|\bbusy\b|internal|service unavailable|timed? ?out|time-out|try again later|temporar|gateway time|connection reset/,
  },
];

/** Enough of a message to classify it; a hostile megabyte-long text costs no more than this. */
const MAX_SCAN = 4096;

export function explainFailure(errorMessage: string, t: Translate = english): FailureExplanation {
  const raw = typeof errorMessage === 'string' ? errorMessage : String(errorMessage ?? '');
  // One quote character and one space, so "Attribute ‘type’" and "Attribute  'type'" read alike.
  const text = raw.slice(0, MAX_SCAN).toLowerCase().replace(/[‘’`´"“”]/g, "'").replace(/\s+/g, ' ');
  const kind = classify(raw.slice(0, MAX_SCAN), text);
  const explanation: FailureExplanation = { kind, retryable: RETRYABLE.has(kind), ...words(kind, raw, t) };
  const rule = predictingRule(kind, text);
  if (rule) explanation.lintRule = rule;
  return explanation;
}

function classify(raw: string, text: string): FailureKind {
  for (const p of SPECIFIC) if (p.test.test(text)) return p.kind;
  for (const m of raw.matchAll(/\b(DNS|APIGW)[._ -]?(\d{4})\b/gi)) {
    const kind = CODES[`${(m[1] as string).toUpperCase()}.${m[2] as string}`];
    if (kind) return kind;
  }
  for (const p of GENERIC) if (p.test.test(text)) return p.kind;
  return 'unknown';
}

function predictingRule(kind: FailureKind, text: string): LintRule | undefined {
  switch (kind) {
    case 'unsupported-type': return 'unsupported-type';
    case 'invalid-ttl': return 'ttl-range';
    case 'cname-conflict': return 'cname-conflict';
    case 'too-large': return 'too-many-for-one-task';
    case 'invalid-name':
      if (/level|label|too long/.test(text)) return 'name-too-long';
      if (/wildcard|\*/.test(text)) return 'wildcard';
      if (/not (?:in|within|belong)|outside/.test(text)) return 'out-of-zone';
      return undefined;
    case 'invalid-value':
      // Weighted sets: nothing a zone file expresses (an SRV value's own "weight" field is a value format).
      if (/\bweight/.test(text) && !/\bsrv\b/.test(text)) return undefined;
      if (/\btxt\b|quotation|quote|backslash|character string/.test(text)) return 'txt-format';
      if (/more than 50|exceeds? .{0,30}\b50\b|too many (?:records|values)/.test(text)) return 'values-per-set';
      if (/\b(?:mx|srv|caa|aaaa|ipv4|ipv6|ip)\b|\btype '?a'?\b|'a' record|null mx|preference|priority|\bport\b/.test(text)) return 'rdata-format';
      return undefined; // "Invalid record value": which rule depends on the record's type
    default:
      return undefined;
  }
}

function words(kind: FailureKind, raw: string, t: Translate): { summary: string; fix: string } {
  if (kind === 'unknown') {
    const asSent = raw.trim();
    // Shown as it is: the server's own words are the best summary there is.
    return { summary: asSent || t(FAILURE_TEXTS.unknown.summary), fix: t(FAILURE_TEXTS.unknown.fix) };
  }
  if (kind === 'permission') {
    // "Policy doesn't allow dns:recordset:create to be performed": name the missing action.
    const action = /\b([a-z][a-z0-9-]{0,30}:[a-z][a-z0-9-]{0,40}:[a-z][a-z0-9*-]{0,60})\b/i.exec(raw.slice(0, MAX_SCAN))?.[1];
    if (action) {
      const named = FAILURE_TEXTS['permission.named'];
      return { summary: t(named.summary, action), fix: t(named.fix, action) };
    }
  }
  if (kind === 'zone-not-found') {
    const zone = /\bzone\s*['‘’"“”]([^'‘’"“”\s]{1,255})['‘’"“”]/i.exec(raw.slice(0, MAX_SCAN))?.[1];
    if (zone) {
      const named = FAILURE_TEXTS['zone-not-found.named'];
      return { summary: t(named.summary, zone), fix: t(named.fix, zone) };
    }
  }
  const w = FAILURE_TEXTS[kind];
  return { summary: t(w.summary), fix: t(w.fix) };
}
