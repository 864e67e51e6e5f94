// A large entry file is indexed in two chunks at once (src/core/zone/split.ts): the result must be exactly the
// sequential one, wherever the chunk starts, whatever comes before it (origins, TTLs, parentheses, quotes), and
// whether the second chunk is parsed by the worker thread or in this one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { indexZoneFileCompact, type IndexZoneOptions } from '../../../src/core/zone/index';
import { CompactIndex, type CompactZoneIndex } from '../../../src/core/zone/store';
import { chunkStart, guessOrigin } from '../../../src/core/zone/split';
import { useTempDir } from '../../support/tempDir';

/** Everything an index tells: records with details, lookups, diagnostics, apex, origins, the arrays lint reads. */
function dump(c: CompactZoneIndex): unknown {
  const index = new CompactIndex(c);
  const records = [...index.records()].map((r) => ({ ...r, ...index.details(r) }));
  const names = [...new Set(records.map((r) => r.name))];
  return {
    records, apex: c.apex, files: c.files, diagnostics: c.diagnostics, originFrom: c.originFrom, originNames: c.originNames,
    lookups: names.map((n) => index.lookup(n).map((r) => `${r.type} ${r.line}`)),
    arrays: [c.recStart, c.recEnd, c.recData, c.recTtl, c.recLine].map((a) => Array.from(a)),
    owners: c.names.count, types: c.types,
  };
}

describe('zone indexer: a large file in two chunks', () => {
  const tmp = useTempDir('zone-split-');
  /** The split index equals the sequential one; returns whether the second chunk's records were used. */
  const same = async (text: string, at: number, extra: Partial<IndexZoneOptions> = {}): Promise<boolean> => {
    const file = tmp.write('zone.db', text);
    const options = { origin: 'example.org.', root: tmp.path, ...extra };
    const seq = dump(await indexZoneFileCompact(file, { ...options, split: { minBytes: Infinity } }));
    let merged = false;
    const split = dump(await indexZoneFileCompact(file, { ...options, split: { minBytes: 0, at, inThread: true, outcome: (m) => (merged = m) } }));
    assert.deepStrictEqual(split, seq);
    return merged;
  };

  it('starts a chunk only at column 1 of a line that begins with an owner', () => {
    const buf = Buffer.from('$TTL 1h\n; c\n\tA 192.0.2.1\n(x) A 192.0.2.2\nb A 192.0.2.3\n');
    assert.strictEqual(chunkStart(buf, 1), buf.indexOf('b A'));
    assert.strictEqual(chunkStart(Buffer.from('a A 192.0.2.1\n\tA 192.0.2.2\n'), 1), -1);
  });

  it('guesses the origin from the last $ORIGIN before the chunk, relative ones through the ones before', () => {
    const buf = Buffer.from('$ORIGIN a.test.\nx A 192.0.2.1\n$ORIGIN sub\ny A 192.0.2.2\nz A 192.0.2.3\n');
    assert.strictEqual(guessOrigin(buf, buf.indexOf('z A'), 'example.org.'), 'sub.a.test.');
    assert.strictEqual(guessOrigin(buf, buf.indexOf('x A'), 'example.org.'), 'a.test.');
    assert.strictEqual(guessOrigin(Buffer.from('x A 192.0.2.1\ny A 192.0.2.2\n'), 14, 'example.org.'), 'example.org.');
  });

  it('records without a TTL after the chunk start take the $TTL before it, else the record before it', async () => {
    const tail = 'b A 192.0.2.2\n\tA 192.0.2.3\nc 99 A 192.0.2.4\nd A 192.0.2.5\n$TTL 7\ne A 192.0.2.6\n';
    for (const head of ['$TTL 1h\na 60 A 192.0.2.1\n', 'a 60 A 192.0.2.1\n', '; nothing before\n', '$TTL 5\n']) {
      const text = head + tail;
      assert.ok(await same(text, text.indexOf('b A')));
      assert.ok(await same(text, text.indexOf('d A')));
    }
  });

  it('$ORIGIN before the chunk, relative and absolute, and inside it', async () => {
    const text = '$ORIGIN a.test.\nx A 192.0.2.1\n$ORIGIN sub\ny A 192.0.2.2\n@ MX 10 y\nz A 192.0.2.3\n$ORIGIN c.test.\nw CNAME x\n';
    for (const word of ['y A', 'z A', 'w CNAME']) assert.ok(await same(text, text.indexOf(word)), word);
  });

  it('a chunk start inside parentheses, a quoted string or after an unclosed parenthesis falls back to the sequential parse', async () => {
    assert.strictEqual(await same('a TXT ( "one"\nb "two" )\nc A 192.0.2.1\n', 14), false);
    assert.strictEqual(await same('a TXT "one\\\nb two"\nc A 192.0.2.1\n', 11), false);
    assert.strictEqual(await same('a TXT ( "never closed"\nb A 192.0.2.1\nc A 192.0.2.2\n', 23), false);
    assert.ok(await same('a A 192.0.2.1\nb TXT ( "never closed"\nc A 192.0.2.2\n', 14));
  });

  it('$INCLUDE or $GENERATE in the chunk, or a blank owner before any owner there, fall back too', async () => {
    tmp.write('inc.db', 'i A 192.0.2.9\n');
    assert.strictEqual(await same('a A 192.0.2.1\nb A 192.0.2.2\n$INCLUDE inc.db\nc A 192.0.2.3\n', 14), false);
    assert.strictEqual(await same('a A 192.0.2.1\nb A 192.0.2.2\n$GENERATE 1-3 h$ A 192.0.2.$\n', 14), false);
    assert.strictEqual(await same(`a A 192.0.2.1\n${'x'.repeat(1100)} A 192.0.2.2\n\tA 192.0.2.3\n`, 14), false);
  });

  it('an SOA only in the second chunk is the apex; diagnostics there keep their lines', async () => {
    assert.ok(await same('a A 192.0.2.1\nb "x\nexample.org. SOA ns h 1 2 3 4 5\nc BOGUS! x\nd TXT ( "y"\n', 14));
  });

  it('no second thread when the cores are busy', async () => {
    const file = tmp.write('busy.db', 'a A 192.0.2.1\nb A 192.0.2.2\n');
    let outcome: boolean | undefined;
    await indexZoneFileCompact(file, { origin: 'example.org.', root: tmp.path, split: { minBytes: 0, busy: () => true, outcome: (m) => (outcome = m) } });
    assert.strictEqual(outcome, undefined, 'not even tried');
  });

  it('the worker thread gives the same index as the sequential parse', async () => {
    const lines = ['$TTL 300', '$ORIGIN example.org.', '@ SOA ns h 1 2 3 4 5'];
    for (let k = 0; k < 3000; k++) lines.push(k % 3 ? `h${k} A 192.0.2.${k % 250}` : `h${k} TXT ( "p${k}"\n\t"q" )`, k % 500 === 0 ? `$ORIGIN s${k}.example.org.` : '\tMX 10 mx');
    const text = lines.join('\n') + '\n';
    const file = tmp.write('big.db', text);
    const options = { origin: 'example.org.', root: tmp.path };
    const seq = dump(await indexZoneFileCompact(file, { ...options, split: { minBytes: Infinity } }));
    let merged = false;
    const split = dump(await indexZoneFileCompact(file, { ...options, split: { minBytes: 0, busy: () => false, outcome: (m) => (merged = m) } }));
    assert.deepStrictEqual(split, seq);
    assert.ok(merged, 'the worker parsed the second chunk');
    assert.ok(fs.existsSync(path.join(__dirname, '../../../src/core/zone/chunkWorker.js')), 'the compiled chunk worker is beside split.js');
  });

  it('random zones split at random bytes give the sequential index', async () => {
    const owner = fc.constantFrom('a', 'B', '*', 'x.y', '@', 'abs.test.', 'w\\046z', 'sub.example.org.');
    const line = fc.oneof(
      fc.tuple(owner, fc.constantFrom('', ' 60', ' 1h', ' IN'), fc.constantFrom(' A 192.0.2.1', ' TXT "a b"', ' MX 10 m', ' TXT ( "p"\n\t"q" )', ' PTR x')).map(([o, t, r]) => o + t + r),
      fc.constantFrom('\tA 192.0.2.7', '  60 TXT "blank owner"', '; comment', '', '$TTL 42', '$TTL 2h', '$ORIGIN sub', '$ORIGIN other.test.',
        '$origin low.test.', 'q TXT "open', 'r TXT ( "unclosed"', 's A 1 ) 2', 't TXT "esc\\\ncont"', 'u TXT ( "x" ; c )\n v', '(p) A 192.0.2.8', 'k\r\nl A 192.0.2.9'),
    );
    let merged = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), async (lines, share) => {
        const text = lines.join('\n') + '\n';
        if (await same(text, Math.floor(text.length * share))) merged++;
      }),
      { numRuns: 300 },
    );
    assert.ok(merged > 30, `only ${merged} of 300 zones were split`);
  });
});
