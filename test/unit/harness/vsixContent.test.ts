// The VSIX content rules and the zip reader behind scripts/check-vsix.js.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { script } from './load';

interface Rule { name: string; ok: boolean; offenders: string[] }
const vsix = script<{
  checkVsixEntries(entries: string[]): Rule[];
  listZip(file: string): string[];
  readEntry(file: string, name: string): Buffer;
  bundlesLinkingMaps(file: string): string[];
}>('scripts/lib/vsixContent.js');

const GOOD = [
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/entry.js',
  'extension/dist/extension.js',
  'extension/dist/webview.js',
  'extension/media/activity-bar.svg',
  'extension/media/',
  'extension/l10n/bundle.l10n.json',
  'extension/l10n/bundle.l10n.zh-cn.json',
];

const failing = (entries: string[]) => vsix.checkVsixEntries(entries).filter((r) => !r.ok);

/** A minimal zip (central directory + local headers) with stored or deflated entries. */
function makeZip(entries: { name: string; data: string; deflate?: boolean }[]): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.from(e.data);
    const body = e.deflate ? zlib.deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-test-')), 'x.vsix');
  fs.writeFileSync(file, Buffer.concat([...locals, cd, eocd]));
  return file;
}

describe('harness: VSIX content rules', () => {
  it('accepts what vsce packs for this extension', () => {
    assert.deepEqual(failing(GOOD), []);
  });

  for (const [what, entry, rule] of [
    ['a source map', 'extension/dist/extension.js.map', /source maps/],
    ['node_modules', 'extension/node_modules/undici/index.js', /node_modules/],
    ['compiled tests', 'extension/out/test/unit/x.test.js', /no tests/],
    ['a test folder', 'extension/test/fixtures/workspace/example.com.zone', /no tests/],
    ['TypeScript sources', 'extension/src/extension.ts', /TypeScript/],
    ['a stray config', 'extension/tsconfig.json', /only dist/],
    ['a file outside extension/', 'notes.txt', /under extension/],
    ['a nested dist file', 'extension/dist/sub/chunk.js', /only dist/],
  ] as const) {
    it(`rejects ${what}`, () => {
      const bad = failing([...GOOD, entry]);
      assert.ok(bad.some((r) => rule.test(r.name) && r.offenders.includes(entry)), JSON.stringify(bad));
    });
  }

  it('requires the bundle, the entry that loads it, and the manifest', () => {
    for (const needed of ['extension/dist/extension.js', 'extension/dist/entry.js', 'extension/package.json']) {
      const bad = failing(GOOD.filter((e) => e !== needed));
      assert.deepEqual(bad.map((r) => r.offenders), [[needed]], needed);
    }
  });
});

describe('harness: zip reader', () => {
  it('lists entries and reads stored and deflated content', () => {
    const file = makeZip([
      { name: 'extension/package.json', data: '{"name":"x"}' },
      { name: 'extension/dist/extension.js', data: 'console.log(1);'.repeat(50), deflate: true },
    ]);
    assert.deepEqual(vsix.listZip(file), ['extension/package.json', 'extension/dist/extension.js']);
    assert.equal(vsix.readEntry(file, 'extension/package.json').toString(), '{"name":"x"}');
    assert.equal(vsix.readEntry(file, 'extension/dist/extension.js').toString(), 'console.log(1);'.repeat(50));
  });

  it('finds bundles that still reference a source map', () => {
    const file = makeZip([
      { name: 'extension/dist/extension.js', data: 'a();\n//# sourceMappingURL=extension.js.map\n', deflate: true },
      { name: 'extension/dist/webview.js', data: 'b();' },
    ]);
    assert.deepEqual(vsix.bundlesLinkingMaps(file), ['extension/dist/extension.js']);
  });

  it('refuses a file that is not a zip', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-test-')), 'bad.vsix');
    fs.writeFileSync(file, 'not a zip at all, just some text that is long enough');
    assert.throws(() => vsix.listZip(file), /not a zip/);
  });
});
