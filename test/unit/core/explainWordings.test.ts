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
];

describe('explainFailure: the same failure in other words', () => {
  for (const [text, kind, rule] of WORDINGS) {
    it(`${JSON.stringify(text)} is ${kind}${rule ? ` (${rule})` : ''}`, () => {
      const e = explainFailure(text);
      assert.equal(e.kind, kind);
      assert.equal(e.lintRule, rule);
    });
  }

  it('a missing message (null from an older API) is "no reason", not the word null', () => {
    const e = explainFailure(null as unknown as string);
    assert.equal(e.kind, 'unknown');
    assert.equal(e.summary, FAILURE_TEXTS.unknown.summary);
  });
});
