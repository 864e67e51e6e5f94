// Sending a reviewed plan: one modal question naming profile, site, zones and counts (typing the count above
// 1,000), then one batch-create per 10,000 sets, each logged. A lost answer is never followed by a blind
// resend: the tasks created since it was sent are listed first and the person decides.
import * as vscode from 'vscode';
import type { BatchCreateRequest } from '../core/retryPlan/batchCreate';
import { tasksCreatedSince, type CreatedCandidate } from '../core/retryPlan/outcome';
import { isWriteOutcomeUnknownError, type WriteOutcomeUnknownError } from '../core/errors';
import type { DnsClient } from '../core/types';
import { errorMessage } from '../platform/errorDetails';
import type { Services } from '../services';
import { formatCount, formatStatusAndCounts, formatTaskLabel } from '../shared/format';
import { plainText } from '../shared/untrusted';
import type { PlannedRetry } from './planner';
import { countsByZone } from './preview';

/** Above this many sets the person types the count to confirm. */
export const TYPE_TO_CONFIRM_ABOVE = 1_000;

/** Test seams (empty in use): answers instead of the modal dialogs and pickers. */
export interface SendHooks {
  confirm?: (message: string, detail: string) => boolean | Promise<boolean>;
  typedCount?: (count: number) => string | undefined | Promise<string | undefined>;
  /** After a lost answer: track one of the candidates, send again, or stop. */
  afterUnknown?: (candidates: readonly CreatedCandidate[]) => { track: string } | 'again' | 'cancel' | Promise<{ track: string } | 'again' | 'cancel'>;
}

export interface SentTask {
  taskId: string;
  requestId?: string;
  sets: number;
}

/** "Create 118 record sets in 2 zones on intl · ops-prod?" and the zones with their counts. */
export function confirmationText(planned: PlannedRetry, profile: string, site: string): { message: string; detail: string } {
  const zones = countsByZone(planned);
  const sets = planned.plan.recordsets.length;
  const message =
    zones.length === 1
      ? vscode.l10n.t('Create {0} record sets in 1 zone on {1} · {2}?', formatCount(sets), site, plainText(profile))
      : vscode.l10n.t('Create {0} record sets in {1} zones on {2} · {3}?', formatCount(sets), formatCount(zones.length), site, plainText(profile));
  const lines = zones.map(([zone, count]) => `${plainText(zone)}: ${formatCount(count)}`);
  if (planned.requests.length > 1) lines.push(vscode.l10n.t('Sent as {0} tasks of at most 10,000 record sets.', formatCount(planned.requests.length)));
  lines.push(vscode.l10n.t('Retry of task {0}. Record sets that already exist fail again; nothing is deleted or changed.', planned.parent.id));
  return { message, detail: lines.join('\n') };
}

export async function confirmSend(planned: PlannedRetry, services: Services, hooks: SendHooks): Promise<boolean> {
  const profile = services.session.profile?.name ?? '?';
  const site = services.session.siteLabel() ?? '?';
  const { message, detail } = confirmationText(planned, profile, site);
  const create = vscode.l10n.t('Create');
  const yes = hooks.confirm ? await hooks.confirm(message, detail) : (await vscode.window.showWarningMessage(message, { modal: true, detail }, create)) === create;
  if (!yes) return false;
  const count = planned.plan.recordsets.length;
  if (count <= TYPE_TO_CONFIRM_ABOVE) return true;
  const wanted = String(count);
  const typed = hooks.typedCount
    ? await hooks.typedCount(count)
    : await vscode.window.showInputBox({
        title: message,
        prompt: vscode.l10n.t('Type {0} to create {0} record sets.', wanted),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() === wanted ? undefined : vscode.l10n.t('Type {0} to confirm.', wanted)),
      });
  return typed?.trim() === wanted;
}

/**
 * Sends the requests in order; resolves with the tasks created. Stops at the first failure: a lost answer goes
 * through `resolveUnknown` (which may find the task, or send that one request again after a new confirmation).
 */
export async function sendAll(
  services: Services,
  client: DnsClient,
  planned: PlannedRetry,
  hooks: SendHooks,
  onCreated: (task: SentTask, recordsets: BatchCreateRequest['body']['recordsets']) => Promise<void>,
): Promise<SentTask[]> {
  const sent: SentTask[] = [];
  for (let i = 0; i < planned.requests.length; i++) {
    const request = planned.requests[i]!;
    const task = await sendOne(services, client, planned, request, hooks, `${i + 1}/${planned.requests.length}`);
    if (!task) {
      const left = planned.requests.length - i - 1;
      if (left > 0) services.log.info(`Retry of ${planned.parent.id}: ${left} further request(s) not sent`);
      break;
    }
    sent.push(task);
    await onCreated(task, request.body.recordsets);
  }
  return sent;
}

async function sendOne(services: Services, client: DnsClient, planned: PlannedRetry, request: BatchCreateRequest, hooks: SendHooks, part: string): Promise<SentTask | undefined> {
  const sets = request.body.recordsets.length;
  const zones = [...new Set(request.body.recordsets.map((s) => s.zone_name))];
  for (;;) {
    services.log.info(`Write ${part}: ${request.method} ${request.path} with ${sets} record sets in ${zones.join(', ')} (retry of ${planned.parent.id}, profile "${services.session.profile?.name ?? '?'}")`);
    try {
      const created = await client.createRecordSetsTask(request.body.recordsets);
      services.log.info(`Write ${part}: created task ${created.taskId} (request id ${created.requestId ?? 'none'}, ${sets} record sets)`);
      return { taskId: created.taskId, ...(created.requestId ? { requestId: created.requestId } : {}), sets };
    } catch (error) {
      if (!isWriteOutcomeUnknownError(error)) {
        services.log.info(`Write ${part}: refused, nothing created: ${errorMessage(error)}`);
        throw error;
      }
      services.log.warn(`Write ${part}: outcome unknown (sent at ${error.sentAt.toISOString()}): ${error.message}`);
      const next = await resolveUnknown(services, client, error, sets, hooks);
      if (next === 'cancel') return undefined;
      if (typeof next === 'object') {
        services.log.info(`Write ${part}: the person identified task ${next.track} as the one created`);
        return { taskId: next.track, sets };
      }
      // 'again': the person saw what exists and confirmed once more.
    }
  }
}

/** Lists the `create` tasks since the lost request and lets the person decide; never resends on its own. */
async function resolveUnknown(services: Services, client: DnsClient, error: WriteOutcomeUnknownError, sets: number, hooks: SendHooks): Promise<{ track: string } | 'again' | 'cancel'> {
  let candidates: CreatedCandidate[];
  try {
    candidates = tasksCreatedSince(await client.listAllTasks(), error.sentAt, sets);
  } catch (listError) {
    services.log.error('Could not list the tasks after a lost answer', listError);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} Listing the tasks to check failed too ({1}): look at the task list before sending again.', plainText(error.message), plainText(errorMessage(listError))),
    );
    return 'cancel';
  }
  services.log.info(`After the lost answer: ${candidates.length} create task(s) since ${error.sentAt.toISOString()}: ${candidates.map((c) => c.task.id).join(', ') || 'none'}`);
  if (hooks.afterUnknown) return hooks.afterUnknown(candidates);

  type Item = vscode.QuickPickItem & { choice: { track: string } | 'again' | 'cancel' };
  const items: Item[] = [
    ...candidates.map((c): Item => ({
      choice: { track: c.task.id },
      label: `$(eye) ${plainText(formatTaskLabel(c.task))}`,
      description: `${plainText(formatStatusAndCounts(c.task))} · ${plainText(c.task.createdAt)}`,
      detail: c.sameSize ? vscode.l10n.t('Same number of record sets as the request: most likely the one sent.') : c.task.id,
    })),
    { choice: 'again', label: `$(warning) ${vscode.l10n.t('None of these: send again…')}`, description: vscode.l10n.t('asks to confirm again') },
    { choice: 'cancel', label: `$(close) ${vscode.l10n.t('Stop here')}` },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('No clear answer: the task may have been created. Tasks created since {0}:', error.sentAt.toLocaleTimeString()),
    placeHolder: candidates.length > 0 ? vscode.l10n.t('Choose the task that was created to track it') : vscode.l10n.t('No create task since then: sending again is probably safe'),
    ignoreFocusOut: true,
  });
  if (!picked || picked.choice === 'cancel') return 'cancel';
  if (picked.choice !== 'again') return picked.choice;
  const again = vscode.l10n.t('Send Again');
  const sure = await vscode.window.showWarningMessage(
    vscode.l10n.t('Send the {0} record sets again?', formatCount(sets)),
    { modal: true, detail: vscode.l10n.t('If the first request did create a task, its record sets now exist and fail again as duplicates.') },
    again,
  );
  return sure === again ? 'again' : 'cancel';
}
