// One oversize page must not leave the panel on "Loading…" (issue #14, item 6): what the host posts always
// passes the webview's validation, with long strings cut visibly, pages split and counts clamped.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseHostMessage, TRUNCATED_NOTE } from '../../../src/shared/normaliseHostMessage';
import { parseHostMessage, type HostMessage } from '../../../src/shared/protocol';

const item = (i: number, size = 10) => ({ item: `host${i}.nw.`.padEnd(size, 'x'), errorMessage: 'Refused' });

function assertAllValid(messages: HostMessage[]): void {
  for (const m of messages) {
    const parsed = parseHostMessage(JSON.parse(JSON.stringify(m)));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  }
}

describe('shared/normaliseHostMessage', () => {
  it('cuts an item over 64 KiB visibly, saying how long it was', () => {
    const big = 'a'.repeat(70_000);
    const out = normaliseHostMessage({ type: 'page', offset: 0, limit: 50, total: 1, items: [{ item: big, errorMessage: big }] });
    assertAllValid(out);
    const page = out[0] as Extract<HostMessage, { type: 'page' }>;
    assert.ok(page.items[0]!.item.length <= 64 * 1024);
    assert.match(page.items[0]!.item, /… \(truncated, 70,000 characters\)$/);
    assert.ok(TRUNCATED_NOTE.length > 0);
  });

  it('a page with more items than asked for keeps the items asked for, a total above 2^53 is clamped', () => {
    const items = Array.from({ length: 700 }, (_, i) => item(i));
    const out = normaliseHostMessage({ type: 'page', offset: 0, limit: 500, total: Number.MAX_SAFE_INTEGER * 4, items });
    assertAllValid(out);
    const page = out[0] as Extract<HostMessage, { type: 'page' }>;
    assert.equal(page.items.length, 500);
    assert.equal(page.total, Number.MAX_SAFE_INTEGER);
  });

  it('Load All chunks are split, never dropped: every item arrives at its offset', () => {
    const chunks = [{ offset: 0, items: Array.from({ length: 30_000 }, (_, i) => item(i)) }];
    const out = normaliseHostMessage({ type: 'loadAllChunk', chunks, loaded: 30_000, total: 30_000 });
    assertAllValid(out);
    assert.ok(out.length > 1, 'split into several messages');
    const seen: string[] = [];
    for (const m of out) {
      assert.equal(m.type, 'loadAllChunk');
      for (const c of (m).chunks) c.items.forEach((it, k) => (seen[c.offset + k] = it.item));
    }
    assert.equal(seen.length, 30_000);
    assert.equal(seen.filter(Boolean).length, 30_000);
    assert.equal(seen[29_999], item(29_999).item);
  });

  it('whatever the counts and strings, the result passes the webview\'s validation (property)', () => {
    const hostileCount = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, Infinity, -Infinity, NaN, -1, 1.5));
    const hostileText = fc.oneof(fc.string({ maxLength: 20 }), fc.integer({ min: 60_000, max: 140_000 }).map((n) => 'z'.repeat(n)));
    fc.assert(
      fc.property(
        hostileCount,
        hostileCount,
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.record({ item: hostileText, errorMessage: hostileText }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 1200 }),
        (offset, total, limit, sample, extra) => {
          const items = [...sample, ...Array.from({ length: extra }, (_, i) => item(i))];
          assertAllValid(normaliseHostMessage({ type: 'page', offset, limit, total, items }));
          assertAllValid(normaliseHostMessage({ type: 'loadAllChunk', chunks: [{ offset, items }], loaded: offset, total }));
          assertAllValid(normaliseHostMessage({ type: 'loadAllStarted', total }));
          assertAllValid(normaliseHostMessage({ type: 'loadAllDone', outcome: 'done', total }));
          assertAllValid(normaliseHostMessage({ type: 'notice', message: sample[0]?.item ?? '' }));
        },
      ),
      { numRuns: 60 },
    );
  });
});
