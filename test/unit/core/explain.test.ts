// explainFailure on every text of ../shared/api/write-and-live.md's table (written out here, so the test
// runs without ../shared) plus the variants servers and gateways actually produce.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { explainFailure, FAILURE_TEXTS, LINT_RULE_IDS, type FailureKind, type LintRule } from '../../../src/core';

type Case = [text: string, kind: FailureKind, rule?: LintRule];

const TABLE: Case[] = [
  // type not supported
  ["Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'.", 'unsupported-type', 'unsupported-type'],
  ["DNS.0307: Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'.", 'unsupported-type', 'unsupported-type'],
  ['attribute type is invalid', 'unsupported-type', 'unsupported-type'],
  ['Unsupported record type: PTR', 'unsupported-type', 'unsupported-type'],
  ['Record type HINFO is not supported in public zones', 'unsupported-type', 'unsupported-type'],
  // value format
  ["Attribute 'records' is invalid, 'TXT records missing starting quotation mark'.", 'invalid-value', 'txt-format'],
  ["ATTRIBUTE ‘RECORDS’ IS INVALID, ‘TXT RECORDS MISSING STARTING QUOTATION MARK’", 'invalid-value', 'txt-format'],
  ['Invalid record value.', 'invalid-value'],
  ['Invalid record value: 300.1.1.1 is not an IPv4 address', 'invalid-value', 'rdata-format'],
  ['Bad request (DNS.0308)', 'invalid-value'],
  ['Invalid record value, the MX preference must be between 0 and 65535', 'invalid-value', 'rdata-format'],
  ['The record set cannot have more than 50 records', 'invalid-value', 'values-per-set'],
  // TTL
  ['Invalid TTL.', 'invalid-ttl', 'ttl-range'],
  ['invalid ttl: 0', 'invalid-ttl', 'ttl-range'],
  ['The TTL is out of range [1, 2147483647].', 'invalid-ttl', 'ttl-range'],
  ["Attribute 'ttl' is invalid (DNS.0303)", 'invalid-ttl', 'ttl-range'],
  ['Request rejected (DNS.0319)', 'invalid-ttl', 'ttl-range'],
  // name
  ['Invalid record set name.', 'invalid-name'],
  ['Invalid record set name (DNS.0304): www.example.org. is not in zone example.com.', 'invalid-name', 'out-of-zone'],
  ['The domain name levels exceed the maximum (DNS.0320).', 'invalid-name', 'name-too-long'],
  ['Name levels exceed 16', 'invalid-name', 'name-too-long'],
  ['Error DNS.0321', 'invalid-name'],
  ['Invalid name: a label is too long', 'invalid-name', 'name-too-long'],
  // CNAME
  ["Attribute 'name' conflicts with Record Set 'x.example.com.' type 'CNAME'.", 'cname-conflict', 'cname-conflict'],
  ["attribute name conflicts with record set 'www.example.com.' type 'A'", 'cname-conflict', 'cname-conflict'],
  ['DNS.0312', 'cname-conflict', 'cname-conflict'],
  ['CNAME record conflicts with other records at the same name', 'cname-conflict', 'cname-conflict'],
  // already there
  ['The record set already exists.', 'already-exists'],
  ['This record set name already exists', 'already-exists'],
  ['Duplicate recordset exists.(name: www.example.com., type: A, line: default_view, records: [192.0.2.1])', 'already-exists'],
  ['duplicate record set exists (ttl: 300)', 'already-exists'],
  ['Conflict (DNS.0335)', 'already-exists'],
  ['error_code DNS.0016', 'already-exists'],
  // weight: a value problem
  ['The weight must be between 0 and 1000 (DNS.0322)', 'invalid-value'],
  ['Weighted record sets must not exceed 20', 'invalid-value'],
  ['Rejected: DNS.0328', 'invalid-value'],
  ['Attribute weight is invalid.', 'invalid-value'],
  // an SRV value names its own weight field: a value format the rules check, not a weighted set
  ['Invalid record value, an SRV record must be "priority weight port target".', 'invalid-value', 'rdata-format'],
  // the sandbox's preflight task (the words of write-and-live.md with its codes)
  ["Attribute 'records' is invalid, 'TXT record character string longer than 255'. (DNS.0308)", 'invalid-value', 'txt-format'],
  ['Invalid record set name, the name is not in the zone preflight.example. (DNS.0304)', 'invalid-name', 'out-of-zone'],
  ['Invalid record set name, the domain name levels exceed 16. (DNS.0320)', 'invalid-name', 'name-too-long'],
  // quota
  ['Insufficient record set quota', 'quota'],
  ['insufficient record set quota.', 'quota'],
  ['The quota of record sets has been exceeded (DNS.0403)', 'quota'],
  ['Forbidden request DNS.0403', 'permission'], // "forbidden" wins over the code: the words are clearer
  // zone
  ["This Zone 'example.com.' does not exist.", 'zone-not-found'],
  ['this zone "example.org." does not exist', 'zone-not-found'],
  ['Zone not found', 'zone-not-found'],
  ['Error (DNS.0302)', 'zone-not-found'],
  // request too big
  ['The batch number has been out of MAX count.', 'too-large', 'too-many-for-one-task'],
  ['batch number has been out of max count (DNS.0326)', 'too-large', 'too-many-for-one-task'],
  ['DNS.0327', 'too-large', 'too-many-for-one-task'],
  ['DNS.0329 rejected', 'too-large', 'too-many-for-one-task'],
  // throttled
  ['The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 minute', 'throttled'],
  ['APIGW.0308 The throttling threshold has been reached', 'throttled'],
  ['Too Many Requests', 'throttled'],
  ['error APIGW.0308', 'throttled'],
  // transient
  ['Could not acquire the lock, please try again later.', 'transient'],
  ['could not acquire lock (DNS.0021)', 'transient'],
  ['System busy', 'transient'],
  ['SYSTEM BUSY, PLEASE RETRY.', 'transient'],
  ['Internal server error.', 'transient'],
  ['Internal error (DNS.0000)', 'transient'],
  ['DNS.0001', 'transient'],
  ['Failed (DNS.0003)', 'transient'],
  ['Service Unavailable', 'transient'],
  ['Request timed out', 'transient'],
  // permission
  ['You have no permission to perform this operation.', 'permission'],
  ['The user is not authorized to perform dns:recordset:create.', 'permission'],
  ["Policy doesn't allow dns:recordset:batchCreatePublicZoneRecordsets to be performed.", 'permission'],
  ['Policy doesn’t allow dns:quota:list to be performed', 'permission'],
  ['policy does not allow dns:recordset:create to be performed', 'permission'],
  ['IAM authentication failed', 'permission'],
  ['Incorrect IAM authentication information: verify aksk signature fail', 'permission'],
  ['Access denied (DNS.0005)', 'permission'],
  ['DNS.0013', 'permission'],
  ['Unauthorized', 'permission'],
  // unknown
  ['Something nobody has seen before', 'unknown'],
  ['', 'unknown'],
  ['   ', 'unknown'],
  ['DNS.9999 odd', 'unknown'],
];

describe('explainFailure', () => {
  for (const [text, kind, rule] of TABLE) {
    it(`${JSON.stringify(text)} → ${kind}${rule ? ` (${rule})` : ''}`, () => {
      const e = explainFailure(text);
      assert.equal(e.kind, kind);
      assert.equal(e.lintRule, rule);
      assert.ok(e.summary.length > 0 && e.fix.length > 0);
    });
  }

  it('is retryable exactly for throttled, transient, quota and too-large', () => {
    const retryable = new Set<FailureKind>(['throttled', 'transient', 'quota', 'too-large']);
    const seen = new Set<FailureKind>();
    for (const [text] of TABLE) {
      const e = explainFailure(text);
      seen.add(e.kind);
      assert.equal(e.retryable, retryable.has(e.kind), text);
    }
    // The table covers every kind, so the check above covers every kind too.
    assert.equal(seen.size, 13);
  });

  it('shows an unknown text as it is, and says so when the server sent none', () => {
    assert.equal(explainFailure('  Something nobody has seen before ').summary, 'Something nobody has seen before');
    assert.equal(explainFailure('').summary, FAILURE_TEXTS.unknown.summary);
    assert.equal(explainFailure('').fix, FAILURE_TEXTS.unknown.fix);
  });

  it('names the IAM action a policy denial names', () => {
    const e = explainFailure("Policy doesn't allow dns:recordset:batchCreatePublicZoneRecordsets to be performed.");
    assert.match(e.summary, /dns:recordset:batchCreatePublicZoneRecordsets/);
    assert.match(e.fix, /Grant the IAM action dns:recordset:batchCreatePublicZoneRecordsets/);
    assert.match(explainFailure('You have no permission.').fix, /dns:recordset:batchCreatePublicZoneRecordsets/);
  });

  it('names the zone that does not exist', () => {
    assert.match(explainFailure("This Zone 'example.com.' does not exist.").summary, /The zone example\.com\. does not exist/);
  });

  it('passes every sentence through the given Translate with its arguments', () => {
    const calls: unknown[][] = [];
    const t = (m: string, ...a: Array<string | number>) => {
      calls.push([m, ...a]);
      return `«${m}»`;
    };
    const e = explainFailure("Policy doesn't allow dns:recordset:create to be performed", t);
    assert.equal(e.summary, `«${FAILURE_TEXTS['permission.named'].summary}»`);
    assert.deepEqual(calls[1], [FAILURE_TEXTS['permission.named'].fix, 'dns:recordset:create']);
    assert.equal(explainFailure('System busy', t).fix, `«${FAILURE_TEXTS.transient.fix}»`);
  });

  it('predicts only with real rule ids', () => {
    for (const [text] of TABLE) {
      const rule = explainFailure(text).lintRule;
      if (rule) assert.ok(LINT_RULE_IDS.includes(rule), rule);
    }
  });

  it('never throws and stays fast on hostile text (huge, odd characters, not a string)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (s) => {
      const e = explainFailure(s);
      assert.ok(e.summary !== undefined && e.fix !== undefined);
    }), { numRuns: 300 });
    const huge = 'zone '.repeat(200_000) + 'does not exist';
    const t0 = Date.now();
    explainFailure(huge);
    explainFailure('x'.repeat(1_000_000));
    // Not a speed assertion: catastrophic backtracking would take minutes, not this test's timeout.
    assert.ok(Date.now() - t0 < 15_000);
    assert.equal(explainFailure(undefined as unknown as string).kind, 'unknown');
    assert.equal(explainFailure(null as unknown as string).kind, 'unknown');
  });
});
