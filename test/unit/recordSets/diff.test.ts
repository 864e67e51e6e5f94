// diffZone: keys, what the system owns, statuses, value normalisation and TTLs.
import * as assert from 'node:assert/strict';
import { diffZone, differingFields, type LiveRecordSet, type RetryRecordSet } from '../../../src/core';

const APEX = 'example.com.';
const f = (name: string, type: string, records: string[], ttl = 300): RetryRecordSet => ({ zone_name: APEX, name, type, ttl, records });
let nextId = 0;
const l = (name: string, type: string, records: string[], extra: Partial<LiveRecordSet> = {}): LiveRecordSet => ({
  id: `id${nextId++}`, name, type, ttl: 300, records, status: 'ACTIVE', ...extra,
});

describe('diffZone', () => {
  it('sorts sets into same, only in file, only live and differs, keyed by name and type', () => {
    const file = [f('www.example.com.', 'A', ['192.0.2.1']), f('mail.example.com.', 'MX', ['10 mail.example.com.']), f('new.example.com.', 'A', ['192.0.2.9']), f('api.example.com.', 'CNAME', ['www.example.com.'])];
    const live = [l('WWW.example.com', 'A', ['192.0.2.1']), l('mail.example.com.', 'MX', ['20 mail.example.com.']), l('old.example.com.', 'A', ['192.0.2.8']), l('api.example.com.', 'A', ['192.0.2.1'])];
    const d = diffZone(file, live, { apex: APEX });
    assert.deepEqual(d.same, [{ name: 'www.example.com.', type: 'A' }]);
    assert.deepEqual(d.onlyInFile.map((s) => s.name), ['new.example.com.', 'api.example.com.']);
    assert.deepEqual(d.onlyLive.map((s) => `${s.name} ${s.type}`), ['old.example.com. A', 'api.example.com. A']);
    assert.equal(d.differs.length, 1);
    assert.deepEqual(d.differs[0]!.fields, ['records']);
    assert.equal(d.differs[0]!.live, live[1]);
  });

  it('leaves out SOA, NS at the apex and default sets, but keeps delegations below the apex', () => {
    const live = [
      l('example.com.', 'SOA', ['ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300'], { default: true }),
      l('example.com.', 'NS', ['ns1.huaweicloud-dns.com.']),
      l('Example.COM', 'SOA', ['x']),
      l('weird.example.com.', 'TXT', ['"system"'], { default: true }),
      l('sub.example.com.', 'NS', ['ns1.example.net.']),
    ];
    const d = diffZone([], live, { apex: 'EXAMPLE.com' });
    assert.deepEqual(d.onlyLive.map((s) => s.name), ['sub.example.com.']);
  });

  it('sets aside inactive sets and treats them as absent', () => {
    const file = [f('a.example.com.', 'A', ['192.0.2.1']), f('b.example.com.', 'A', ['192.0.2.2']), f('c.example.com.', 'A', ['192.0.2.3'])];
    const live = [
      l('a.example.com.', 'A', ['192.0.2.1'], { status: 'DISABLE' }),
      l('b.example.com.', 'A', ['192.0.2.2'], { status: 'pending_create' }),
      l('c.example.com.', 'A', ['192.0.2.3'], { status: 'PENDING_UPDATE' }),
      l('d.example.com.', 'A', ['192.0.2.4'], { status: 'ERROR' }),
      l('e.example.com.', 'A', ['192.0.2.5'], { status: 'FREEZE' }),
      l('g.example.com.', 'A', ['192.0.2.7'], { status: 'PENDING_DELETE' }),
    ];
    const d = diffZone(file, live, { apex: APEX });
    assert.deepEqual(d.same.map((s) => s.name), ['b.example.com.', 'c.example.com.']);
    assert.deepEqual(d.onlyInFile.map((s) => s.name), ['a.example.com.']);
    assert.deepEqual(d.inactive.map((s) => s.status), ['DISABLE', 'ERROR', 'FREEZE', 'PENDING_DELETE']);
    assert.deepEqual(d.onlyLive, []);
  });

  it('compares records as sets of normalised values: no false differences from spelling', () => {
    const file = [
      f('t.example.com.', 'TXT', ['"part one" "part two"', '"v=spf1 -all"']),
      f('v6.example.com.', 'AAAA', ['2001:DB8:0:0::1']),
      f('mx.example.com.', 'MX', ['010 MAIL.example.com.']),
      f('c.example.com.', 'CNAME', ['www']),
      f('caa.example.com.', 'CAA', ['0 ISSUE "ca.example.net"']),
    ];
    const live = [
      l('t.example.com.', 'TXT', ['"v=spf1 -all"', '"part one"  "part two"']),
      l('v6.example.com.', 'AAAA', ['2001:db8::1']),
      l('mx.example.com.', 'MX', ['10 mail.example.com.']),
      l('c.example.com.', 'CNAME', ['www.example.com.']),
      l('caa.example.com.', 'CAA', ['0 issue "ca.example.net"']),
    ];
    const d = diffZone(file, live, { apex: APEX });
    assert.deepEqual(d.differs, []);
    assert.equal(d.same.length, 5);
  });

  it('sees real differences: a string split differently, case inside a TXT string, a missing value', () => {
    const file = [f('t.example.com.', 'TXT', ['"part one part two"']), f('u.example.com.', 'TXT', ['"Hello"']), f('a.example.com.', 'A', ['192.0.2.1', '192.0.2.2'])];
    const live = [l('t.example.com.', 'TXT', ['"part one" "part two"']), l('u.example.com.', 'TXT', ['"hello"']), l('a.example.com.', 'A', ['192.0.2.1'])];
    assert.equal(diffZone(file, live, { apex: APEX }).differs.length, 3);
  });

  it('reports a TTL difference unless ignoreTtl is set', () => {
    const file = [f('a.example.com.', 'A', ['192.0.2.1'], 3600), f('b.example.com.', 'A', ['192.0.2.2'], 60)];
    const live = [l('a.example.com.', 'A', ['192.0.2.1'], { ttl: 300 }), l('b.example.com.', 'A', ['192.0.2.3'], { ttl: 300 })];
    const strict = diffZone(file, live, { apex: APEX });
    assert.deepEqual(strict.differs.map((d) => d.fields), [['ttl'], ['records', 'ttl']]);
    const lax = diffZone(file, live, { apex: APEX, ignoreTtl: true });
    assert.deepEqual(lax.same.map((s) => s.name), ['a.example.com.']);
    assert.deepEqual(lax.differs.map((d) => d.fields), [['records']]);
  });

  it('names what differs for one set (as the retry plan asks of a live copy), the TTL only unless ignored', () => {
    const file = f('a.example.com.', 'a', ['192.0.2.1'], 60);
    assert.deepEqual(differingFields(file, { ttl: 300, records: ['192.0.2.1'] }, { apex: APEX }), ['ttl']);
    assert.deepEqual(differingFields(file, { ttl: 300, records: ['192.0.2.1'] }, { apex: APEX, ignoreTtl: true }), []);
    assert.deepEqual(differingFields(file, { ttl: 300, records: ['192.0.2.2'] }, { apex: APEX, ignoreTtl: true }), ['records']);
    assert.deepEqual(differingFields(file, { ttl: 60, records: [' 192.0.2.1'] }, { apex: APEX, ignoreTtl: false }), []);
  });

  it('matches the first of several live sets with one name and type (resolution lines); the rest stay only live', () => {
    const live = [l('a.example.com.', 'A', ['192.0.2.1']), l('a.example.com.', 'A', ['192.0.2.9'])];
    const d = diffZone([f('a.example.com.', 'A', ['192.0.2.1'])], live, { apex: APEX });
    assert.equal(d.same.length, 1);
    assert.deepEqual(d.onlyLive, [live[1]]);
  });

  it('spells same entries as in the file', () => {
    const d = diffZone([f('WWW.example.com.', 'a', ['192.0.2.1'])], [l('www.example.com.', 'A', ['192.0.2.1'])], { apex: APEX });
    assert.deepEqual(d.same, [{ name: 'WWW.example.com.', type: 'a' }]);
  });
});
