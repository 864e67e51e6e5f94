import * as assert from 'node:assert/strict';
import { formatSdkDate, parseSdkDate, percentDecode } from '../../../src/core/signing';

describe('signing: X-Sdk-Date parsing', () => {
  it('round-trips a real date', () => {
    const d = parseSdkDate('20250617T130915Z');
    assert.ok(d);
    assert.equal(formatSdkDate(d), '20250617T130915Z');
  });

  it('rejects impossible calendar dates instead of rolling them over', () => {
    assert.equal(parseSdkDate('20250230T000000Z'), undefined);
    assert.equal(parseSdkDate('20250101T240000Z'), undefined);
    assert.equal(parseSdkDate('20250101T126000Z'), undefined);
  });

  it('rejects malformed strings', () => {
    assert.equal(parseSdkDate('2025-06-17T13:09:15Z'), undefined);
    assert.equal(parseSdkDate(''), undefined);
  });
});

describe('signing: percent-decoding with malformed sequences', () => {
  it('keeps characters outside the BMP intact beside a stray %', () => {
    assert.equal(percentDecode('😀%zz'), '😀%zz');
    assert.equal(percentDecode('%41😀%'), 'A😀%');
  });
});
