// package.json is the extension's public face; these checks keep it in step with src/constants.ts and the
// localisation bundles, so a renamed id or a missing string fails here rather than in a user's palette.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { visit } from 'jsonc-parser';
import { Commands, ContextKeys, SETTINGS_SECTION, SettingKeys, Views, WebviewTypes } from '../../src/constants';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

interface CommandContribution { command: string; title: string; category?: string; icon?: string }
interface MenuItem { command: string; when?: string; group?: string }
interface Setting { default?: unknown; description?: string; markdownDescription?: string; type?: string | string[] }
interface Manifest {
  name: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents?: string[];
  capabilities?: Record<string, { supported: boolean | string; description?: string }>;
  devDependencies: Record<string, string>;
  contributes: {
    commands: CommandContribution[];
    menus: Record<string, MenuItem[]>;
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    configuration: { title: string; properties: Record<string, Setting> };
  };
}

const manifest = readJson('package.json') as Manifest;
const nls = readJson('package.nls.json') as Record<string, string>;
const nlsZh = readJson('package.nls.zh-cn.json') as Record<string, string>;
const commandIds = Object.values(Commands) as string[];

/** `%key%` placeholders anywhere in the manifest. */
function placeholders(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%]+)%$/.exec(value);
    if (m) found.add(m[1]!);
  } else if (Array.isArray(value)) value.forEach((v) => placeholders(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => placeholders(v, found));
  return found;
}

const localized = (s: string): string => {
  const m = /^%([^%]+)%$/.exec(s);
  return m ? (nls[m[1]!] ?? s) : s;
};

// Commands that act on a tree node: meaningless without one, so hidden from the palette.
const NODE_ONLY: string[] = [Commands.refreshTask, Commands.copyTaskId, Commands.copyTaskDetails, Commands.untrackTask, Commands.loadMore, Commands.retry];
// Commands run by clicking a tree row ("Load more…", "Retry") rather than from a menu.
const ROW_ACTIONS: string[] = [Commands.loadMore, Commands.retry];

describe('package.json manifest', () => {
  it('has no key twice in one object (JSON.parse keeps only the last, so a duplicate menu silently drops entries)', () => {
    const duplicates: string[] = [];
    const keysOfOpenObjects: Set<string>[] = [];
    visit(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), {
      onObjectBegin: () => { keysOfOpenObjects.push(new Set()); },
      onObjectEnd: () => { keysOfOpenObjects.pop(); },
      onObjectProperty: (key, _offset, _length, line) => {
        const keys = keysOfOpenObjects[keysOfOpenObjects.length - 1];
        if (keys?.has(key)) duplicates.push(`${key} (line ${line + 1})`);
        keys?.add(key);
      },
    });
    assert.deepEqual(duplicates, []);
  });

  describe('commands', () => {
    it('declares every id of src/constants.ts Commands exactly once, and nothing else', () => {
      const declared = manifest.contributes.commands.map((c) => c.command);
      const dupes = declared.filter((id, i) => declared.indexOf(id) !== i);
      assert.deepEqual(dupes, [], 'declared twice');
      assert.deepEqual([...declared].sort(), [...commandIds].sort());
    });

    it('gives every command the "Huawei DNS" category, a huaweiDns. id and a localised title', () => {
      for (const c of manifest.contributes.commands) {
        assert.equal(c.category, 'Huawei DNS', c.command);
        assert.match(c.command, /^huaweiDns\.[a-zA-Z]+$/);
        assert.match(c.title, /^%command\.[\w.]+%$/, `${c.command} title goes through package.nls.json`);
      }
    });

    it('titles huaweiDns.showBatchTask "Show Batch Task"', () => {
      const c = manifest.contributes.commands.find((x) => x.command === Commands.showBatchTask);
      assert.equal(localized(c!.title), 'Show Batch Task');
    });

    it('hides tree-node commands from the palette and keeps them reachable from the tree', () => {
      const hidden = new Set((manifest.contributes.menus.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
      const inTree = new Set((manifest.contributes.menus['view/item/context'] ?? []).map((m) => m.command));
      for (const id of NODE_ONLY) assert.ok(hidden.has(id), `${id} hidden from the palette`);
      // Hidden commands are reached from a tree item's context menu, or are the click action of a row.
      for (const id of hidden) assert.ok(inTree.has(id) || ROW_ACTIONS.includes(id), `${id} is hidden from the palette and unreachable`);
      for (const id of [Commands.showBatchTask, Commands.signIn, Commands.trackTask, Commands.showLogs, Commands.revealInZoneFile]) {
        assert.ok(!hidden.has(id), `${id} stays in the palette`);
      }
    });

    it('only references declared commands in menus, and only declared views', () => {
      const declared = new Set(commandIds);
      for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
        for (const item of items) assert.ok(declared.has(item.command), `${menu}: ${item.command}`);
      }
      for (const item of [...(manifest.contributes.menus['view/title'] ?? []), ...(manifest.contributes.menus['view/item/context'] ?? [])]) {
        assert.match(item.when ?? '', new RegExp(`view == ${Views.tasks.replace('.', '\\.')}`), `${item.command} scoped to the tasks view`);
      }
    });

    it('only uses context keys declared in ContextKeys', () => {
      const known = new Set<string>(Object.values(ContextKeys));
      const whens = [
        ...Object.values(manifest.contributes.menus).flat().map((m) => m.when ?? ''),
        ...manifest.contributes.viewsWelcome.map((w) => w.when ?? ''),
      ];
      for (const when of whens) {
        for (const key of when.match(/huaweiDns\.[a-zA-Z]+/g) ?? []) {
          if (key === Views.tasks || key === WebviewTypes.failedItems) continue;
          assert.ok(known.has(key), `unknown context key ${key} in "${when}"`);
        }
      }
    });
  });

  describe('views', () => {
    it('puts the tasks view in the "DNS Batch Tasks" activity-bar container with an icon', () => {
      const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === Views.container);
      assert.ok(container, 'container declared');
      assert.equal(localized(container.title), 'DNS Batch Tasks');
      assert.ok(container.icon.startsWith('$(') || fs.existsSync(path.join(ROOT, container.icon)), `icon ${container.icon} exists`);
      assert.deepEqual(manifest.contributes.views[Views.container]!.map((v) => v.id), [Views.tasks]);
    });

    it('has a signed-out welcome with a Sign In link', () => {
      const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === Views.tasks && w.when === `!${ContextKeys.signedIn}`);
      assert.ok(welcome, 'signed-out welcome');
      assert.match(localized(welcome.contents), new RegExp(`\\(command:${Commands.signIn.replace('.', '\\.')}\\)`));
    });
  });

  describe('activation and capabilities', () => {
    it('has no "*" (or startup) activation: activation is inferred from contributions', () => {
      const events = manifest.activationEvents ?? [];
      assert.ok(!events.includes('*'), '"*" activation');
      assert.ok(!events.includes('onStartupFinished'), 'onStartupFinished activation');
      for (const e of events) assert.ok(!e.startsWith('onCommand:') && !e.startsWith('onView:'), `${e} is inferred by VS Code; drop it`);
      for (const e of events.filter((x) => x.startsWith('onWebviewPanel:'))) {
        assert.ok((Object.values(WebviewTypes) as string[]).includes(e.slice('onWebviewPanel:'.length)), e);
      }
    });

    it('declares limited support for untrusted and virtual workspaces, with descriptions', () => {
      for (const cap of ['untrustedWorkspaces', 'virtualWorkspaces']) {
        const c = manifest.capabilities?.[cap];
        assert.ok(c, `${cap} declared`);
        assert.equal(c.supported, 'limited', cap);
        assert.ok(c.description && localized(c.description).length > 20, `${cap} description`);
      }
    });

    it('requires the VS Code version whose API types it compiles against, and bundles to dist/', () => {
      const engine = /^\^?(\d+\.\d+)\.\d+$/.exec(manifest.engines.vscode);
      const types = /(\d+\.\d+)/.exec(manifest.devDependencies['@types/vscode'] ?? '');
      assert.ok(engine && types, 'engines.vscode and @types/vscode versions');
      assert.equal(engine[1], types[1], 'engines.vscode must match @types/vscode (the oldest API used)');
      assert.equal(manifest.main, './dist/entry.js');
    });
  });

  describe('settings', () => {
    const props = manifest.contributes.configuration.properties;

    it('declares exactly the keys of SettingKeys under the huaweiDns section', () => {
      const expected = Object.values(SettingKeys).map((k) => `${SETTINGS_SECTION}.${k}`);
      assert.deepEqual(Object.keys(props).sort(), expected.sort());
    });

    it('gives every setting a type, a default and a localised description', () => {
      for (const [key, s] of Object.entries(props)) {
        assert.ok(s.type, `${key} type`);
        assert.ok('default' in s, `${key} default`);
        const d = s.markdownDescription ?? s.description;
        assert.ok(d && /^%[\w.]+%$/.test(d), `${key} description through package.nls.json`);
      }
    });
  });

  describe('localisation', () => {
    const keys = [...placeholders(manifest)];

    it('resolves every %key% in package.nls.json and package.nls.zh-cn.json', () => {
      assert.ok(keys.length > 20, 'the manifest is localised');
      assert.deepEqual(keys.filter((k) => !(k in nls)), [], 'missing in package.nls.json');
      assert.deepEqual(keys.filter((k) => !(k in nlsZh)), [], 'missing in package.nls.zh-cn.json');
    });

    it('has no stale keys and no empty strings in either bundle', () => {
      const used = new Set(keys);
      for (const [name, bundle] of [['package.nls.json', nls], ['package.nls.zh-cn.json', nlsZh]] as const) {
        assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], `${name}: keys no manifest entry uses`);
        assert.deepEqual(Object.entries(bundle).filter(([, v]) => !v.trim()).map(([k]) => k), [], `${name}: empty strings`);
      }
    });

    it('keeps command links in the Chinese welcome text identical to the English ones', () => {
      for (const key of keys.filter((k) => k.startsWith('viewsWelcome.'))) {
        const links = (s: string) => (s.match(/\(command:[\w.]+\)/g) ?? []).sort();
        assert.deepEqual(links(nlsZh[key]!), links(nls[key]!), key);
      }
    });
  });
});
