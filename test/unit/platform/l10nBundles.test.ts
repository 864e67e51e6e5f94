// Every text the extension shows through vscode.l10n.t has an entry in both bundles, the Chinese one translated
// with the same placeholders: a string added without one is shown in English to a zh-cn user, silently. The
// strings are found by @vscode/l10n-dev, the same extractor `l10n-dev export` uses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { bundle, HAN, placeholders } from '../../support/l10nBundles';

const SRC = path.resolve(__dirname, '../../../../src');
/** Texts with no word to translate (`ID`, `TTL`) may stay as they are. */
const NOTHING_TO_TRANSLATE = /^[A-Z0-9 _{}.:/-]+$/;

describe('l10n bundles', () => {
  it('hold every vscode.l10n.t text of src/, in English as itself and in Chinese with the same placeholders', async function () {
    this.timeout(60_000);
    const files = fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => ({ extension: '.ts', contents: fs.readFileSync(path.join(SRC, f), 'utf8') }));
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
      else if (placeholders(zh).join() !== placeholders(text).join()) problems.push(`zh-cn placeholders differ: ${text}`);
    }
    assert.deepEqual(problems, []);
  });
});
