// Hostile strings inside a real VS Code: server text, item names and zone-file lines never reach a
// notification, a quick pick or a diagnostic as a clickable `command:` link (issue #14, item 1). The
// notification functions are wrapped for the test so their messages can be read; the wrapper records and
// answers "dismissed".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from '../../src/constants';
import type { AuthSession } from '../../src/auth/session';
import type { TasksNode } from '../../src/views/tasksTreeProvider';
import { aTask } from '../support/builders';
import { getApi, waitFor, withGateway } from '../support/extensionApi';
import { SANDBOX_CREDENTIALS } from '../support/fakeGateway';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(src: string): string };
const markdown = new MarkdownIt({ html: false, linkify: true });

// The regular expression VS Code uses to find links in a notification message (base/common/linkedText.ts).
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const LINK = '[Open settings](command:workbench.action.openSettings)';
// A theme icon: rendered in labels of quick picks, the status bar and Markdown, so a name could fake one.
const ICON = '$(pass-filled)';
// A blank line ends a code span (and the paragraph): what follows is Markdown again, here a remote image.
const IMAGE_BREAKOUT = 'DONE\n\n![x](https://attacker.example/p.png)';

/** Plain text of a tree item's label, description or tooltip. */
function textOf(value: string | vscode.TreeItemLabel | vscode.MarkdownString | undefined | boolean): string {
  if (value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'string') return value;
  return 'label' in value ? value.label : value.value;
}

/** What may not appear in one line of plain UI: a link, a theme icon we did not put there, a line break. */
function assertInertLine(text: string, where: string): void {
  assert.doesNotMatch(text, NOTIFICATION_LINK, `${where}: ${text}`);
  assert.ok(!text.includes(ICON), `${where} holds no live icon: ${text}`);
}

type Shown = { kind: string; message: string; modal: boolean; detail?: string; items: string[] };
type Notify = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/** Records every notification shown while `fn` runs; each is answered by `answer` (default: dismissed). */
async function captureNotifications<T>(fn: (shown: Shown[]) => Promise<T>, answer: (s: Shown) => string | undefined = () => undefined): Promise<T> {
  const w = vscode.window as unknown as Record<string, Notify>;
  const kinds = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;
  const originals = kinds.map((k) => w[k]!);
  const shown: Shown[] = [];
  for (const k of kinds) {
    w[k] = (message: string, ...rest: unknown[]) => {
      const options = rest[0] && typeof rest[0] === 'object' && !('title' in rest[0]) ? (rest[0] as vscode.MessageOptions) : undefined;
      const items = rest.filter((r): r is string => typeof r === 'string');
      const s: Shown = { kind: k, message, modal: options?.modal === true, ...(options?.detail ? { detail: options.detail } : {}), items };
      shown.push(s);
      return Promise.resolve(answer(s));
    };
  }
  try {
    return await fn(shown);
  } finally {
    kinds.forEach((k, i) => (w[k] = originals[i]!));
  }
}

function assertNoLink(texts: readonly string[]): void {
  assert.ok(texts.length > 0, 'something was shown');
  for (const t of texts) assert.doesNotMatch(t, NOTIFICATION_LINK, t);
}

describe('Hostile strings (integration)', function () {
  this.timeout(120_000);

  afterEach(async () => {
    (await getApi()).zones.revealOptions.autoPickFirst = false;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a failed item named like a command link is not a link in "not found in any zone file"', async () => {
    await captureNotifications(async (shown) => {
      const name = `${LINK}.example.com.`;
      assert.equal(await vscode.commands.executeCommand(Commands.revealInZoneFile, { name }), 'not-found');
      assertNoLink(shown.map((s) => s.message));
      assert.ok(shown.some((s) => s.message.includes('[Open settings] (command:workbench.action.openSettings)')), 'the name is shown, inert');
    });
  });

  it('server messages become inert diagnostics, and unmatched names an inert summary', async () => {
    const task = aTask({
      type: 'import_recordset',
      errorItems: [
        { item: 'www.example.com.', errorMessage: `The AAAA record is invalid\n\n${LINK}` },
        { item: `${LINK}.example.com.`, errorMessage: 'Not here' },
      ],
    });
    await withGateway({ profile: 'hostile-suite' }, async ({ gateway, api }) => {
      gateway.addTask(task);
      await api.tasks.model.track(task.id);
      try {
        await captureNotifications(async (shown) => {
          await vscode.commands.executeCommand(Commands.showFailuresInZoneFiles, task.id);
          assertNoLink(shown.map((s) => s.message));
        });
        const folder = vscode.workspace.workspaceFolders![0]!;
        const diagnostics = vscode.languages
          .getDiagnostics(vscode.Uri.joinPath(folder.uri, 'zones', 'example.com.zone'))
          .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === task.id);
        assert.equal(diagnostics.length, 1);
        // The server's words (the mark may add "Fixed in the file since: " before, the explanation after " — ").
        const said = diagnostics[0]!.message.replace(/^Fixed in the file since: /, '').split(' — ')[0];
        assert.equal(said, 'The AAAA record is invalid [Open settings] (command:workbench.action.openSettings)');
      } finally {
        await Promise.resolve(vscode.commands.executeCommand(Commands.untrackTask, task.id)).catch(() => undefined);
      }
    });
  });

  it('a gateway error_msg holding a command link is inert in the error notification', async () => {
    await withGateway({ profile: 'hostile-suite' }, async ({ gateway }) => {
      const id = 'ff8080829' + 'a'.repeat(23);
      gateway.enqueue(new RegExp(id), { status: 400, body: { error_code: 'DNS.0001', error_msg: `Bad request ${LINK}` } });
      await captureNotifications(async (shown) => {
        await vscode.commands.executeCommand(Commands.trackTask, id);
        const errors = shown.filter((s) => s.kind === 'showErrorMessage').map((s) => s.message);
        assertNoLink(errors);
        assert.ok(errors.some((m) => m.includes('Bad request [Open settings] (command:')), errors.join(' | '));
      });
      await Promise.resolve(vscode.commands.executeCommand(Commands.untrackTask, id)).catch(() => undefined);
    });
  });

  it('tree labels, descriptions and tooltips show hostile types, statuses, names and messages as text', async () => {
    const task = aTask({
      type: `${LINK}${ICON}`,
      status: IMAGE_BREAKOUT,
      errorItems: [
        { item: `${ICON} ${LINK}.example.com.`, errorMessage: `Refused ${ICON}\n${LINK}` },
        { item: 'www.example.com.', errorMessage: `Refused ${ICON}\n${LINK}` },
      ],
    });
    await withGateway({ profile: 'hostile-tree' }, async ({ gateway, api }) => {
      gateway.addTask(task);
      await api.tasks.model.track(task.id);
      const tree = api.tasks.tree;
      try {
        const render = (node: TasksNode) => {
          const item = tree.getTreeItem(node);
          const where = `${node.kind} item`;
          for (const [part, value] of [['label', item.label], ['description', item.description]] as const) {
            const text = textOf(value);
            assertInertLine(text, `${where} ${part}`);
            assert.ok(!/[\n\r]/.test(text), `${where} ${part} is one line: ${JSON.stringify(text)}`);
          }
          const tooltip = item.tooltip;
          if (tooltip instanceof vscode.MarkdownString) {
            const html = markdown.render(tooltip.value);
            assert.doesNotMatch(html, /<img|<a /, `${where} tooltip renders no image or link: ${html}`);
            assert.ok(!tooltip.value.includes(ICON), `${where} tooltip has no live icon`);
            assert.notEqual(tooltip.isTrusted, true);
          } else {
            assertInertLine(textOf(tooltip), `${where} tooltip`);
          }
          return item;
        };
        const taskNode = (await tree.getChildren()).find((n) => n.kind === 'task' && n.taskId === task.id);
        assert.ok(taskNode, 'the task is in the tree');
        render(taskNode);
        const children = await tree.getChildren(taskNode);
        assert.ok(children.filter((n) => n.kind === 'failedItem').length === 2, 'both failed items are shown');
        for (const child of children) render(child);
        await api.tasks.model.setGroupByMessage(true);
        try {
          const groups = await tree.getChildren(taskNode);
          assert.ok(groups.some((n) => n.kind === 'group'), 'grouped by message');
          for (const g of groups) render(g);
        } finally {
          await api.tasks.model.setGroupByMessage(false);
        }
      } finally {
        await Promise.resolve(vscode.commands.executeCommand(Commands.untrackTask, task.id)).catch(() => undefined);
      }
    });
  });

  it('a profile named like an icon and a link is text in the status bar and in notifications', async () => {
    const name = `${ICON} ${LINK}`;
    await withGateway({ profile: name }, async ({ api }) => {
      const bar = (api.services.session as AuthSession).statusBar.item;
      assert.ok(bar.text.startsWith('$(cloud) '), bar.text);
      assertInertLine(bar.text, 'status bar text');
      assertInertLine(textOf(bar.tooltip), 'status bar tooltip');
      await captureNotifications(async (shown) => {
        await vscode.commands.executeCommand(Commands.toggleReadOnly);
        await vscode.commands.executeCommand(Commands.toggleReadOnly);
        assertNoLink(shown.map((s) => s.message));
        for (const s of shown) assert.ok(!s.message.includes(ICON), s.message);
      });
    });
  });

  it('a refused sign-in quotes the gateway\'s words as text', async () => {
    await withGateway({}, async ({ gateway }) => {
      gateway.enqueue(/batch-operation-tasks/, { status: 401, body: { error_code: 'APIGW.0301', error_msg: `Incorrect IAM authentication information: ${LINK}${ICON}` } });
      const refused = await Promise.resolve(
        vscode.commands.executeCommand(Commands.signIn, { name: 'hostile-refused', endpoint: gateway.url, ...SANDBOX_CREDENTIALS }),
      ).then(
        () => assert.fail('the sign-in was refused'),
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      assert.match(refused, /Incorrect IAM authentication information: \[Open settings\] \(command:/);
      assertInertLine(refused, 'the sign-in error');
    });
  });

  it('a finished task of an unknown type named like a command link is text in the finish notice', async () => {
    const config = () => vscode.workspace.getConfiguration(SETTINGS_SECTION);
    await config().update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand(Commands.watchInBackground, true);
    const task = aTask({ type: LINK, errorItems: [{ item: 'www.example.com.', errorMessage: 'Refused' }], pending: { polls: 1 } });
    await withGateway({ profile: 'hostile-finish' }, async ({ gateway, api }) => {
      gateway.addTask(task);
      await captureNotifications(async (shown) => {
        const notices: string[] = [];
        const sub = api.tasks.onDidNotify((n) => notices.push(n.message));
        try {
          await vscode.commands.executeCommand(Commands.trackTask, task.id);
          await waitFor(() => notices.length > 0, { timeoutMs: 60_000, message: 'the finish notice' });
        } finally {
          sub.dispose();
        }
        const toast = shown.find((s) => s.message === notices[0]);
        assert.ok(toast, `the notice was shown: ${shown.map((s) => s.message).join(' | ')}`);
        assertNoLink([toast.message]);
        assert.match(toast.message, /^\[Open settings\] \(command:workbench\.action\.openSettings\) finished: 10 succeeded, 1 failed$/);
      });
      await Promise.resolve(vscode.commands.executeCommand(Commands.untrackTask, task.id)).catch(() => undefined);
    });
    await config().update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a secret key passed as the access key is refused before anything is sent, and is quoted nowhere', async () => {
    await withGateway({}, async ({ gateway }) => {
      const pasted = `pasted-secret-${Date.now().toString(36)}-0123456789abcdef`;
      const before = gateway.requests.length;
      const refused = await Promise.resolve(
        vscode.commands.executeCommand(Commands.signIn, { name: 'hostile-pasted-secret', endpoint: gateway.url, accessKey: pasted, secretKey: SANDBOX_CREDENTIALS.secretKey }),
      ).then(
        () => assert.fail('the sign-in was refused'),
        (e: unknown) => e,
      );
      assert.equal(gateway.requests.length, before, 'nothing was sent');
      const text = refused instanceof Error ? refused.message : String(refused);
      assert.match(text, /access key ID is 20 upper-case letters and digits.*looks like a secret key/);
      assert.ok(!text.includes(pasted), text);
    });
  });

  it('an unknown access key echoed by the gateway reaches neither the error nor the log', async () => {
    await withGateway({}, async ({ gateway, api }) => {
      // Right shape, unknown to the gateway, which answers "ak … not found" with it.
      const pasted = `HPUAPASTED${Date.now().toString(36).toUpperCase()}`.padEnd(20, '0').slice(0, 20);
      const log = api.services.log;
      const lines: string[] = [];
      const originals = { warn: log.warn.bind(log), error: log.error.bind(log), info: log.info.bind(log) };
      for (const level of ['warn', 'error', 'info'] as const) {
        // What the channel receives: the logger's own redaction, applied at the moment of the call.
        log[level] = (message: string, error?: unknown) => {
          lines.push(log.redact(`${message}: ${error instanceof Error ? `${error.message} ${String(error.stack)}` : ''}`));
          originals[level](message, error);
        };
      }
      try {
        const refused = await Promise.resolve(
          vscode.commands.executeCommand(Commands.signIn, { name: 'hostile-pasted', endpoint: gateway.url, accessKey: pasted, secretKey: SANDBOX_CREDENTIALS.secretKey }),
        ).then(
          () => assert.fail('the sign-in was refused'),
          (e: unknown) => e,
        );
        assert.ok(gateway.requests.some((r) => r.accessKey === pasted), 'the gateway saw the pasted value (and echoed it)');
        const text = refused instanceof Error ? `${refused.message} ${JSON.stringify(refused)}` : String(refused);
        assert.match(text, /not found/);
        assert.ok(!text.includes(pasted), text);
        assert.ok(lines.length > 0, 'the refusal was logged');
        for (const line of lines) assert.ok(!line.includes(pasted), line);
      } finally {
        for (const level of Object.keys(originals)) delete (log as unknown as Record<string, unknown>)[level];
      }
    });
  });

  describe('Import from Environment with an endpoint argument', () => {
    const saved = { ak: process.env.HUAWEICLOUD_SDK_AK, sk: process.env.HUAWEICLOUD_SDK_SK };
    beforeEach(() => {
      process.env.HUAWEICLOUD_SDK_AK = SANDBOX_CREDENTIALS.accessKey;
      process.env.HUAWEICLOUD_SDK_SK = SANDBOX_CREDENTIALS.secretKey;
    });
    afterEach(() => {
      for (const [k, v] of [['HUAWEICLOUD_SDK_AK', saved.ak], ['HUAWEICLOUD_SDK_SK', saved.sk]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });

    it('asks modally, naming the endpoint, and sends nothing when not confirmed', async () => {
      await withGateway({}, async ({ gateway, api }) => {
        await captureNotifications(async (shown) => {
          const outcome = await Promise.resolve(vscode.commands.executeCommand(Commands.importFromEnvironment, { name: 'hostile-env', endpoint: gateway.url })).then(
            (v) => ({ value: v }),
            (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
          );
          assert.ok('error' in outcome, 'an automation caller gets a rejection');
          assert.match(outcome.error, /not confirmed/);
          const ask = shown.find((s) => s.modal);
          assert.ok(ask, `a modal question was shown: ${JSON.stringify(shown)}`);
          assert.ok(ask.message.includes(new URL(gateway.url).host), ask.message);
          assert.equal(gateway.requests.length, 0, 'nothing was sent to the endpoint');
          assert.equal((api.services.session as AuthSession).profiles.findByName('hostile-env'), undefined, 'no profile saved');
        });
      });
    });

    it('signs in once the person confirms', async () => {
      // The import signs the profile in (what the test checks); the builder signs it out after.
      await withGateway({ signsIn: ['hostile-env'] }, async ({ gateway }) => {
        await captureNotifications(async () => {
          const profile = await vscode.commands.executeCommand<{ name: string } | undefined>(Commands.importFromEnvironment, { name: 'hostile-env', endpoint: gateway.url });
          assert.equal(profile?.name, 'hostile-env');
          assert.ok(gateway.requests.some((r) => r.verified), 'the keys were checked at the endpoint');
        }, (s) => (s.modal ? s.items[0] : undefined));
      });
    });
  });
});
