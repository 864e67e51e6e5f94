// The indexer's diagnostics (the lint's `syntax` findings): English templates with `{n}` placeholders. A
// diagnostic keeps its English message and the template's id and arguments, so the lint can put it into the
// user's language with the same Translate (the l10n bundles hold each template) as its own findings.
import { english } from '../l10n';

export const ZONE_MESSAGES = {
  unclosedQuote: 'Unclosed quote: the string ends at the end of its line',
  unclosedParen: 'Unclosed parenthesis: the record ends at the end of this line',
  unexpectedParen: 'Unexpected ")"',
  noPreviousOwner: 'No previous owner: the origin is used',
  ownerTooLong: 'Owner name too long',
  missingType: 'Missing record type',
  expectedType: 'Expected a TTL, class or record type',
  unknownType: 'Unknown record type "{0}"',
  originNeedsName: '$ORIGIN needs a name',
  ttlNeedsValue: '$TTL needs a time value',
  includeNeedsFile: '$INCLUDE needs a file name',
  unknownDirective: 'Unknown directive {0}',
  includeUnreadable: '$INCLUDE: cannot read {0}',
  includeOutside: '$INCLUDE: {0} is outside the workspace',
  includeCycle: '$INCLUDE: {0} includes itself (cycle)',
  includeTooDeep: '$INCLUDE: nested deeper than {0}',
  includeTooMany: '$INCLUDE: more than {0} includes; {1} and the rest are skipped',
  includeTooMuch: '$INCLUDE: the included files add up to more than {0}; {1} and the rest are skipped',
  includeNotFile: '$INCLUDE: {0} is not a regular file',
  includeTooLarge: '$INCLUDE: {0} is larger than {1}',
  generateSyntax: '$GENERATE: expected range, owner, [ttl] [class], type and rdata',
  zoneUnreadable: 'Cannot read the zone file: {0}',
} as const;

export type ZoneMessageId = keyof typeof ZONE_MESSAGES;

/** The English sentence of a diagnostic. */
export function zoneMessage(id: ZoneMessageId, args: ReadonlyArray<string | number>): string {
  return english(ZONE_MESSAGES[id], ...args);
}
