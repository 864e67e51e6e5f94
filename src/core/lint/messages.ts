// Every finding's sentence: what is wrong, then what to do. English templates with `{n}` placeholders; the
// host passes vscode.l10n.t as the Translate, which looks the same template up in the bundles.

export const LINT_MESSAGES = {
  unsupportedType: '{0} records cannot be imported: Huawei Cloud DNS public zones take only A, AAAA, CNAME, MX, TXT, SRV, NS and CAA. Remove the record or change its type.',
  cnameConflict: '{0} has a CNAME and other records ({1}): a CNAME must be alone at its name. Keep either the CNAME or the other records.',
  cnameMultiple: '{0} has more than one CNAME: a name holds at most one. Keep one and remove the others.',
  apexNs: 'NS records at the zone apex are not imported: Huawei Cloud DNS manages that set itself. Nothing to do unless you meant to delegate a subdomain.',
  wildcardLabel: '{0}: "*" is a wildcard only as the whole leftmost label. Rename the record.',
  wildcardNs: '{0}: a wildcard name cannot hold NS records. Delegate an explicit name instead.',
  txtStringTooLong: 'A TXT string is {0} octets long; each string takes at most 255. Split it into quoted strings of at most 255 octets.',
  txtTooLong: 'The TXT strings add up to {0} octets; a value takes at most 4,096. Shorten it or spread it over several records.',
  txtBackslash: 'The TXT value contains a backslash ({0}): Huawei Cloud DNS takes no escapes. Write the character itself or remove it.',
  txtEmpty: 'The TXT value has no non-empty string. Put the text in quotes, for example "v=spf1 -all".',
  valuesPerSet: '{0} {1} has more than 50 records (this is record {2}): a record set takes at most 50 values. Remove some or spread them over other names.',
  ttlRange: 'TTL {0} is out of range: Huawei Cloud DNS takes {1} to 2147483647 seconds. Change the TTL.',
  ttlMixed: 'TTL {0} differs from the TTL {1} of the first {2} record of this set (line {3}): a record set has one TTL. Use the same TTL on every record of the set.',
  labelTooLong: '{0} has a label of {1} octets; a label takes at most 63. Shorten the name.',
  nameTooLong: '{0} is {1} octets long in wire form; a name takes at most 255. Shorten the name.',
  tooManyLabels: '{0} has {1} labels; Huawei Cloud DNS takes at most 16. Shorten the name.',
  emptyLabel: '{0} has an empty label. Remove the extra dot.',
  outOfZone: '{0} is outside the zone {1}: put it in its own zone\'s file, or drop the final dot if the name was meant to be relative.',
  duplicate: 'This {0} record repeats the one on line {1}. Remove the copy.',
  duplicateElsewhere: 'This {0} record repeats the one in {1} on line {2}. Remove the copy.',
  badA: '"{0}" is not an IPv4 address (four numbers from 0 to 255 without leading zeros). Fix the address.',
  badAaaa: '"{0}" is not an IPv6 address. Fix the address.',
  badMx: 'An MX value is "preference name" with a preference from 0 to 65535; "{0}" is not. Fix the value.',
  nullMx: 'A null MX ("0 .") cannot be imported into Huawei Cloud DNS. Remove the record.',
  badSrv: 'An SRV value is "priority weight port target" with numbers from 0 to 65535; "{0}" is not. Fix the value.',
  badCaa: 'A CAA value is "flag tag value"; "{0}" is not. Fix the value.',
  badCaaFlag: 'The CAA flag must be a number from 0 to 255; "{0}" is not. Fix the flag.',
  badCaaTag: 'The CAA tag must be issue, issuewild or iodef; "{0}" is not. Fix the tag.',
  badTarget: '"{0}" is not a valid {1} target: use @ or a name whose labels are non-empty and at most 63 octets. Fix the name.',
  badTargetCount: 'A {0} value is exactly one name; "{1}" is not. Fix the value.',
  genericRdata: 'The value is in generic form ("\\# …"), which Huawei Cloud DNS does not take. Write the {0} value in its usual form.',
  tooManyForOneTask: 'The file has {0} record sets; one import task takes at most 10,000, so this needs {1} tasks. Check the account\'s record-set quota too (500 by default).',
  notAllChecked: 'The file has {0} records; only the first {1} were checked. Split the zone into smaller files to check all of it.',
} as const;

export type LintMessageId = keyof typeof LINT_MESSAGES;

/** A value shown inside a message: long rdata is cut so a finding stays one readable line. */
export function shown(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
