import * as assert from 'node:assert/strict';
import { AllItems, buildView, toRow } from '../../../src/webview/model';

const rows = (...pairs: [string, string][]) => pairs.map(([item, m], i) => toRow({ item, errorMessage: m }, i));
const opts = { filter: '', sort: 'none' as const, grouped: false, expanded: new Set<string>() };

describe('webview view model', () => {
  const src = rows(['b.example.', 'Exists'], ['A.example.', 'Quota'], ['c.example.', 'Exists']);

  it('keeps server order with no sort, and sorts case-insensitively both ways', () => {
    assert.deepEqual(buildView(src, opts).items.map((r) => r.item), ['b.example.', 'A.example.', 'c.example.']);
    assert.deepEqual(buildView(src, { ...opts, sort: 'item-asc' }).items.map((r) => r.item), ['A.example.', 'b.example.', 'c.example.']);
    assert.deepEqual(buildView(src, { ...opts, sort: 'item-desc' }).items.map((r) => r.item), ['c.example.', 'b.example.', 'A.example.']);
    // Equal keys keep server order.
    assert.deepEqual(buildView(src, { ...opts, sort: 'message-asc' }).items.map((r) => r.index), [0, 2, 1]);
  });

  it('counts matches of the filter against the loaded items', () => {
    const v = buildView(src, { ...opts, filter: 'EXISTS' });
    assert.equal(v.matches, 2);
    assert.equal(v.source, 3);
    assert.equal(v.rows.length, 2);
  });

  it('groups show one row per message, with items only under expanded groups', () => {
    const collapsed = buildView(src, { ...opts, grouped: true });
    assert.deepEqual(collapsed.rows.map((r) => (r.kind === 'group' ? `${r.message}:${r.count}` : r.row.item)), ['Exists:2', 'Quota:1']);
    const open = buildView(src, { ...opts, grouped: true, expanded: new Set(['Exists']) });
    assert.deepEqual(open.rows.map((r) => (r.kind === 'group' ? r.message : r.row.item)), ['Exists', 'b.example.', 'c.example.', 'Quota']);
    assert.equal(open.matches, 3);
  });

  it('places Load All pages by offset, whatever order they arrive in', () => {
    const all = new AllItems(6);
    all.place(3, [{ item: 'd', errorMessage: '' }, { item: 'e', errorMessage: '' }, { item: 'f', errorMessage: '' }]);
    assert.deepEqual(all.rows().map((r) => r.item), ['d', 'e', 'f']);
    all.place(0, [{ item: 'a', errorMessage: '' }, { item: 'b', errorMessage: '' }, { item: 'c', errorMessage: '' }]);
    assert.deepEqual(all.rows().map((r) => r.item), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.equal(all.loaded, 6);
    all.place(3, [{ item: 'd', errorMessage: '' }]); // a repeated page does not count twice
    assert.equal(all.loaded, 6);
  });
});
