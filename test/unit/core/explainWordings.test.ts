// The same failure worded the ways gateways and API versions word it (singular or plural, with or without the
// space in "record set", quotes or none, a code with or without its dot): each must still get its kind, so the
// person sees the right fix and whether a retry can help, instead of "The server gave no reason".
import * as assert from 'node:assert/strict';
import { explainFailure, FAILURE_TEXTS, type FailureKind, type LintRule } from '../../../src/core';

const WORDINGS: [text: string, kind: FailureKind, rule?: LintRule][] = [
  ['Rate limit exceeded', 'throttled'],
  ['ratelimit exceeded for this tenant', 'throttled'],
  ['Too many recordsets in one request', 'too-large', 'too-many-for-one-task'],
  ['Zone does not exist.', 'zone-not-found'],
  ['Duplicate record set www.example.com.', 'already-exists'],
  ['Duplicated record: www.example.com. A', 'already-exists'],
  ['The recordset www.example.com. exists', 'already-exists'],
  ['Record set www exists', 'already-exists'],
  ['This record conflict with record www.example.com.', 'cname-conflict', 'cname-conflict'],
  ['CNAME record conflict at www', 'cname-conflict', 'cname-conflict'],
  ['conflict between a record and a CNAME', 'cname-conflict', 'cname-conflict'],
  ['Unsupported type: NAPTR', 'unsupported-type', 'unsupported-type'],
  ['The type NAPTR is not supported here', 'unsupported-type', 'unsupported-type'],
  ['Invalid recordset name.', 'invalid-name'],
  ['Attribute name is invalid.', 'invalid-name'],
  ["Attribute 'name is invalid.", 'invalid-name'],
  ['The level exceed the limit', 'invalid-name', 'name-too-long'],
  ['Name exceed the maximum of 16 levels', 'invalid-name', 'name-too-long'],
  ['Wildcard must come first', 'invalid-name', 'wildcard'],
  ['Attribute records is invalid.', 'invalid-value'],
  ["Attribute 'records is invalid.", 'invalid-value'],
  ['Invalid recordvalue.', 'invalid-value'],
  ['Invalid record set values.', 'invalid-value'],
  ['Invalid record value', 'invalid-value'],
  ['Record is invalid: 192.0.2.999', 'invalid-value'],
  ['Invalid record value: exceed the limit of 50', 'invalid-value', 'values-per-set'],
  ['Invalid record value, exceeds 50', 'invalid-value', 'values-per-set'],
  ["Invalid record value for type 'A here", 'invalid-value', 'rdata-format'],
  ["Invalid record value for type A' here", 'invalid-value', 'rdata-format'],
  ['Invalid weight for the record set', 'invalid-value'],
  ['could not acquire lock on the zone', 'transient'],
  ['The zone is locked by another task', 'transient'],
  ['Bad request (DNS0303)', 'invalid-ttl', 'ttl-range'],
  ['Bad request (dns-0307)', 'unsupported-type', 'unsupported-type'],
  // Shorter or looser forms of the same sentences (words left out, other words in between).
  ['Request too large', 'too-large', 'too-many-for-one-task'],
  ['The request has more than 10000 record sets', 'too-large', 'too-many-for-one-task'],
  ['The zoneid is invalid', 'zone-not-found'],
  ['Zone ID ff80808297a1b2c3 is invalid', 'zone-not-found'],
  ['A CNAME record cannot coexist with other records', 'cname-conflict', 'cname-conflict'],
  ['Not supported for this record type: NAPTR', 'unsupported-type', 'unsupported-type'],
  ['Invalid type NAPTR', 'unsupported-type', 'unsupported-type'],
  ['The name of the record set is too long', 'invalid-name', 'name-too-long'],
  ['Invalid name.', 'invalid-name'],
  ['The name www.example.org. does not belong to this zone', 'invalid-name', 'out-of-zone'],
  ['Invalid MX records', 'invalid-value', 'rdata-format'],
  ['Invalid SRV record', 'invalid-value', 'rdata-format'],
  ['The value is malformed', 'invalid-value'],
  ['Request timeout', 'transient'],
  ["Zone doesn't exist.", 'zone-not-found'],
  ['The zone example.com. was not found', 'zone-not-found'],
  ['Attribute records must not be empty.', 'invalid-value'],
  ['Failed to get the zone lock', 'transient'],
  // A weighted set is nothing a zone file says, whatever record type it names.
  ['The weight must be between 0 and 1000 for AAAA record sets', 'invalid-value'],
];

describe('explainFailure: the same failure in other words', () => {
  for (const [text, kind, rule] of WORDINGS) {
    it(`${JSON.stringify(text)} is ${kind}${rule ? ` (${rule})` : ''}`, () => {
      const e = explainFailure(text);
      assert.equal(e.kind, kind);
      assert.equal(e.lintRule, rule);
    });
  }

  it('names an IAM action or a zone only for a permission or a missing zone, not for text that looks like one', () => {
    // An IPv6 address reads like "service:resource:action"; a zone quoted in a name error is not a missing zone.
    const ipv6 = explainFailure('Invalid record value: fe80:abcd:ef01::1 is not an IPv6 address');
    assert.equal(ipv6.kind, 'invalid-value');
    assert.equal(ipv6.summary, FAILURE_TEXTS['invalid-value'].summary);
    const name = explainFailure("Invalid record set name, www.example.org. is not in zone 'example.com.'");
    assert.equal(name.kind, 'invalid-name');
    assert.equal(name.summary, FAILURE_TEXTS['invalid-name'].summary);
    assert.equal(explainFailure("Policy doesn't allow dns:recordset:create to be performed").summary, 'The credentials lack the IAM permission dns:recordset:create.');
    assert.equal(explainFailure("This Zone 'example.com.' does not exist.").summary, 'The zone example.com. does not exist at this site.');
    // Two blanks where the server joined its words: still the zone it names.
    assert.equal(explainFailure("This Zone  'example.com.' does not exist.").summary, 'The zone example.com. does not exist at this site.');
  });

  it('a missing message (null from an older API) is "no reason", not the word null', () => {
    const e = explainFailure(null as unknown as string);
    assert.equal(e.kind, 'unknown');
    assert.equal(e.summary, FAILURE_TEXTS.unknown.summary);
  });
});
