// Rules that need more than a fixture: diagnostics, $INCLUDE escapes, huge $GENERATE ranges, hostile input,
// and a fuzz test that the indexer always terminates without throwing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { indexZoneFile, normalizeName, ZoneIndexPool } from '../../../src/core';
import { withTempDirIn } from '../../support/tempDir';

let tmp: string;
function write(rel: string, text: string | Buffer): string {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
async function index(text: string | Buffer, origin = 'example.org.') {
  return indexZoneFile(write('zone.db', text), { origin, root: tmp });
}


describe('zone indexer: broken files', () => {
  withTempDirIn('zone-test-', (dir) => (tmp = dir));
  const summary = (idx: Awaited<ReturnType<typeof index>>): string[] => [...idx.records()].map((r) => `${r.name} ${r.type} ${r.line}`);

  it('an unclosed quote ends at its line: one diagnostic, and the indented lines after it are still read', async () => {
    const idx = await index('a TXT "open\n\tTXT "next"\n  A 192.0.2.4\nb A 192.0.2.1\n');
    assert.deepStrictEqual(idx.diagnostics.map((d) => d.line), [1]);
    assert.deepStrictEqual(summary(idx), ['a.example.org. TXT 1', 'a.example.org. TXT 2', 'a.example.org. A 3', 'b.example.org. A 4']);
    const [first] = [...idx.records()];
    assert.deepStrictEqual(first && idx.details(first), { ttl: 300, class: 'IN', rdata: '"open', origin: 'example.org.', endLine: 1 });
  });

  it('an unclosed parenthesis is reported at its line and the record ends there; the next line is read', async () => {
    const idx = await index('a TXT ( "x"\n\tTXT "resumed"\nb A 192.0.2.1\nc A 192.0.2.2\n');
    assert.deepStrictEqual(idx.diagnostics.map((d) => [d.line, /parenthesis/.test(d.message)]), [[1, true]]);
    assert.deepStrictEqual(summary(idx), ['a.example.org. TXT 1', 'a.example.org. TXT 2', 'b.example.org. A 3', 'c.example.org. A 4']);
    const [first] = [...idx.records()];
    assert.deepStrictEqual(first && idx.details(first), { ttl: 300, class: 'IN', rdata: '"x"', origin: 'example.org.', endLine: 1 });
  });

  it('an unclosed parenthesis at the end of the file is one diagnostic', async () => {
    const idx = await index('a TXT ( "x"\n\tTXT "y"');
    assert.deepStrictEqual(idx.diagnostics.map((d) => d.line), [1]);
    assert.deepStrictEqual(summary(idx), ['a.example.org. TXT 1', 'a.example.org. TXT 2']);
  });

  it('many unclosed parentheses are found in two passes, not one pass each', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 50_000; i++) lines.push(i % 2 ? `h${i} TXT ( "x" ( "y" )` : `h${i} A 192.0.2.1`);
    const idx = await index(lines.join('\n') + '\nlast A 192.0.2.9 ) stray\n');
    // The ")" on the last line closes the last line's "(" (as in BIND: "last" is its rdata); the others are unclosed.
    assert.strictEqual(idx.size, 50_000);
    const last = idx.lookup('h49999.example.org');
    assert.deepStrictEqual(last.map((r) => [r.line, idx.details(r).endLine]), [[50_000, 50_001]]);
    assert.deepStrictEqual(idx.lookup('last.example.org'), []);
    assert.strictEqual(idx.diagnostics.length, 1000); // capped
    assert.ok(idx.diagnostics.every((d) => d.line % 2 === 0 && /parenthesis/.test(d.message)));
  });

  it('inside parentheses a line starting in column 1 continues the record (SVCB, NSEC files do this)', async () => {
    const idx = await index('@ SOA ns hm (\n1 ; serial in column 1\n2 3 4 5\n)\nsvc SVCB ( 1 svc.example.org.\nalpn=h2\nport=443 )\nnext A 192.0.2.1\n');
    assert.deepStrictEqual(idx.diagnostics, []);
    assert.deepStrictEqual(summary(idx), ['example.org. SOA 1', 'svc.example.org. SVCB 5', 'next.example.org. A 8']);
    const [soa, svc] = [...idx.records()];
    assert.ok(soa && svc);
    assert.deepStrictEqual([idx.details(soa).rdata, idx.details(soa).endLine], ['ns hm 1 2 3 4 5', 4]);
    assert.deepStrictEqual([idx.details(svc).rdata, idx.details(svc).endLine], ['1 svc.example.org. alpn=h2 port=443', 7]);
  });

  it('an escaped line break inside a quoted string continues the string', async () => {
    const idx = await index('a TXT "line one\\\nline two" "z"\nb A 192.0.2.1\r\nc TXT "crlf\\\r\nnext"\r\nd A 192.0.2.2\n');
    assert.deepStrictEqual(idx.diagnostics, []);
    assert.deepStrictEqual(summary(idx), ['a.example.org. TXT 1', 'b.example.org. A 3', 'c.example.org. TXT 4', 'd.example.org. A 6']);
    const [a] = [...idx.records()];
    assert.deepStrictEqual(a && [idx.details(a).rdata, idx.details(a).endLine], ['"line one\\\nline two" "z"', 2]);
  });

  it('a "(" in column 1 opens the parentheses and the word after it is the owner', async () => {
    const idx = await index('prev A 192.0.2.1\n(a) A 192.0.2.4\n( b\n  A 192.0.2.5 )\n');
    assert.deepStrictEqual(idx.diagnostics, []);
    assert.deepStrictEqual(summary(idx), ['prev.example.org. A 1', 'a.example.org. A 2', 'b.example.org. A 3']);
    const records = [...idx.records()];
    assert.deepStrictEqual(records.map((r) => idx.details(r).rdata), ['192.0.2.1', '192.0.2.4', '192.0.2.5']);
  });

  it('a bare CR ends a line like LF (and CRLF counts once)', async () => {
    const idx = await index('a A 192.0.2.1\rb A 192.0.2.2\r\tTXT "x" ; comment\rc TXT ( "y"\r"z" )\r\nd A 192.0.2.3');
    assert.deepStrictEqual(idx.diagnostics, []);
    assert.deepStrictEqual(summary(idx), ['a.example.org. A 1', 'b.example.org. A 2', 'b.example.org. TXT 3', 'c.example.org. TXT 4', 'd.example.org. A 6']);
    const records = [...idx.records()];
    assert.deepStrictEqual(records.map((r) => idx.details(r).endLine), [1, 2, 3, 5, 6]);
    assert.deepStrictEqual(records.map((r) => idx.details(r).rdata), ['192.0.2.1', '192.0.2.2', '"x"', '"y" "z"', '192.0.2.3']);
  });

  it('survives binary garbage, NUL bytes and a 10 MB single line', async () => {
    const garbage = Buffer.alloc(100_000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    const g = await index(garbage);
    assert.ok(g.diagnostics.length <= 1000);
    const long = await index('x TXT "' + 'a'.repeat(10 * 1024 * 1024) + '"\ny A 192.0.2.1');
    assert.deepStrictEqual(long.lookup('y.example.org.').map((r) => r.line), [2]);
    const longName = await index('a'.repeat(10 * 1024 * 1024) + ' A 1.2.3.4\nz A 192.0.2.1\n');
    assert.deepStrictEqual(longName.lookup('z.example.org').map((r) => r.line), [2]);
    assert.strictEqual(longName.diagnostics.length, 1);
  });

  it('reports an unreadable entry file as a diagnostic, not an exception', async () => {
    const idx = await indexZoneFile(path.join(tmp, 'nope.zone'), { origin: 'x.', root: tmp });
    assert.strictEqual(idx.diagnostics.length, 1);
    assert.deepStrictEqual([...idx.records()], []);
  });
});

describe('zone indexer: $INCLUDE stays inside the root', () => {
  withTempDirIn('zone-test-', (dir) => (tmp = dir));
  // A second directory, outside the root, holding what an $INCLUDE must never reach.
  let outside: string;
  withTempDirIn('zone-outside-', (dir) => {
    outside = dir;
    fs.writeFileSync(path.join(outside, 'secret.db'), 'leaked A 192.0.2.66\n');
  });

  async function attempt(directive: string): Promise<Awaited<ReturnType<typeof indexZoneFile>>> {
    const root = path.join(tmp, 'root');
    const file = write('root/zones/zone.db', `${directive}\nok A 192.0.2.1\n`);
    return indexZoneFile(file, { origin: 'example.org.', root });
  }

  for (const [label, directive] of [
    ['../ out of the root', () => `$INCLUDE ${path.relative(path.join(tmp, 'root', 'zones'), path.join(outside, 'secret.db'))}`],
    ['an absolute path', () => `$INCLUDE "${path.join(outside, 'secret.db')}"`],
  ] as const) {
    it(`refuses ${label}`, async () => {
      const idx = await attempt(directive());
      assert.deepStrictEqual(idx.lookup('leaked.example.org'), []);
      assert.match(idx.diagnostics[0]?.message ?? '', /outside/);
      assert.deepStrictEqual(idx.lookup('ok.example.org').map((r) => r.line), [2]);
    });
  }

  it('refuses a symbolic link inside the root that points outside', async () => {
    fs.mkdirSync(path.join(tmp, 'root', 'zones'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'secret.db'), path.join(tmp, 'root', 'zones', 'link.db'));
    fs.symlinkSync(outside, path.join(tmp, 'root', 'zones', 'dirlink'));
    for (const d of ['$INCLUDE link.db', '$INCLUDE dirlink/secret.db']) {
      const idx = await attempt(d);
      assert.deepStrictEqual(idx.lookup('leaked.example.org'), [], d);
      assert.match(idx.diagnostics[0]?.message ?? '', /outside/);
    }
  });

  it('follows a symbolic link that stays inside, and a root that is itself a link', async () => {
    write('real/zones/part.db', 'inside A 192.0.2.7\n');
    fs.symlinkSync(path.join(tmp, 'real'), path.join(tmp, 'rootlink'));
    const file = write('real/zones/zone.db', '$INCLUDE part.db\n');
    const idx = await indexZoneFile(file, { origin: 'example.org.', root: path.join(tmp, 'rootlink') });
    assert.deepStrictEqual(idx.diagnostics, []);
    assert.strictEqual(idx.lookup('inside.example.org').length, 1);
  });

  it('decodes \\DDD and \\X escapes in the file name', async () => {
    write('root/zones/sub dir/caf\u00e9.db', 'inside A 192.0.2.7\n');
    write('root/zones/a;b.db', 'semi A 192.0.2.8\n');
    const idx = await attempt('$INCLUDE sub\\032dir/caf\\195\\169.db\n$INCLUDE a\\;b.db');
    assert.deepStrictEqual(idx.diagnostics, []);
    assert.deepStrictEqual(idx.lookup('inside.example.org').map((r) => path.basename(r.file)), ['caf\u00e9.db']);
    assert.strictEqual(idx.lookup('semi.example.org').length, 1);
  });

  it('bounds include depth and cycles', async () => {
    for (let i = 0; i < 30; i++) write(`chain/${i}.db`, `n${i} A 192.0.2.1\n$INCLUDE ${i + 1}.db\n`);
    const idx = await indexZoneFile(path.join(tmp, 'chain', '0.db'), { origin: 'x.', root: tmp });
    assert.ok(idx.size < 30);
    assert.ok(idx.diagnostics.some((d) => /deeper/.test(d.message)));
    write('a.db', 'a A 192.0.2.1\n$INCLUDE b.db\n');
    write('b.db', 'b A 192.0.2.1\n$INCLUDE a.db\n');
    const cyc = await indexZoneFile(path.join(tmp, 'a.db'), { origin: 'x.', root: tmp });
    assert.strictEqual(cyc.size, 2);
    assert.ok(cyc.diagnostics.some((d) => /cycle/.test(d.message)));
  });
});

describe('zone indexer: $GENERATE', () => {
  withTempDirIn('zone-test-', (dir) => (tmp = dir));
  it('keeps a huge range as a range and still finds its names', async () => {
    const idx = await index('$GENERATE 0-4000000000 host$ A 10.0.0.1\n$GENERATE 1-100/3 ${10,3,x}.r PTR x\nz A 192.0.2.1\n');
    assert.strictEqual(idx.size, 4000000001 + 34 + 1);
    assert.deepStrictEqual(idx.lookup('HOST3999999999.example.org').map((r) => `${r.name} ${r.line}`), ['host3999999999.example.org. 1']);
    assert.deepStrictEqual(idx.lookup('host4000000001.example.org'), []);
    assert.deepStrictEqual(idx.lookup('00b.r.example.org').map((r) => r.line), [2]); // 1 + 10 = 0x00b
    assert.deepStrictEqual(idx.lookup('00c.r.example.org'), []); // 2 is not in 1-100/3
  });
});

describe('zone indexer: $GENERATE formats as BIND', () => {
  withTempDirIn('zone-test-', (dir) => (tmp = dir));
  it('nibble widths count the dots; negative values print as 32-bit unsigned in o x X n N', async () => {
    const idx = await index([
      '$GENERATE 1-1 ${0,3,n} PTR x',
      '$GENERATE 1-1 ${-2,0,x}.neg A 192.0.2.1',
      '$GENERATE 1-1 ${-2,0,n}.nib A 192.0.2.1',
      '$GENERATE 10-10 ${0,1,N}.rev CNAME ${0,3,N}.${-11,0,X}.${-11,0,o}',
      '$GENERATE 1-1 ${-5,3,d}.dec A 192.0.2.1',
      '$GENERATE 255-255 ${0,5,n}.wide A 192.0.2.1', // width 5: three nibbles and two dots
    ].join('\n'));
    const records = [...idx.records()];
    assert.deepStrictEqual(records.map((r) => r.name), [
      '1.0.example.org.',
      'ffffffff.neg.example.org.',
      'f.f.f.f.f.f.f.f.nib.example.org.',
      'a.rev.example.org.',
      '-04.dec.example.org.',
      'f.f.0.wide.example.org.',
    ]);
    assert.strictEqual(idx.details(records[3] as (typeof records)[0]).rdata, 'A.0.FFFFFFFF.37777777777');
    for (const r of records) assert.deepStrictEqual(idx.lookup(r.name).map((h) => h.line), [r.line], r.name);
  });
});

describe('zone indexer: lookup', () => {
  withTempDirIn('zone-test-', (dir) => (tmp = dir));
  it('accepts names as users write them', async () => {
    const idx = await index('$ORIGIN Example.ORG.\nWww A 192.0.2.1\n\tAAAA ::1\ncaf\\195\\169 A 192.0.2.2\n');
    for (const q of ['www.example.org', 'WWW.EXAMPLE.ORG.', ' www.Example.org. ']) {
      assert.deepStrictEqual(idx.lookup(q).map((r) => r.type), ['A', 'AAAA'], q);
    }
    assert.strictEqual(idx.lookup('café.example.org').length, 1);
    assert.strictEqual(idx.lookup('CAF\\195\\169.example.org').length, 1);
    assert.strictEqual(normalizeName('Ä.x'), '\\195\\132.x.'); // non-ASCII is not case-folded
  });
});

describe('zone indexer: fuzz', () => {
  withTempDirIn('zone-test-', (dir) => (tmp = dir));
  const valid = '$ORIGIN example.org.\n$TTL 300\n@ SOA ns hm ( 1 2\n 3 4 5 )\nwww A 192.0.2.1\n\tTXT "a;b" ( "c" )\n$INCLUDE "other.db"\n$GENERATE 1-5 h$ A 10.0.0.$\n';
  const tokens = ['\n', '\r\n', ' ', '\t', '(', ')', '"', ';', '\\', '\\0', '$ORIGIN ', '$INCLUDE ', '$GENERATE ', '$TTL ', '@', '.', 'a', 'IN', '300', 'TXT', 'A', '\u00e9', '\ufeff', '\0'];

  it('terminates without throwing on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const idx = await index(Buffer.from(bytes));
        for (const r of idx.records()) assert.ok(r.line >= 1);
      }),
      { numRuns: 300 },
    );
  });

  it('terminates without throwing on zone-like token soup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...tokens), { maxLength: 400 }), async (parts) => {
        const idx = await index(parts.join(''));
        const lines = parts.join('').split('\n').length;
        for (const r of idx.records()) {
          assert.ok(r.line >= 1 && r.line <= lines);
          const d = idx.details(r);
          assert.ok(d.endLine >= r.line && d.endLine <= lines + 1 && d.ttl >= 0, JSON.stringify(d));
        }
        for (const d of idx.diagnostics) assert.ok(d.line >= 1 && d.line <= lines);
      }),
      { numRuns: 300 },
    );
  });

  it('terminates without throwing on mutated valid zones', async () => {
    write('other.db', 'inc A 192.0.2.9\n$INCLUDE zone.db\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...tokens)), { maxLength: 20 }), async (edits) => {
        let text = valid;
        for (const [at, op, tok] of edits) {
          const i = at % (text.length + 1);
          if (op === 0) text = text.slice(0, i) + tok + text.slice(i);
          else if (op === 1) text = text.slice(0, i) + text.slice(i + 1);
          else text = text.slice(0, i) + tok + text.slice(i + 1);
        }
        const idx = await index(text);
        [...idx.records()].forEach((r) => assert.ok(r.name.endsWith('.') && idx.details(r).origin.endsWith('.')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('ZoneIndexPool (worker thread)', () => {
  withTempDirIn('zone-test-', (dir) => (tmp = dir));
  it('indexes in a worker and answers lookups from the transferred compact index', async () => {
    const pool = new ZoneIndexPool(path.resolve(__dirname, '..', '..', '..', 'src', 'core', 'zone', 'worker.js'));
    try {
      const file = write('w.zone', '$ORIGIN w.test.\n@ SOA ns hm 1 2 3 4 5\nwww A 192.0.2.1\n\tTXT "x"\n"bad\nWWW.w.test. AAAA ::1\n');
      const idx = await pool.index(file, { origin: 'w.test', root: tmp });
      // The lookup table was built in the worker: names written twice are one name.
      assert.deepStrictEqual(idx.lookup('WWW.w.test').map((r) => [r.type, r.line, r.file]), [['A', 3, file], ['TXT', 4, file], ['AAAA', 6, file]]);
      assert.strictEqual(idx.diagnostics.length, 1);
      assert.strictEqual(idx.size, 4);
    } finally {
      pool.dispose();
    }
  });
});
