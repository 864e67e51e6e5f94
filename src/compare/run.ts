// The two ways in: a whole zone file, or the failed items of one task. Both read the live zone with progress
// and Cancel in the notification area, compare, and show the result once (diff editor, marks, summary).
import * as path from 'path';
import * as vscode from 'vscode';
import { MAX_CHECKED_RECORDS, ownerKey, readsWholeZone, recordSetsOfZone, type DnsClient, type LiveRecordSet, type ZoneIndex, type ZoneRecord } from '../core';
import type { Services } from '../services';
import { formatCount } from '../shared/format';
import { plainText } from '../shared/untrusted';
import { compare, type Comparison } from './comparison';
import type { CompareDecorations } from './decorations';
import type { ComparisonDocuments } from './documents';
import type { CompareDeps } from './types';
import { locationsBySet, type LineMark } from './lines';
import { countsOf, summaryText, type CompareCounts } from './summary';

export interface LiveComparer {
  services: Services;
  deps: CompareDeps;
  documents: ComparisonDocuments;
  decorations: CompareDecorations;
}

/** What the commands resolve with (for automation and tests). */
export interface CompareResult {
  zones: { name: string; id: string }[];
  counts: CompareCounts;
  summary: string;
  /** Verify only: failed items found in no zone file, and zones not found in the account. */
  notInZoneFiles?: string[];
  zonesNotFound?: string[];
}

interface RunOptions {
  ignoreTtl: boolean;
  show: boolean;
}

const t = (message: string, ...args: string[]): string => vscode.l10n.t(message, ...args);

/** Per-name reads are cheaper than the whole zone up to this many names. */
const NAMES_READ_ONE_BY_ONE = 20;

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

function withCancellableProgress<T>(title: string, work: (progress: Progress, signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress<T>({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    return work(progress, controller.signal).finally(() => {
      sub.dispose();
    });
  });
}

/** Every set of the zone, reporting pages as they arrive; `percent` tracks the server's total when it gives one. */
async function readWholeZone(client: DnsClient, zoneId: string, progress: Progress, signal: AbortSignal): Promise<LiveRecordSet[]> {
  let reported = 0;
  return client.listRecordSets(zoneId, {
    signal,
    onPage: (_page, p) => {
      const percent = p.total ? Math.min(100, (100 * p.loaded) / p.total) : 0;
      progress.report({
        message: p.total === undefined ? t('{0} record sets read', formatCount(p.loaded)) : t('{0} of {1} record sets read', formatCount(p.loaded), formatCount(p.total)),
        increment: percent - reported,
      });
      reported = percent;
    },
  });
}

export async function compareFile(c: LiveComparer, uri: vscode.Uri, options: RunOptions): Promise<CompareResult | undefined> {
  const client = await c.services.session.requireClient();
  if (!client) return undefined;
  const index = await c.deps.zoneFiles.index(uri);
  const apex = ownerKey(index.apex);
  const fileSets = recordSetsOfZone(index);
  const found = await withCancellableProgress(t('Reading the live zone {0}…', plainText(apex)), async (progress, signal) => {
    const zone = await client.findZone(apex, { signal });
    if (!zone) return undefined;
    return { zone, live: await readWholeZone(client, zone.id, progress, signal) };
  });
  if (!found) {
    void vscode.window.showWarningMessage(t('No public zone named {0} in this account ({1}).', plainText(apex), plainText(c.services.session.siteLabel() ?? '')));
    return { zones: [], counts: countsOf([]), summary: '', zonesNotFound: [apex] };
  }
  const comparison = compare({ apex, zoneId: found.zone.id, fileSets, live: found.live, locations: locationsBySet(index.records()), ignoreTtl: options.ignoreTtl }, t);
  // A $GENERATE range past the check's bound: only its first records were compared, and the summary says so.
  return present(c, [comparison], path.basename(uri.fsPath), options, readsWholeZone(index.size) ? {} : { partial: true });
}

export async function verifyItems(c: LiveComparer, taskId: string, options: RunOptions): Promise<CompareResult | undefined> {
  const client = await c.services.session.requireClient();
  if (!client) return undefined;
  const outcome = await withCancellableProgress(t('Verifying task {0} in the live zone…', taskId), async (progress, signal) => {
    const { items } = await c.deps.tasks.allItems(taskId, { signal });
    const wanted = new Set(items.map((i) => ownerKey(i.item)).filter((n) => n !== '.'));
    const zones = await zonesHolding(c, wanted);
    const comparisons: Comparison[] = [];
    const zonesNotFound: string[] = [];
    for (const z of zones.values()) {
      if (signal.aborted) break;
      progress.report({ message: t('Reading the live zone {0}…', plainText(z.apex)) });
      const zone = await client.findZone(z.apex, { signal });
      if (!zone) {
        zonesNotFound.push(z.apex);
        continue;
      }
      const names = new Set(z.records.map((r) => ownerKey(r.name)));
      let live: LiveRecordSet[];
      if (names.size <= NAMES_READ_ONE_BY_ONE) {
        live = [];
        for (const name of names) live.push(...(await client.listRecordSets(zone.id, { name, signal })));
      } else {
        live = (await readWholeZone(client, zone.id, progress, signal)).filter((s) => names.has(ownerKey(s.name)));
      }
      // Only the records at the items' names, with the file's own details.
      const sub = { apex: z.apex, records: () => z.records, details: (r: ZoneRecord) => z.index.details(r) };
      comparisons.push(compare({ apex: z.apex, zoneId: zone.id, fileSets: recordSetsOfZone(sub), live, locations: locationsBySet(z.records), ignoreTtl: options.ignoreTtl }, t));
    }
    const notInZoneFiles = [...wanted].filter((n) => ![...zones.values()].some((z) => z.names.has(n)));
    return { comparisons, zonesNotFound, notInZoneFiles };
  });
  const label = t('task {0}', taskId.slice(-8));
  return present(c, outcome.comparisons, label, options, { notInZoneFiles: outcome.notInZoneFiles, zonesNotFound: outcome.zonesNotFound });
}

interface ZoneHits {
  apex: string;
  index: ZoneIndex;
  records: ZoneRecord[];
  names: Set<string>;
}

/** The zone files holding each wanted name, grouped by zone; a record reached through two files counts once. */
async function zonesHolding(c: LiveComparer, wanted: ReadonlySet<string>): Promise<Map<string, ZoneHits>> {
  const zones = new Map<string, ZoneHits>();
  const seen = new Set<string>();
  for (const uri of await c.deps.zoneFiles.list()) {
    let index: ZoneIndex;
    try {
      index = await c.deps.zoneFiles.index(uri);
    } catch (error) {
      c.services.log.warn(`Zone file ${uri.fsPath} could not be indexed`, error);
      continue;
    }
    const apex = ownerKey(index.apex);
    for (const name of wanted) {
      for (const r of index.lookup(name)) {
        const key = `${r.file}\n${r.line}\n${r.type}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let z = zones.get(apex);
        if (!z) zones.set(apex, (z = { apex, index, records: [], names: new Set() }));
        z.records.push(r);
        z.names.add(name);
      }
    }
  }
  // File order (entry file first, then includes as the index lists them), so sets come out as an import sends them.
  for (const z of zones.values()) {
    const rank = new Map(z.index.files.map((f, i) => [f, i]));
    z.records.sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.line - b.line);
  }
  return zones;
}

async function present(c: LiveComparer, comparisons: readonly Comparison[], label: string, options: RunOptions, extra: { notInZoneFiles?: string[]; zonesNotFound?: string[]; partial?: boolean }): Promise<CompareResult> {
  const counts = countsOf(comparisons.map((x) => x.diff));
  let summary = summaryText(counts, t);
  if (extra.partial) summary += t('; only the first {0} records of the file were compared', formatCount(MAX_CHECKED_RECORDS));
  if (extra.notInZoneFiles && extra.notInZoneFiles.length > 0) summary += t('; {0} not in any zone file', formatCount(extra.notInZoneFiles.length));
  if (extra.zonesNotFound && extra.zonesNotFound.length > 0) summary += t('; zone not found: {0}', extra.zonesNotFound.map((z) => plainText(z)).join(', '));
  const marks = new Map<string, LineMark[]>();
  for (const x of comparisons) for (const [file, list] of x.marks) marks.set(file, [...(marks.get(file) ?? []), ...list]);
  c.decorations.set(marks);
  c.services.log.info(`Compared ${label} with the live zone: ${summary}`);
  if (options.show && comparisons.length > 0) {
    const live = comparisons.map((x) => x.liveText).join('\n');
    const file = comparisons.map((x) => x.fileText).join('\n');
    const uris = c.documents.add(`${comparisons[0]!.apex}zone`, live, file);
    const title = t('{0}: live zone ↔ {1}', plainText(comparisons.map((x) => x.apex).join(', '), { maxLength: 80 }), plainText(label, { maxLength: 80 }));
    await vscode.commands.executeCommand('vscode.diff', uris.live, uris.file, title, { preview: false });
    void vscode.window.showInformationMessage(t('{0} compared with the live zone: {1}', plainText(label), summary));
  }
  return {
    zones: comparisons.map((x) => ({ name: x.apex, id: x.zoneId })),
    counts,
    summary,
    ...(extra.notInZoneFiles ? { notInZoneFiles: extra.notInZoneFiles } : {}),
    ...(extra.zonesNotFound ? { zonesNotFound: extra.zonesNotFound } : {}),
  };
}
