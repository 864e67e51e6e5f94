// The workspace's zone files as the plan needs them: one index per zone, a file that another one includes
// counted only inside the file that includes it (else its names would be "in two zone files").
import type * as vscode from 'vscode';
import type { ZoneIndex } from '../core/zone/index';

/** What the retry reads of the zone-file feature (its catalog). */
export interface RetryZoneFiles {
  list(): Promise<vscode.Uri[]>;
  index(uri: vscode.Uri): Promise<ZoneIndex>;
}

export async function zoneIndexes(zones: RetryZoneFiles, token?: vscode.CancellationToken): Promise<ZoneIndex[]> {
  const indexes: ZoneIndex[] = [];
  for (const uri of await zones.list()) {
    if (token?.isCancellationRequested) break;
    indexes.push(await zones.index(uri));
  }
  const included = new Set<string>();
  for (const index of indexes) for (const file of index.files.slice(1)) included.add(file);
  return indexes.filter((index) => !included.has(index.files[0] ?? ''));
}
