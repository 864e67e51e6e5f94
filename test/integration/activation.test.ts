// The extension, as built into dist/, activates in a real extension host and contributes what package.json says.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Views } from '../../src/constants';
import { getApi, waitFor, withGateway } from '../support/extensionApi';

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

describe('Activation (integration)', function () {
  this.timeout(60_000);

  it('runs with the test environment the harness promises', () => {
    assert.equal(process.env.DNS_BATCH_TASKS_TEST, '1');
  });

  it('activates and returns the test API', async () => {
    const api = await getApi();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive, 'extension is active');
    for (const key of ['services', 'tasks', 'panels', 'zones'] as const) assert.ok(api[key], `API has ${key}`);
    assert.ok(api.services.session, 'services bag carries the session');
  });

  it('registers every command declared in package.json', async () => {
    await getApi();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.length >= Object.keys(Commands).length, 'manifest declares the commands');
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  it('contributes the activity-bar container holding the tasks view', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    assert.ok(manifest.contributes.viewsContainers.activitybar.some((c) => c.id === Views.container));
    assert.ok((manifest.contributes.views[Views.container] ?? []).some((v) => v.id === Views.tasks));
    // The workbench knows the view: focusing it through its generated command succeeds.
    await vscode.commands.executeCommand(`${Views.tasks}.focus`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has(`workbench.view.extension.${Views.container}`), 'view container command exists');
  });

  it('withGateway signs a profile in against a fresh fake gateway and leaves nothing behind', async () => {
    const session = (await getApi()).services.session;
    let url = '';
    await withGateway({ profile: 'activation-suite' }, ({ gateway, api }) => {
      url = gateway.url;
      assert.equal(api.services.session.profile?.name, 'activation-suite');
      assert.ok(api.services.session.getClient(), 'a client for the gateway');
      return Promise.resolve();
    });
    assert.notEqual(session.profile?.name, 'activation-suite', 'signed out afterwards');
    // The gateway is closed: nothing listens on its port any more.
    await waitFor(async () => {
      try {
        await fetch(url);
        return false;
      } catch {
        return true;
      }
    }, { timeoutMs: 5_000, message: 'the gateway to stop listening' });
  });
});
