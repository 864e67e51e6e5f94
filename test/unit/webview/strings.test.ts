import * as assert from 'node:assert/strict';
import { S, setStrings, t } from '../../../src/shared/webviewStrings';

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
});
