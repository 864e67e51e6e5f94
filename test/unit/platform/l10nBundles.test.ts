// Every text the extension shows through vscode.l10n.t has an entry in both bundles, the Chinese one translated
// with the same placeholders: a string added without one is shown in English to a zh-cn user, silently. The
// strings are found by @vscode/l10n-dev, the same extractor `l10n-dev export` uses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.resolve(__dirname, '../../../..');
const bundle = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', name), 'utf8')) as Record<string, string>;
const placeholders = (s: string): string => (s.match(/\{\d+\}/g) ?? []).sort().join();
const HAN = /[\u4e00-\u9fff]/;
/** Texts with no word to translate (`ID`, `TTL`) may stay as they are. */
const NOTHING_TO_TRANSLATE = /^[A-Z0-9 _{}.:/-]+$/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('l10n bundles', () => {
  it('hold every vscode.l10n.t text of src/, in English as itself and in Chinese with the same placeholders', async function () {
    this.timeout(60_000);
    const files = sources(path.join(ROOT, 'src')).map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') }));
    const texts = Object.keys(await getL10nJson(files));
    assert.ok(texts.length > 200, `only ${texts.length} texts extracted: the extractor found too little`);
    const english = bundle('bundle.l10n.json');
    const chinese = bundle('bundle.l10n.zh-cn.json');
    const problems: string[] = [];
    for (const text of texts) {
      const zh = chinese[text];
      if (english[text] !== text) problems.push(`not in bundle.l10n.json: ${text}`);
      if (typeof zh !== 'string') problems.push(`no zh-cn entry: ${text}`);
      else if (!HAN.test(zh) && !NOTHING_TO_TRANSLATE.test(text)) problems.push(`zh-cn entry not translated: ${text}`);
      else if (placeholders(zh) !== placeholders(text)) problems.push(`zh-cn placeholders differ: ${text}`);
    }
    assert.deepEqual(problems, []);
  });
});
