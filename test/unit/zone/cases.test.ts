// Every zone case (the shared BIND-checked ones and the project's own) must index to exactly its expected.json,
// and every record's details() must be well formed (own cases: exactly their details.json), in process and
// through the worker alike.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { indexZoneFile, ZoneIndexPool, type ZoneIndex, type ZoneRecordDetails } from '../../../src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared', 'zones', 'cases');
const OWN = path.join(ROOT, 'test', 'fixtures', 'zones');
const WORKER = path.resolve(__dirname, '..', '..', '..', 'src', 'core', 'zone', 'worker.js');

async function open(dir: string): Promise<ZoneIndex> {
  const origin = fs.readFileSync(path.join(dir, 'origin'), 'utf8').trim();
  return indexZoneFile(path.join(dir, 'zone.db'), { origin, root: dir });
}

async function check(dir: string): Promise<void> {
  const index = await open(dir);
  const got = [...index.records()].map((r) => ({ ...r, file: path.relative(dir, r.file).split(path.sep).join('/') }));
  const expected: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  assert.deepStrictEqual(got, expected);
  // Every record can be found again by its name, written the way a user might (upper case, no final dot).
  for (const r of got) {
    const typed = r.name === '.' ? '.' : r.name.slice(0, -1).toUpperCase();
    assert.ok(index.lookup(typed).some((h) => h.line === r.line && h.type === r.type), `lookup ${typed}`);
  }
}

/** Rdata in presentation form: outside quotes no comment, parenthesis, line break or run of blanks. */
function assertWellFormed(r: { name: string; line: number }, d: ZoneRecordDetails): void {
  const where = `${r.name} line ${r.line}`;
  assert.ok(d.endLine >= r.line, `endLine of ${where}`);
  assert.ok(Number.isInteger(d.ttl) && d.ttl >= 0 && d.ttl <= 0xffffffff, `ttl of ${where}`);
  assert.match(d.class, /^(IN|CH|HS|CS|NONE|ANY|CLASS\d+)$/, where);
  assert.match(d.origin, /\.$/, where);
  assert.strictEqual(d.rdata, d.rdata.trim(), where);
  const outside = d.rdata.replace(/"(?:[^"\\]|\\[\s\S])*"/g, '""').replace(/\\[\s\S]/g, 'x');
  assert.doesNotMatch(outside, /[;()\n\r\t]| {2}/, `rdata of ${where}: ${d.rdata}`);
}

async function checkDetails(dir: string): Promise<ZoneRecordDetails[]> {
  const index = await open(dir);
  const records = [...index.records()];
  const all = records.map((r) => index.details(r));
  records.forEach((r, k) => assertWellFormed(r, all[k] as ZoneRecordDetails));
  // The same record found by lookup (a different object) has the same details.
  for (const [k, r] of records.entries()) {
    const again = index.lookup(r.name).filter((h) => h.line === r.line && h.type === r.type && h.file === r.file);
    assert.ok(again.length > 0, r.name);
    if (again.length === 1) assert.deepStrictEqual(index.details(again[0] as (typeof again)[0]), all[k], `${r.name} line ${r.line}`);
  }
  return all;
}

describe('zone indexer: shared cases (../shared/zones/cases)', function () {
  if (!fs.existsSync(SHARED)) {
    it('skipped: ../shared/zones/cases is absent in this checkout');
    return;
  }
  for (const name of fs.readdirSync(SHARED).sort()) {
    it(name, () => check(path.join(SHARED, name)));
  }
});

describe('zone indexer: details() on the shared cases', function () {
  if (!fs.existsSync(SHARED)) {
    it('skipped: ../shared/zones/cases is absent in this checkout');
    return;
  }
  for (const name of fs.readdirSync(SHARED).sort()) {
    it(`${name}: every record has well-formed details`, () => checkDetails(path.join(SHARED, name)).then(() => undefined));
  }

  it('reads TTLs, multi-line rdata and quoted text as BIND does', async () => {
    const pick = async (name: string, line: number): Promise<ZoneRecordDetails> => {
      const index = await open(path.join(SHARED, name));
      const r = [...index.records()].find((x) => x.line === line);
      assert.ok(r, `${name} line ${line}`);
      return index.details(r);
    };
    assert.deepStrictEqual(await pick('h01-quotes-parens', 10), { ttl: 300, class: 'IN', rdata: '"multi" "line; text"', origin: 'example.com.', endLine: 11 });
    assert.strictEqual((await pick('h01-quotes-parens', 12)).rdata, '"a\\;b" not\\;comment \\( "x"');
    assert.strictEqual((await pick('h01-quotes-parens', 13)).rdata, '"tab\tinside" "\\032leading-space" "back\\\\slash"');
    assert.deepStrictEqual(await pick('h01-quotes-parens', 3), { ttl: 300, class: 'IN', rdata: 'ns1 hostmaster 1 2 3 4 5', origin: 'example.com.', endLine: 5 });
    assert.strictEqual((await pick('h04-ttl-class-order', 7)).ttl, 5400); // 1h30m
    assert.strictEqual((await pick('h04-ttl-class-order', 12)).ttl, 1209600); // 2W
    assert.strictEqual((await pick('h04-ttl-class-order', 11)).class, 'CLASS1');
    assert.strictEqual((await pick('h04-ttl-class-order', 10)).ttl, 3600); // $TTL, not the previous record's 300
    assert.deepStrictEqual(await pick('h09-comments', 19), { ttl: 300, class: 'IN', rdata: '"z" c6 A 192.0.2.6', origin: 'example.com.', endLine: 20 });
    assert.strictEqual((await pick('h02-blank-owner', 17)).ttl, 600);
    assert.strictEqual((await pick('h02-blank-owner', 14)).origin, 'sub.example.com.');
  });

  it('gives the same details through the worker', async () => {
    const pool = new ZoneIndexPool(WORKER);
    try {
      for (const name of fs.readdirSync(SHARED).sort()) {
        const dir = path.join(SHARED, name);
        const origin = fs.readFileSync(path.join(dir, 'origin'), 'utf8').trim();
        const remote = await pool.index(path.join(dir, 'zone.db'), { origin, root: dir });
        const local = await open(dir);
        assert.strictEqual(remote.apex, local.apex, name);
        assert.deepStrictEqual([...remote.records()].map((r) => remote.details(r)), [...local.records()].map((r) => local.details(r)), name);
      }
    } finally {
      pool.dispose();
    }
  });
});

describe('zone indexer: own cases (test/fixtures/zones)', () => {
  for (const name of fs.readdirSync(OWN).sort()) {
    it(name, () => check(path.join(OWN, name)));
  }
  for (const name of fs.readdirSync(OWN).sort()) {
    it(`${name}: details() and apex are exactly details.json`, async () => {
      const dir = path.join(OWN, name);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'details.json'), 'utf8')) as { apex: string; details: ZoneRecordDetails[] };
      assert.deepStrictEqual(await checkDetails(dir), expected.details);
      assert.strictEqual((await open(dir)).apex, expected.apex);
    });
  }
});
