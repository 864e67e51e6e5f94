// Builds the plan for one task: every failed item (through the model that owns them), the workspace's zone
// files, and the live zone when signed in. Reads only; nothing here writes.
import * as vscode from 'vscode';
import { toBatchCreateRequests, type BatchCreateRequest } from '../core/retryPlan/batchCreate';
import { planRetry, type RetryPlan } from '../core/retryPlan/plan';
import type { LiveRecordSet } from '../core/recordSets/types';
import type { BatchTaskSummary, ErrorItem } from '../core/types';
import type { ZoneIndex } from '../core/zone/index';
import { errorMessage } from '../platform/errorDetails';
import type { Services } from '../services';
import { isPendingStatus } from '../shared/format';
import type { TrackedTasks } from '../tasks';
import { zoneIndexes, type RetryZoneFiles } from './zoneIndexes';

export interface PlannedRetry {
  parent: BatchTaskSummary;
  items: readonly ErrorItem[];
  plan: RetryPlan;
  /** Exactly what Send posts, in order. */
  requests: BatchCreateRequest[];
  zones: readonly ZoneIndex[];
  /** Set when the live zone could not be read (the plan then skips nothing as live-identical). */
  liveProblem?: string;
}

/** A person-readable refusal (task not DONE, nothing failed): shown as is, never as a crash. */
export class RetryRefusal extends Error {
  override readonly name = 'RetryRefusal';
}

export async function buildPlan(services: Services, tasks: TrackedTasks, zoneFiles: RetryZoneFiles, taskId: string, signal?: AbortSignal): Promise<PlannedRetry> {
  const parent = tasks.isTracked(taskId) ? (tasks.get(taskId) ?? (await tasks.track(taskId))) : await tasks.track(taskId);
  if (isPendingStatus(parent.status)) throw new RetryRefusal(vscode.l10n.t('Task {0} is still running: retry its failed items once it is DONE.', taskId));
  if (parent.errorCount === 0) throw new RetryRefusal(vscode.l10n.t('Task {0} has no failed items to retry.', taskId));
  const { items } = await tasks.allItems(taskId, signal ? { signal } : {});
  const zones = await zoneIndexes(zoneFiles);
  // The account's lowest TTL, as the editor's check uses it: a set it reports as `ttl-range` is kept back.
  const minTtl = services.settings.get().lintMinTtl;
  // A first pass without the live zone says which zones have anything to send: only those are read.
  const draft = planRetry({ items, zones, minTtl });
  const apexes = [...new Set(draft.recordsets.map((s) => s.zone_name))];
  let live: LiveRecordSet[] = [];
  let liveProblem: string | undefined;
  const client = services.session.getClient();
  if (client && apexes.length > 0) {
    try {
      for (const apex of apexes) {
        const zone = await client.findZone(apex, signal ? { signal } : {});
        if (zone) live = live.concat(await client.listRecordSets(zone.id, signal ? { signal } : {}));
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      liveProblem = errorMessage(error);
      services.log.warn('Retry plan: could not read the live zone; nothing is skipped as already live', error);
      live = [];
    }
  } else if (!client) {
    liveProblem = vscode.l10n.t('not signed in');
  }
  const plan = live.length > 0 ? planRetry({ items, zones, live, minTtl }) : draft;
  return { parent, items, plan, requests: toBatchCreateRequests(plan.recordsets), zones, ...(liveProblem ? { liveProblem } : {}) };
}
