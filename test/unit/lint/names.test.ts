// Names written inside rdata (CNAME, MX, SRV and NS targets) as the pre-flight check reads them: absolute only
// when the last dot is not escaped, `@` the origin, relative ones under the origin (or the root).
import * as assert from 'node:assert/strict';
import { absoluteName, isAbsolute } from '../../../src/core/lint/names';
import { lintZone } from '../../../src/core';
import type { ZoneRecord } from '../../../src/core';

describe('lint: target names', () => {
  it('a name is absolute when its last dot is not escaped by an odd run of backslashes', () => {
    assert.equal(isAbsolute('mail.example.com.'), true);
    assert.equal(isAbsolute('.'), true);
    assert.equal(isAbsolute('mail'), false);
    assert.equal(isAbsolute(''), false);
    assert.equal(isAbsolute('a.b'), false);
    assert.equal(isAbsolute('a\\.'), false); // an escaped dot is part of the label
    assert.equal(isAbsolute('\\.'), false);
    assert.equal(isAbsolute('a\\\\.'), true); // an escaped backslash, then the dot
    assert.equal(isAbsolute('\\\\.'), true);
    assert.equal(isAbsolute('a\\\\\\.'), false);
    assert.equal(isAbsolute('x\\\\\\\\.'), true);
  });

  it('makes a written name absolute: @ is the origin, relative names go under it (or under the root), case folded', () => {
    assert.equal(absoluteName('@', 'example.com.'), 'example.com.');
    assert.equal(absoluteName('@', '.'), '.');
    assert.equal(absoluteName('Mail', 'example.com.'), 'mail.example.com.');
    assert.equal(absoluteName('mail', '.'), 'mail.');
    assert.equal(absoluteName('MAIL.Example.NET.', 'example.com.'), 'mail.example.net.');
    assert.equal(absoluteName('a\\.b', 'example.com.'), 'a\\.b.example.com.');
    assert.equal(absoluteName('a\\.', 'example.com.'), 'a\\..example.com.');
    assert.equal(absoluteName('a\\\\.', 'example.com.'), 'a\\\\.');
    assert.equal(absoluteName('@x', 'example.com.'), '\\@x.example.com.');
  });
});

describe('lint: a zone larger than the check reads', () => {
  it('says how many of its records were checked when the index holds more than it lists', () => {
    const records: ZoneRecord[] = [
      { name: 'example.com.', type: 'SOA', line: 1, file: '/z/zone.db' },
      { name: 'www.example.com.', type: 'A', line: 2, file: '/z/zone.db' },
    ];
    const rdata = ['ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300', '192.0.2.1'];
    const index = {
      records: () => records,
      details: (r: ZoneRecord) => ({ ttl: 300, rdata: rdata[r.line - 1] as string, origin: 'example.com.' }),
      apex: 'example.com.',
      diagnostics: [],
      size: 20_000_000,
      files: ['/z/zone.db'],
    };
    const messages = lintZone(index).findings.map((f) => f.message);
    assert.ok(messages.some((m) => /The file has 20000000 records; only the first 2 were checked/.test(m)), messages.join('\n'));
    assert.ok(!lintZone({ ...index, size: 2 }).findings.some((f) => /only the first/.test(f.message)));
  });
});
