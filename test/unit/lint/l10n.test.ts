// The pre-flight findings and the failure explanations speak the user's language: every English template of
// src/core/lint/messages.ts, src/core/zone/messages.ts (the syntax findings) and src/core/explain.ts has an entry in the l10n bundles (the host's vscode.l10n.t
// and the worker's translatorFrom look the template up there), the Chinese one with the same placeholders.
import * as assert from 'node:assert/strict';
import { explainFailure, lintZoneFile, LINT_MESSAGES } from '../../../src/core';
import { FAILURE_TEXTS } from '../../../src/core/explain';
import { translatorFrom } from '../../../src/core/zone/worker';
import { ZONE_MESSAGES } from '../../../src/core/zone/index';
import { bundle, HAN, placeholders } from '../../support/l10nBundles';

const english = bundle('bundle.l10n.json');
const chinese = bundle('bundle.l10n.zh-cn.json');


const TEMPLATES: [where: string, template: string][] = [
  ...Object.entries(LINT_MESSAGES).map(([id, t]): [string, string] => [`LINT_MESSAGES.${id}`, t]),
  ...Object.entries(ZONE_MESSAGES).map(([id, t]): [string, string] => [`ZONE_MESSAGES.${id}`, t]),
  ...Object.entries(FAILURE_TEXTS).flatMap(([kind, w]): [string, string][] => [[`FAILURE_TEXTS.${kind}.summary`, w.summary], [`FAILURE_TEXTS.${kind}.fix`, w.fix]]),
];

describe('pre-flight and failure texts in the user\'s language', () => {
  it('has every lint and explanation template in bundle.l10n.json as itself', () => {
    const missing = TEMPLATES.filter(([, t]) => english[t] !== t).map(([where]) => where);
    assert.deepEqual(missing, []);
  });

  it('has a Chinese (zh-cn) entry for every template, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [where, template] of TEMPLATES) {
      const zh = chinese[template];
      if (typeof zh !== 'string' || !zh.trim()) problems.push(`${where}: missing`);
      else if (!HAN.test(zh)) problems.push(`${where}: not translated`);
      else if (placeholders(zh).join() !== placeholders(template).join()) problems.push(`${where}: placeholders ${placeholders(zh).join()} instead of ${placeholders(template).join()}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(TEMPLATES.length >= 50, `${TEMPLATES.length} templates`);
  });

  it('gives the findings in Chinese when the display language is zh-cn (the bundle the host hands the worker)', async () => {
    const text = '$ORIGIN example.com.\n$TTL 300\nold IN HINFO "PC" "Linux"\nbig 0 IN A 192.0.2.1\n';
    const result = await lintZoneFile('/virtual/example.com.zone', { origin: 'example.com.', root: '/virtual', text, translate: translatorFrom(chinese) });
    const byRule = Object.fromEntries(result.findings.map((f) => [f.rule, f.message]));
    assert.equal(byRule['unsupported-type'], 'HINFO 记录无法导入：华为云 DNS 公网域名只接受 A、AAAA、CNAME、MX、TXT、SRV、NS 和 CAA。请删除该记录或更改其类型。');
    assert.match(byRule['ttl-range'] ?? '', /^TTL 0 超出范围：华为云 DNS 接受 1 到 2147483647 秒/);
    // English without a bundle (the display language is English: vscode.l10n.bundle is undefined).
    const plain = await lintZoneFile('/virtual/example.com.zone', { origin: 'example.com.', root: '/virtual', text, translate: translatorFrom(undefined) });
    assert.match(plain.findings.find((f) => f.rule === 'unsupported-type')?.message ?? '', /^HINFO records cannot be imported/);
  });

  it('gives the indexer\'s syntax findings in Chinese, with what they name, and in English without a bundle', async () => {
    const text = '$ORIGIN example.com.\n$FOO bar\nwww IN BOGUS!! 1\nq TXT "open\n$INCLUDE ../../etc/passwd\nok A 192.0.2.1\n';
    const lint = (translate = translatorFrom(chinese)): Promise<string[]> =>
      lintZoneFile('/virtual/example.com.zone', { origin: 'example.com.', root: '/virtual', text, translate }).then((r) => r.findings.filter((f) => f.rule === 'syntax').map((f) => `${f.line}: ${f.message}`));
    assert.deepEqual(await lint(), [
      '2: 未知的指令 $FOO',
      '3: 未知的记录类型“BOGUS!!”',
      '4: 引号未闭合：该字符串在行尾结束',
      '5: $INCLUDE：../../etc/passwd 位于工作区之外',
    ]);
    assert.deepEqual(await lint(translatorFrom(undefined)), [
      '2: Unknown directive $FOO',
      '3: Unknown record type "BOGUS!!"',
      '4: Unclosed quote: the string ends at the end of its line',
      '5: $INCLUDE: ../../etc/passwd is outside the workspace',
    ]);
  });

  it('explains a failure in Chinese, naming what the server named', () => {
    const zh = translatorFrom(chinese);
    const ttl = explainFailure('Invalid TTL, the value should be an integer from 1 to 2147483647.', zh);
    assert.deepEqual([ttl.kind, ttl.summary], ['invalid-ttl', 'TTL 超出了 API 接受的范围。']);
    const denied = explainFailure("Policy doesn't allow dns:recordset:create to be performed.", zh);
    assert.equal(denied.summary, '凭据缺少 IAM 权限 dns:recordset:create。');
    // An unknown text is shown as the server sent it, whatever the language.
    assert.equal(explainFailure('Something odd.', zh).summary, 'Something odd.');
  });
});
