// canonicalIpv6 (a hand-written WHATWG IPv6 parser and serialiser) against the URL parser it replaced, on
// addresses however they are written and on near-misses: the same text out, or undefined for the same inputs.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalIpv6 } from '../../../src/core';
import { sameIpv6 } from '../../../src/core/recordSets/ipv6';

/** What the comparison used before: the host of `http://[t]/` as the WHATWG URL serialiser writes it. */
function viaUrl(text: string): string | undefined {
  const t = text.trim();
  if (!t.includes(':') || /[^0-9A-Fa-f:.]/.test(t)) return undefined;
  try {
    return new URL(`http://[${t}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

const hexGroup = fc.oneof(fc.constant('0'), fc.constant('0000'), fc.integer({ min: 0, max: 0xffff }).map((g) => g.toString(16)), fc.integer({ min: 0, max: 0xffff }).map((g) => g.toString(16).toUpperCase().padStart(4, '0')));
const ipv4Part = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('00', '01', '256', '999', ''));
const ipv4 = fc.array(ipv4Part, { minLength: 1, maxLength: 5 }).map((p) => p.join('.'));

/** Addresses with and without `::`, an IPv4 tail, and the mistakes people make (too many groups, two `::`). */
const address = fc
  .tuple(fc.array(hexGroup, { maxLength: 9 }), fc.array(hexGroup, { maxLength: 9 }), fc.integer({ min: 0, max: 3 }), fc.option(ipv4, { nil: undefined }), fc.constantFrom('', ' ', '\t'))
  .map(([head, tail, form, v4, blank]) => {
    const sep = ['::', ':', ':::', '::'][form]!;
    let text = form === 1 ? [...head, ...tail].join(':') : `${head.join(':')}${sep}${tail.join(':')}`;
    if (v4 !== undefined) text += (text === '' || text.endsWith(':') ? '' : ':') + v4;
    return `${blank}${text}${blank}`;
  });

/** Well-formed addresses only: up to seven groups around `::` (five with an IPv4 tail), or all eight without. */
const valid = fc
  .tuple(fc.array(hexGroup, { maxLength: 7 }), fc.nat(7), fc.boolean(), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }))
  .map(([groups, cut, withV4, octets]) => {
    const room = withV4 ? 5 : 7;
    const g = groups.slice(0, room);
    const k = Math.min(cut, g.length);
    const tail = withV4 ? octets.join('.') : '';
    const right = g.slice(k).join(':');
    return `${g.slice(0, k).join(':')}::${right}${withV4 ? (right ? ':' : '') + tail : ''}`;
  });

describe('canonicalIpv6', () => {
  it('agrees with the WHATWG URL parser on well-formed addresses (with ::, an IPv4 tail, upper case, zero padding)', () => {
    fc.assert(
      fc.property(valid, (text) => {
        const want = viaUrl(text);
        assert.notEqual(want, undefined, text);
        assert.equal(canonicalIpv6(text), want, text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the WHATWG URL parser on addresses however written, and on malformed ones', () => {
    fc.assert(
      fc.property(address, (text) => {
        assert.equal(canonicalIpv6(text), viaUrl(text), JSON.stringify(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on any string of the characters an address is made of (and a few it is not)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', 'a', 'F', 'f', ':', ':', '.', '9', '2', '5', 'g', ' ', '%'), maxLength: 40 }), (text) => {
        assert.equal(canonicalIpv6(text), viaUrl(text), JSON.stringify(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('is its own fixed point', () => {
    fc.assert(
      fc.property(address, (text) => {
        const once = canonicalIpv6(text);
        if (once !== undefined) assert.equal(canonicalIpv6(once), once);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('sameIpv6', () => {
  /** The same address spelled another way (canonical, upper case, zero-padded groups), or another string. */
  const pair = fc.tuple(address, address, fc.nat(3)).map(([a, other, how]) => {
    const c = canonicalIpv6(a);
    if (c === undefined || how === 0) return [a, other] as const;
    if (how === 1) return [a, c] as const;
    return [a, how === 2 ? c.toUpperCase() : c.split(':').map((g) => (g === '' ? g : g.padStart(4, '0'))).join(':')] as const;
  });

  it('is true exactly when the canonical texts are equal, undefined when either is not an address', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const x = canonicalIpv6(a);
        const y = canonicalIpv6(b);
        assert.equal(sameIpv6(a, b), x === undefined || y === undefined ? undefined : x === y, JSON.stringify([a, b]));
      }),
      { numRuns: 20_000 },
    );
  });

  it('compares the second address afresh after the first (no pieces left from an earlier call)', () => {
    assert.equal(sameIpv6('1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'), true);
    assert.equal(sameIpv6('::1', '0:0:0:0:0:0:0:1'), true);
    assert.equal(sameIpv6('1::', '::1'), false);
    assert.equal(sameIpv6('::1', 'not an address'), undefined);
    assert.equal(sameIpv6('2001:db8::1', '2001:db8::1'), true);
  });
});
