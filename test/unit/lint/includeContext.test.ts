// A file reached through $INCLUDE is checked as part of the zone that includes it: the includer's origin (or
// the $INCLUDE's origin argument), its apex, its $TTL and its other records apply, and an editor's unsaved
// text of the included file is what is read (lintZoneFile's includedTexts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintZoneFile } from '../../../src/core';

describe('lint of an included file in its includer\'s context', () => {
  let dir: string;
  let parent: string;
  let child: string;
  let sub: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huaweidns-include-'));
    parent = path.join(dir, 'example.com.zone');
    child = path.join(dir, 'hosts.db');
    sub = path.join(dir, 'sub.db');
    fs.writeFileSync(parent, [
      '$ORIGIN example.com.',
      '$TTL 3600',
      '@ IN SOA ns1 hostmaster ( 1 7200 3600 1209600 300 )',
      '  IN NS ns1',
      'ns1 IN A 192.0.2.1',
      'ftp IN A 192.0.2.21',
      '$INCLUDE hosts.db',
      '$INCLUDE sub.db lab.example.com.',
      '',
    ].join('\n'));
    fs.writeFileSync(child, 'sip IN A 192.0.2.50\nbackup.example.com. IN A 192.0.2.52\n');
    fs.writeFileSync(sub, 'host1 IN A 192.0.2.60\nhost1.lab.example.com. IN A 192.0.2.61\n');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const inFile = (findings: { file: string; line: number; rule: string }[], file: string): string[] =>
    findings.filter((f) => f.file === file).map((f) => `${f.line}:${f.rule}`);

  it('gives an included file no out-of-zone finding for names of the includer\'s zone (alone, its origin is a guess)', async () => {
    const alone = await lintZoneFile(child, { origin: 'hosts.db.', root: dir });
    assert.deepEqual(inFile(alone.findings, child), ['2:out-of-zone'], 'alone, backup.example.com. looks outside "hosts.db."');
    const inContext = await lintZoneFile(parent, { origin: 'example.com.', root: dir });
    assert.deepEqual(inFile(inContext.findings, child), []);
  });

  it('reads the editor\'s unsaved text of the included file, and finds what only the includer shows', async () => {
    const edited = [
      'sip IN A 192.0.2.50',
      'backup.example.com. IN A 192.0.2.52',
      'ftp IN CNAME www', // the includer has ftp A: a conflict only the whole zone shows
      'evil.example.org. IN A 192.0.2.9',
      'short 0 IN A 192.0.2.10',
    ].join('\n');
    const r = await lintZoneFile(parent, { origin: 'example.com.', root: dir, includedTexts: { [child]: edited } });
    assert.deepEqual(inFile(r.findings, child), ['3:cname-conflict', '4:out-of-zone', '5:ttl-range']);
    assert.equal(fs.readFileSync(child, 'utf8').includes('evil'), false, 'the file on disk is untouched');
  });

  it('uses the $INCLUDE\'s origin argument for the included file\'s relative names', async () => {
    const r = await lintZoneFile(parent, { origin: 'example.com.', root: dir });
    // host1 under lab.example.com. and the absolute host1.lab.example.com. are one set, inside the zone.
    assert.deepEqual(inFile(r.findings, sub), []);
    const twice = await lintZoneFile(parent, { origin: 'example.com.', root: dir, includedTexts: { [sub]: 'host1 IN A 192.0.2.60\nhost1.lab.example.com. IN A 192.0.2.60\n' } });
    assert.deepEqual(inFile(twice.findings, sub), ['2:duplicate'], 'the relative name is host1.lab.example.com.');
  });
});
