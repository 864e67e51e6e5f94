// The extension's l10n bundles as the unit tests read them, and the two checks every translation must pass.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** l10n/<name> parsed: English or Chinese text by English text. */
export function bundle(name: 'bundle.l10n.json' | 'bundle.l10n.zh-cn.json'): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', name), 'utf8')) as Record<string, string>;
}

/** The placeholders of a template, sorted: `{1} … {0} … {1}` gives ['{0}', '{1}', '{1}']. */
export const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();

/** Any Han character: a zh-cn entry without one was left in English. */
export const HAN = /[\u4e00-\u9fff]/;
