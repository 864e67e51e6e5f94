// Every zone case (the shared BIND-checked ones and the project's own) must index to exactly its expected.json.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { indexZoneFile } from '../../../src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared', 'zones', 'cases');
const OWN = path.join(ROOT, 'test', 'fixtures', 'zones');

async function check(dir: string): Promise<void> {
  const origin = fs.readFileSync(path.join(dir, 'origin'), 'utf8').trim();
  const index = await indexZoneFile(path.join(dir, 'zone.db'), { origin, root: dir });
  const got = [...index.records()].map((r) => ({ ...r, file: path.relative(dir, r.file).split(path.sep).join('/') }));
  const expected: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  assert.deepStrictEqual(got, expected);
  // Every record can be found again by its name, written the way a user might (upper case, no final dot).
  for (const r of got) {
    const typed = r.name === '.' ? '.' : r.name.slice(0, -1).toUpperCase();
    assert.ok(index.lookup(typed).some((h) => h.line === r.line && h.type === r.type), `lookup ${typed}`);
  }
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

describe('zone indexer: own cases (test/fixtures/zones)', () => {
  for (const name of fs.readdirSync(OWN).sort()) {
    it(name, () => check(path.join(OWN, name)));
  }
});
