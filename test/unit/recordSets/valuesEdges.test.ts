// Record values as zone files and the live zone really spell them: tabs, CRLF and multi-line rdata between
// fields, escapes beside blanks, quotes and backslashes where nobody expects them, leading zeros the fast paths
// must not let through. Each case is a value that would be sent wrongly or compared as a false difference.
import * as assert from 'node:assert/strict';
import { apiRecordValue, normalizeRecordValue } from '../../../src/core';

const O = 'example.com.';
const n = (type: string, value: string, apex = O) => normalizeRecordValue(type, value, apex);

describe('record values: blanks, escapes and spellings from real zone files', () => {
  it('splits fields at tabs, line feeds and CRLF as at spaces (tab-aligned files, multi-line records)', () => {
    assert.equal(apiRecordValue('SRV', '10\t60\n5060\r\nsip', O), '10 60 5060 sip.example.com.');
    assert.equal(apiRecordValue('MX', '\t10\tmail\r', O), '10 mail.example.com.');
    assert.equal(apiRecordValue('TXT', '"a"\t"b"\r\n"c"', O), '"a" "b" "c"');
    assert.equal(apiRecordValue('CAA', '0\tissue\n"ca.example.net"', O), '0 issue "ca.example.net"');
    assert.equal(n('MX', '10\r\nMail'), '10 mail.example.com.');
  });

  it('a carriage return around an address is a blank, not part of it', () => {
    assert.equal(n('A', '192.0.2.1\r'), '192.0.2.1');
    assert.equal(n('A', '\r192.0.2.1'), '192.0.2.1');
  });

  it('leaves a number that is not plain decimal as written (lint reports it) instead of cutting its zeros', () => {
    assert.equal(apiRecordValue('MX', '010x mail', O), '010x mail.example.com.');
    assert.equal(apiRecordValue('SRV', '01 0x2 0443 sip', O), '1 0x2 443 sip.example.com.');
  });

  it('leading zeros are dropped even where the rest is already in the stored form', () => {
    assert.equal(n('CAA', '00 issue "ca.example.net"'), '0 issue "ca.example.net"');
    assert.equal(n('CAA', '0128 issue "ca.example.net"'), '128 issue "ca.example.net"');
    assert.equal(n('MX', '010 mail.example.com.'), '10 mail.example.com.');
    assert.equal(n('SRV', '01 2 3 sip.example.com.'), '1 2 3 sip.example.com.');
    assert.equal(n('SRV', '1 02 3 sip.example.com.'), '1 2 3 sip.example.com.');
    assert.equal(n('SRV', '1 2 03 sip.example.com.'), '1 2 3 sip.example.com.');
  });

  it('TXT: every quote inside a bare word is escaped, a trailing backslash is kept, a blank beside an escape stays a blank', () => {
    assert.equal(n('TXT', 'say"hi"'), '"say\\"hi\\""');
    assert.equal(n('TXT', 'C:\\dir\\'), '"C:dir\\\\"');
    assert.equal(n('TXT', '"a b\\065"'), '"a bA"');
    assert.equal(n('TXT', '"a b\tc"'), '"a b\\009c"');
  });

  it('TXT: a value ending in a lone opening quote is not taken as already in the stored form', () => {
    assert.equal(n('TXT', '"a" "'), '"a" ""');
    assert.equal(n('TXT', '"a" "b'), '"a" "b"');
  });
});
