// The interactive sign-in: one input per field (with Back), a check of the keys, and on refusal a choice of
// which field to correct; the others keep their values, so nothing has to be typed twice.
import * as vscode from 'vscode';
import type { ProfileInfo } from './profiles';
import type { SignInInput, SignInTarget } from './types';
import type { SignInField } from './signInFailure';
import { SignInError } from './signInMessages';
import { accessKeyProblem } from './accessKeyShape';
import { checkEndpoint, isSite, type Site } from '../core/sites';

type SiteChoice = Site | 'custom';

export interface SignInDraft {
  name: string;
  site: SiteChoice;
  endpoint: string;
  accessKey: string;
  secretKey: string;
  securityToken: string;
  projectId: string;
}

type Step = 'name' | 'site' | 'endpoint' | 'accessKey' | 'secretKey' | 'securityToken' | 'projectId';
const BACK = Symbol('back');
type StepResult = 'next' | typeof BACK | undefined;

const TITLE = () => vscode.l10n.t('Huawei DNS: Sign In with Access Key');

function stepsFor(draft: SignInDraft): Step[] {
  return ['name', 'site', ...(draft.site === 'custom' ? (['endpoint'] as const) : []), 'accessKey', 'secretKey', 'securityToken', 'projectId'];
}

/** One input box; resolves with the value, BACK, or undefined when dismissed. */
function ask(options: {
  step: number;
  total: number;
  prompt: string;
  value: string;
  placeholder?: string;
  password?: boolean;
  validate?: (value: string) => string | undefined;
}): Promise<string | typeof BACK | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = TITLE();
    box.step = options.step;
    box.totalSteps = options.total;
    box.prompt = options.prompt;
    box.value = options.value;
    box.placeholder = options.placeholder;
    box.password = options.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (result: string | typeof BACK | undefined) => {
      if (done) return;
      done = true;
      resolve(result);
      box.dispose();
    };
    box.onDidChangeValue((v) => (box.validationMessage = options.validate?.(v)));
    box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    box.onDidAccept(() => {
      const message = options.validate?.(box.value);
      if (message) box.validationMessage = message;
      else finish(box.value.trim());
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

function pickSite(step: number, total: number, current: SiteChoice): Promise<SiteChoice | typeof BACK | undefined> {
  return new Promise((resolve) => {
    type Item = vscode.QuickPickItem & { site: SiteChoice };
    const pick = vscode.window.createQuickPick<Item>();
    const items: Item[] = [
      { site: 'intl', label: vscode.l10n.t('International'), description: 'ap-southeast-3' },
      { site: 'cn', label: vscode.l10n.t('Chinese mainland'), description: 'cn-north-4' },
      { site: 'custom', label: vscode.l10n.t('Custom endpoint…'), description: vscode.l10n.t('a private gateway or a test server') },
    ];
    pick.title = TITLE();
    pick.step = step;
    pick.totalSteps = total;
    pick.placeholder = vscode.l10n.t('Which site serves your batch tasks?');
    pick.items = items;
    pick.activeItems = items.filter((i) => i.site === current);
    pick.ignoreFocusOut = true;
    pick.buttons = [vscode.QuickInputButtons.Back];
    let done = false;
    const finish = (result: SiteChoice | typeof BACK | undefined) => {
      if (done) return;
      done = true;
      resolve(result);
      pick.dispose();
    };
    pick.onDidTriggerButton(() => finish(BACK));
    pick.onDidAccept(() => finish(pick.activeItems[0]?.site));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

const required = (what: string) => (v: string) => (v.trim() ? undefined : vscode.l10n.t('{0} is required.', what));

/** Asks for one field, writing the answer into the draft. */
async function runStep(step: Step, draft: SignInDraft, index: number, total: number): Promise<StepResult> {
  let answer: string | typeof BACK | undefined;
  switch (step) {
    case 'site': {
      const site = await pickSite(index, total, draft.site);
      if (site === BACK || site === undefined) return site;
      draft.site = site;
      return 'next';
    }
    case 'name':
      answer = await ask({ step: index, total, prompt: vscode.l10n.t('Profile name (e.g. ops-prod)'), value: draft.name, validate: required(vscode.l10n.t('A profile name')) });
      if (typeof answer === 'string') draft.name = answer;
      break;
    case 'endpoint':
      answer = await ask({
        step: index,
        total,
        prompt: vscode.l10n.t('Endpoint URL (https://…; http:// only for this computer)'),
        value: draft.endpoint,
        placeholder: 'https://dns.example.com',
        validate: (v) => {
          const checked = checkEndpoint(v);
          return checked.ok ? undefined : vscode.l10n.t('Not usable: {0}', checked.reason);
        },
      });
      if (typeof answer === 'string') draft.endpoint = answer;
      break;
    case 'accessKey':
      answer = await ask({ step: index, total, prompt: vscode.l10n.t('Access key ID (AK)'), value: draft.accessKey, validate: (v) => accessKeyProblem(v, vscode.l10n.t) });
      if (typeof answer === 'string') draft.accessKey = answer;
      break;
    case 'secretKey':
      answer = await ask({
        step: index,
        total,
        prompt: vscode.l10n.t('Secret access key (SK); stored only in VS Code\'s secret storage'),
        value: draft.secretKey,
        password: true,
        validate: required(vscode.l10n.t('The secret key')),
      });
      if (typeof answer === 'string') draft.secretKey = answer;
      break;
    case 'securityToken':
      answer = await ask({
        step: index,
        total,
        prompt: vscode.l10n.t('Security token, only for temporary credentials (leave empty otherwise)'),
        value: draft.securityToken,
        password: true,
      });
      if (typeof answer === 'string') draft.securityToken = answer;
      break;
    case 'projectId':
      answer = await ask({
        step: index,
        total,
        prompt: vscode.l10n.t('Project ID (optional; empty = look it up for the site\'s region)'),
        value: draft.projectId,
        validate: (v) => (v === '' || /^[A-Za-z0-9_-]{1,64}$/.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits, - and _ only.')),
      });
      if (typeof answer === 'string') draft.projectId = answer;
      break;
  }
  return typeof answer === 'string' ? 'next' : answer;
}

/** Walks the steps from `first`; Back goes one step back. False when the user dismissed an input. */
async function runSteps(draft: SignInDraft, only?: Step): Promise<boolean> {
  let index = 0;
  for (;;) {
    const steps = only ? [only] : stepsFor(draft);
    const step = steps[index];
    if (!step) return true;
    const result = await runStep(step, draft, only ? 1 : index + 1, only ? 1 : steps.length);
    if (result === undefined) return false;
    if (result === BACK) index = Math.max(0, index - 1);
    else index++;
  }
}

export function toSignInInput(draft: SignInDraft): SignInInput {
  return {
    name: draft.name,
    ...(draft.site === 'custom' ? { endpoint: draft.endpoint } : { site: draft.site }),
    accessKey: draft.accessKey,
    secretKey: draft.secretKey,
    ...(draft.securityToken ? { securityToken: draft.securityToken } : {}),
    ...(draft.projectId ? { projectId: draft.projectId } : {}),
  };
}

export function emptyDraft(defaultSite: Site, from?: Partial<SignInDraft>): SignInDraft {
  return { name: '', site: defaultSite, endpoint: '', accessKey: '', secretKey: '', securityToken: '', projectId: '', ...from };
}

/** A draft pre-filled from a stored profile (for signing in again after its secret was lost). */
export function draftFromProfile(profile: ProfileInfo, defaultSite: Site): SignInDraft {
  return emptyDraft(defaultSite, {
    name: profile.name,
    site: isSite(profile.site) ? profile.site : 'custom',
    endpoint: profile.site === 'custom' ? profile.endpoint : '',
    accessKey: profile.accessKeyId,
    projectId: profile.projectId ?? '',
  });
}

const FIELD_STEP: Record<SignInField, Step> = {
  accessKey: 'accessKey',
  secretKey: 'secretKey',
  securityToken: 'securityToken',
  site: 'site',
  projectId: 'projectId',
};

/** Asks which field to correct after a refusal; 'retry' re-checks unchanged (clock fixed, network back). */
async function pickCorrection(error: SignInError, draft: SignInDraft): Promise<Step | 'retry' | undefined> {
  type Item = vscode.QuickPickItem & { action: Step | 'retry' };
  const labels: Record<Step, string> = {
    name: vscode.l10n.t('Change the profile name'),
    site: vscode.l10n.t('Change the site'),
    endpoint: vscode.l10n.t('Change the endpoint'),
    accessKey: vscode.l10n.t('Correct the access key'),
    secretKey: vscode.l10n.t('Correct the secret key'),
    securityToken: vscode.l10n.t('Correct the security token'),
    projectId: vscode.l10n.t('Correct the project ID'),
  };
  const suggested = error.failure.fields
    // A token is worth suggesting only when one was given (temporary credentials).
    .filter((f) => f !== 'securityToken' || draft.securityToken !== '')
    .map((f) => (f === 'site' && draft.site === 'custom' ? 'endpoint' : FIELD_STEP[f]));
  const rest = stepsFor(draft).filter((s) => !suggested.includes(s));
  const items: Item[] = [
    ...suggested.map((s) => ({ action: s, label: labels[s], description: vscode.l10n.t('suggested') })),
    { action: 'retry', label: vscode.l10n.t('Try again unchanged') },
    ...rest.map((s) => ({ action: s, label: labels[s] })),
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: error.message,
    placeHolder: vscode.l10n.t('What would you like to correct? The other answers are kept.'),
    ignoreFocusOut: true,
  });
  return choice?.action;
}

/** The whole interactive sign-in. Resolves with the saved profile, or undefined when cancelled. */
export async function signInInteractively(session: SignInTarget, draft: SignInDraft): Promise<ProfileInfo | undefined> {
  if (!(await runSteps(draft))) return undefined;
  for (;;) {
    // Checked here too, not only in its input box: a draft may come from the environment or a stored profile.
    const problem = accessKeyProblem(draft.accessKey, vscode.l10n.t);
    if (problem) {
      void vscode.window.showWarningMessage(problem);
      if (!(await runSteps(draft, 'accessKey'))) return undefined;
      continue;
    }
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the keys with {0}…', draft.site === 'custom' ? draft.endpoint : draft.site) },
        () => session.signIn(toSignInInput(draft), { interactive: true }),
      );
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      const action = await pickCorrection(error, draft);
      if (action === undefined) return undefined;
      if (action !== 'retry' && !(await runSteps(draft, action))) return undefined;
      // Switching to a custom site needs the endpoint too.
      if (action === 'site' && draft.site === 'custom' && !checkEndpoint(draft.endpoint).ok && !(await runSteps(draft, 'endpoint'))) return undefined;
    }
  }
}
