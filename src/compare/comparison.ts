// One comparison, from indexed zone-file sets and live sets to what the person sees: the diff editor's two
// texts and the marks on the file's lines (hovers as Markdown text). Pure.
import { diffZone, isActiveStatus, isSystemLiveSet, ownerKey, recordSetKey, renderZoneText, type LiveRecordSet, type RenderedSet, type RetryRecordSet, type ZoneDiff } from '../core';
import { formatCount } from '../shared/format';
import { markdownCode } from '../shared/untrusted';
import type { LineMark, RecordLocation } from './lines';

export interface ComparisonInput {
  apex: string;
  zoneId: string;
  fileSets: readonly RetryRecordSet[];
  live: readonly LiveRecordSet[];
  locations: ReadonlyMap<string, readonly RecordLocation[]>;
  ignoreTtl: boolean;
}

export interface Comparison {
  apex: string;
  zoneId: string;
  diff: ZoneDiff;
  /** Zone-file text of the live sets and of the file's sets, written the same way. */
  liveText: string;
  fileText: string;
  marks: Map<string, LineMark[]>;
}

/** Hovers list at most this many live values; the diff editor has them all. */
const HOVER_VALUES = 20;

export function compare(input: ComparisonInput, t: (message: string, ...args: string[]) => string): Comparison {
  const { apex, fileSets, live, ignoreTtl } = input;
  const diff = diffZone(fileSets, live, { apex, ignoreTtl });
  const zone = ownerKey(apex);
  // The same header on both sides, so it never shows as a difference (the diff editor's title names the sides).
  const header = [t('Zone {0} as compared: names relative to the zone, values normalised, sorted.', zone)];
  // Every live set that counts (same, differs and only live), then the inactive ones as comments.
  const liveShown: RenderedSet[] = live.filter((s) => !isSystemLiveSet(s, zone) && isActiveStatus(s.status));
  for (const s of diff.inactive) liveShown.push({ ...s, commentedOut: t('not served ({0})', s.status) });
  const liveText = renderZoneText(liveShown, zone, header, { omitTtl: ignoreTtl });
  const fileText = renderZoneText(fileSets, zone, header, { omitTtl: ignoreTtl });

  const marks = new Map<string, LineMark[]>();
  const mark = (set: RetryRecordSet, state: LineMark['state'], md: string[]) => {
    const h = md.join('\n\n');
    for (const loc of input.locations.get(recordSetKey(set.name, set.type)) ?? []) {
      let list = marks.get(loc.file);
      if (!list) marks.set(loc.file, (list = []));
      list.push({ line: loc.line, state, hover: h });
    }
  };
  const setLabel = (s: { name: string; type: string }) => `${markdownCode(s.name)} ${markdownCode(s.type)}`;
  const sameNames = new Set(diff.same.map((s) => recordSetKey(s.name, s.type)));
  for (const set of fileSets) {
    if (sameNames.has(recordSetKey(set.name, set.type))) mark(set, 'inSync', [t('{0}: in sync with the live zone.', setLabel(set))]);
  }
  for (const d of diff.differs) {
    const what = d.fields.map((f) => (f === 'ttl' ? t('TTL') : t('values'))).join(', ');
    const values = d.live.records.slice(0, HOVER_VALUES).map((v) => `- ${markdownCode(v)}`);
    if (d.live.records.length > HOVER_VALUES) values.push(t('… and {0} more', formatCount(d.live.records.length - HOVER_VALUES)));
    mark(d.file, 'differs', [t('{0}: differs from the live zone ({1}).', setLabel(d.file), what), t('Live (TTL {0}):', markdownCode(d.live.ttl)), values.join('\n')]);
  }
  for (const set of diff.onlyInFile) mark(set, 'missingLive', [t('{0}: not in the live zone; an import would create it.', setLabel(set))]);
  for (const list of marks.values()) list.sort((a, b) => a.line - b.line);
  return { apex: zone, zoneId: input.zoneId, diff, liveText, fileText, marks };
}
