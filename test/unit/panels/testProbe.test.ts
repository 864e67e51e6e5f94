// The test probe lives beside the product protocol: the product refuses its messages as product messages and
// recognises them as another channel's; the probe's own schema checks them; only a probing HTML turns it on.
import * as assert from 'node:assert/strict';
import { newNonce, renderHtml } from '../../../src/panels/html';
import { isOtherChannel, parseWebviewMessage } from '../../../src/shared/protocol';
import { parseProbeMessage, PROBE_ATTRIBUTE, PROBE_CHANNEL } from '../../../src/shared/testProbe';

const ack = { channel: PROBE_CHANNEL, type: 'rendered', mode: 'page', offset: 0, rows: 3, total: 3, grouped: false };

describe('test probe beside the webview protocol', () => {
  it('the product protocol has no render acknowledgement, and drops the probe as another channel', () => {
    const { channel: _c, ...bare } = ack;
    assert.equal(parseWebviewMessage(bare).ok, false, 'a bare `rendered` is not a product message');
    assert.equal(parseWebviewMessage(ack).ok, false);
    assert.equal(isOtherChannel(ack), true);
    assert.equal(isOtherChannel({ type: 'ready' }), false);
    assert.equal(isOtherChannel(null), false);
    assert.equal(isOtherChannel('rendered'), false);
  });

  it('validates acknowledgements: the exact shape, nothing more', () => {
    const ok = parseProbeMessage(ack);
    assert.ok(ok.ok && ok.ack.rows === 3);
    for (const bad of [
      { ...ack, rows: -1 },
      { ...ack, mode: 'maybe' },
      { ...ack, channel: 'other' },
      { ...ack, extra: 1 },
      { ...ack, grouped: 'no' },
    ]) {
      assert.equal(parseProbeMessage(bad).ok, false, JSON.stringify(bad));
    }
  });

  it('is switched on only by a probing HTML', () => {
    const base = { cspSource: 'https://x.example', nonce: newNonce(), scriptUri: 'https://x.example/w.js', styleUri: 'https://x.example/w.css', title: 't' };
    assert.doesNotMatch(renderHtml(base), new RegExp(PROBE_ATTRIBUTE));
    assert.doesNotMatch(renderHtml({ ...base, probe: false }), new RegExp(PROBE_ATTRIBUTE));
    assert.match(renderHtml({ ...base, probe: true }), new RegExp(`<body ${PROBE_ATTRIBUTE}>`));
  });
});
