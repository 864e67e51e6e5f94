// The editor's side of the pre-flight rules agrees with the rules themselves: the settings schema offers each
// rule id once, and the README's table (the diagnostics' code links) has a row for each.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINT_RULE_IDS, LINT_RULES } from '../../../src/core';

const ROOT = path.resolve(__dirname, '../../../..');

describe('lint in the editor: manifest and README', () => {
  it('offers a severity setting for exactly the rule ids', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { properties?: Record<string, { enum?: string[] }> }> } };
    };
    const rules = manifest.contributes.configuration.properties['huaweiDns.lint.rules']?.properties ?? {};
    assert.deepEqual(Object.keys(rules).sort(), [...LINT_RULE_IDS].sort());
    for (const [rule, schema] of Object.entries(rules)) assert.deepEqual(schema.enum, ['error', 'warning', 'info', 'off'], rule);
  });

  it('has one README row per rule, with the rule\'s own severity', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const rule of LINT_RULE_IDS) {
      const rows = readme.split('\n').filter((l) => l.startsWith(`| \`${rule}\` |`));
      assert.equal(rows.length, 1, `README row for ${rule}`);
      assert.match(rows[0]!, new RegExp(`^\\| \`${rule}\` \\| ${LINT_RULES[rule]} \\|`), `${rule} severity in the README`);
    }
  });
});
