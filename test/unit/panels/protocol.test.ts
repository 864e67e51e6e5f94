import * as assert from 'node:assert/strict';
import { parseHostMessage, parseViewState, parseWebviewMessage } from '../../../src/shared/protocol';

describe('webview protocol validation', () => {
  it('accepts well-formed messages in both directions', () => {
    assert.ok(parseWebviewMessage({ type: 'ready' }).ok);
    assert.ok(parseWebviewMessage({ type: 'requestPage', offset: 500, limit: 500 }).ok);
    assert.ok(parseWebviewMessage({ type: 'export', format: 'csv', filter: '' }).ok);
    assert.ok(parseHostMessage({ type: 'page', offset: 0, limit: 50, total: 1, items: [{ item: 'a', errorMessage: 'b' }] }).ok);
    assert.ok(parseHostMessage({ type: 'revealResult', name: 'a', result: 'not-found' }).ok);
  });

  it('rejects unknown types and non-objects', () => {
    for (const raw of [{ type: 'runCommand', command: 'workbench.action.quit' }, null, 'ready', 42, [], {}]) {
      assert.equal(parseWebviewMessage(raw).ok, false, JSON.stringify(raw));
      assert.equal(parseHostMessage(raw).ok, false, JSON.stringify(raw));
    }
  });

  it('rejects malformed payloads of known types', () => {
    const bad = [
      { type: 'requestPage', offset: -1, limit: 50 },
      { type: 'requestPage', offset: 0, limit: 501 },
      { type: 'requestPage', offset: 1.5, limit: 50 },
      { type: 'requestPage', offset: '0', limit: 50 },
      { type: 'export', format: 'xlsx', filter: '' },
      { type: 'reveal', name: 42 },
      { type: 'copyRows', items: [{ item: 'a' }] },
      { type: 'log', level: 'info', message: 'x' },
    ];
    for (const raw of bad) assert.equal(parseWebviewMessage(raw).ok, false, JSON.stringify(raw));
    assert.equal(parseHostMessage({ type: 'page', offset: 0, limit: 50, total: 1, items: [{ item: 1, errorMessage: 'b' }] }).ok, false);
    assert.equal(parseHostMessage({ type: 'page', offset: 0, limit: 50, total: 1, items: Array(501).fill({ item: 'a', errorMessage: 'b' }) }).ok, false);
  });

  it('rejects extra fields from the webview (a message means exactly what its type says)', () => {
    assert.equal(parseWebviewMessage({ type: 'refresh', command: 'x' }).ok, false);
  });

  it('reports why without echoing the payload', () => {
    const r = parseWebviewMessage({ type: 'reveal', name: { secret: 'AKIA-should-not-appear' } });
    assert.equal(r.ok, false);
    if (!r.ok) assert.doesNotMatch(r.reason, /AKIA/);
  });

  it('restores only a complete view state', () => {
    const ok = { taskId: 't', pageSize: 100, offset: 200, filter: 'x', scrollTop: 12, grouped: true, sort: 'none' };
    assert.deepEqual(parseViewState(ok), ok);
    assert.equal(parseViewState({ ...ok, pageSize: 0 }), undefined);
    assert.equal(parseViewState({ taskId: 't' }), undefined);
    assert.equal(parseViewState(undefined), undefined);
  });
});
