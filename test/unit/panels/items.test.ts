import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { filterItems, groupByMessage, itemMatcher } from '../../../src/shared/items';

const it1 = (item: string, errorMessage: string) => ({ item, errorMessage });

describe('filter and group failed items', () => {
  it('filters case-insensitively on the item or the message', () => {
    const list = [it1('WWW.example.com.', 'Record exists'), it1('mail.example.com.', 'quota EXCEEDED'), it1('x.org.', 'ok')];
    assert.deepEqual(filterItems(list, 'www').map((i) => i.item), ['WWW.example.com.']);
    assert.deepEqual(filterItems(list, 'exceeded').map((i) => i.item), ['mail.example.com.']);
    assert.deepEqual(filterItems(list, '  EXAMPLE ').length, 2);
    assert.equal(filterItems(list, '').length, 3);
    assert.equal(itemMatcher('nothing')(list[0]!), false);
  });

  it('groups by message, most frequent first, ties by first appearance, items in server order', () => {
    const groups = groupByMessage([it1('a', 'B'), it1('b', 'C'), it1('c', 'A'), it1('d', 'A'), it1('e', 'C')]);
    assert.deepEqual(
      groups.map((g) => [g.message, g.items.map((i) => i.item)]),
      [
        ['C', ['b', 'e']],
        ['A', ['c', 'd']],
        ['B', ['a']],
      ],
    );
    const more = groupByMessage([it1('a.', 'X'), it1('b.', 'Y'), it1('c.', 'Y'), it1('d.', 'Z'), it1('e.', 'X'), it1('f.', 'Y')]);
    assert.deepEqual(more.map((g) => [g.message, g.items.map((i) => i.item)]), [
      ['Y', ['b.', 'c.', 'f.']],
      ['X', ['a.', 'e.']],
      ['Z', ['d.']],
    ]);
    assert.deepEqual(groupByMessage([]), []);
  });

  it('groups partition the items: every item in exactly one group, counts sum up, sorted by count', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ item: fc.string(), errorMessage: fc.constantFrom('x', 'y', 'z', '') })), (list) => {
        const groups = groupByMessage(list);
        assert.equal(groups.reduce((n, g) => n + g.items.length, 0), list.length);
        assert.equal(new Set(groups.map((g) => g.message)).size, groups.length);
        for (const g of groups) for (const i of g.items) assert.equal(i.errorMessage, g.message);
        const first = (m: string) => list.findIndex((i) => i.errorMessage === m);
        for (let k = 1; k < groups.length; k++) {
          const [a, b] = [groups[k - 1]!, groups[k]!];
          assert.ok(a.items.length > b.items.length || (a.items.length === b.items.length && first(a.message) < first(b.message)));
        }
      }),
    );
  });
});
