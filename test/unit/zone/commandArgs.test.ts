// The pure parts of the VS Code zone features: command arguments, ranking by the error message, origins.
import * as assert from 'assert';
import { parseRevealArg, rankByMessage, typesMentioned, zoneKeyOf } from '../../../src/zone/args';
import { guessOrigin, originFromFileName } from '../../../src/zone/origin';

describe('zone command arguments', () => {
  it('reads a reveal request from an object, a tree node, a string, or nothing', () => {
    assert.deepStrictEqual(parseRevealArg({ name: ' www.example.com. ', message: 'm', taskId: 't' }), { name: 'www.example.com.', message: 'm', taskId: 't' });
    assert.deepStrictEqual(parseRevealArg({ kind: 'failedItem', item: 'a.nw.', errorMessage: 'CNAME clash', taskId: 'x' }), { name: 'a.nw.', message: 'CNAME clash', taskId: 'x' });
    assert.deepStrictEqual(parseRevealArg('b.nw.'), { name: 'b.nw.' });
    assert.strictEqual(parseRevealArg(undefined), undefined);
    assert.strictEqual(parseRevealArg({ name: '  ' }), undefined);
    assert.strictEqual(parseRevealArg(42), undefined);
  });

  it('puts records whose type the message names first, as whole words only', () => {
    const recs = [{ type: 'A' }, { type: 'AAAA' }, { type: 'TXT' }];
    assert.deepStrictEqual([...typesMentioned('The TXT record is invalid', ['A', 'AAAA', 'TXT'])], ['TXT']);
    assert.deepStrictEqual(rankByMessage(recs, 'AAAA conflicts').map((r) => r.type), ['AAAA', 'A', 'TXT']);
    assert.deepStrictEqual(rankByMessage(recs, 'A record already exists').map((r) => r.type), ['A', 'AAAA', 'TXT']);
    assert.deepStrictEqual(rankByMessage(recs, undefined).map((r) => r.type), ['A', 'AAAA', 'TXT']);
  });

  it('remembers chosen files per zone (the name without its first label)', () => {
    assert.strictEqual(zoneKeyOf('Missing.Example.com'), 'example.com.');
    assert.strictEqual(zoneKeyOf('nw.'), 'nw.');
  });
});

describe('zone origin', () => {
  it('comes from the file name when the file says nothing', () => {
    assert.strictEqual(originFromFileName('/z/example.com.zone'), 'example.com.');
    assert.strictEqual(originFromFileName('db.example.com'), 'example.com.');
    assert.strictEqual(originFromFileName('Example.COM.zone.signed'), 'example.com.');
    assert.strictEqual(originFromFileName('2.0.192.in-addr.arpa'), '2.0.192.in-addr.arpa.');
    assert.strictEqual(originFromFileName('db.nw'), 'nw.');
  });

  it('prefers $ORIGIN, then an absolute SOA owner', () => {
    assert.strictEqual(guessOrigin('; c\n$ORIGIN Other.org.\n@ SOA a b 1 2 3 4 5', 'x.zone'), 'other.org.');
    assert.strictEqual(guessOrigin('$TTL 1\nzone.test. IN SOA a b 1 2 3 4 5', 'x.zone'), 'zone.test.');
    assert.strictEqual(guessOrigin('@ IN SOA a b 1 2 3 4 5', 'db.fallback.net'), 'fallback.net.');
  });
});
