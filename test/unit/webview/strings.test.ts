import * as assert from 'node:assert/strict';
import { explainFailure, FAILURE_TEXTS } from '../../../src/core';
import { explanationTemplates, S, setStrings, t, translateExplanation } from '../../../src/shared/webviewStrings';

describe('webview strings', () => {
  afterEach(() => setStrings(undefined));

  it('fills placeholders in order', () => {
    assert.equal(t('range', '501', '1,000', '12,345'), 'items 501–1,000 of 12,345');
    assert.equal(t('emptyDone', '2,000'), 'No failed items — all 2,000 succeeded');
  });

  it('uses the host translation, falling back to English for missing, empty or unknown keys', () => {
    setStrings({ range: '第 {0}–{1} 项，共 {2} 项', retry: '', bogus: 'x' });
    assert.equal(t('range', 1, 50, 120), '第 1–50 项，共 120 项');
    assert.equal(t('retry'), S.retry);
    assert.equal(t('loadAll'), S.loadAll);
  });

  it('leaves a placeholder without an argument visible rather than inventing text', () => {
    assert.equal(t('matches', 3), '3 of {1} match');
  });

  it('explains failures in the host\'s words: every explanation template travels, a missing one stays English', () => {
    const keys = explanationTemplates().map(([k]) => k);
    assert.equal(keys.length, Object.keys(FAILURE_TEXTS).length * 2);
    assert.ok(keys.every((k) => k.length <= 64), 'the protocol takes keys of at most 64 characters');
    setStrings({ 'explain.invalid-ttl.summary': 'TTL 超出范围。', 'explain.permission.named.fix': '授予 {0}。' });
    const ttl = explainFailure('Invalid TTL, the value should be an integer from 1 to 2147483647.', translateExplanation);
    assert.equal(ttl.summary, 'TTL 超出范围。');
    assert.equal(ttl.fix, FAILURE_TEXTS['invalid-ttl'].fix);
    assert.equal(explainFailure("Policy doesn't allow dns:recordset:create to be performed.", translateExplanation).fix, '授予 dns:recordset:create。');
    setStrings(undefined);
    assert.equal(explainFailure('Invalid TTL, x', translateExplanation).summary, FAILURE_TEXTS['invalid-ttl'].summary);
  });
});
