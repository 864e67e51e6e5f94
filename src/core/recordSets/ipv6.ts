// IPv6 text to its RFC 5952 form without building a URL: the WHATWG URL standard's IPv6 parser and serialiser
// (the host of `http://[…]/`), step for step, over the string's char codes. `new URL()` per value was most of
// a 100,000-set comparison; a differential property test (test/unit/recordSets/ipv6.test.ts) holds the two
// equal, failures included.

const COLON = 0x3a;
const DOT = 0x2e;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : -1;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The eight 16-bit pieces of `t` (WHATWG "IPv6 parser"), or undefined on failure. `NaN` is the end of input. */
function parsePieces(t: string): number[] | undefined {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  const n = t.length;
  let piece = 0;
  let compress = -1;
  let p = 0;
  const at = (k: number): number => (k < n ? t.charCodeAt(k) : NaN);
  if (at(p) === COLON) {
    if (at(p + 1) !== COLON) return undefined;
    p += 2;
    piece++;
    compress = piece;
  }
  while (p < n) {
    if (piece === 8) return undefined;
    if (at(p) === COLON) {
      if (compress !== -1) return undefined;
      p++;
      piece++;
      compress = piece;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && p < n && hexValue(at(p)) >= 0) {
      value = value * 16 + hexValue(at(p));
      p++;
      length++;
    }
    if (at(p) === DOT) {
      if (length === 0) return undefined;
      p -= length;
      if (piece > 6) return undefined;
      let numbersSeen = 0;
      while (p < n) {
        let v4 = -1;
        if (numbersSeen > 0) {
          if (at(p) === DOT && numbersSeen < 4) p++;
          else return undefined;
        }
        if (!isDigit(at(p))) return undefined;
        while (isDigit(at(p))) {
          const digit = at(p) - 0x30;
          if (v4 === -1) v4 = digit;
          else if (v4 === 0) return undefined;
          else v4 = v4 * 10 + digit;
          if (v4 > 255) return undefined;
          p++;
        }
        address[piece] = (address[piece] as number) * 0x100 + v4;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) piece++;
      }
      if (numbersSeen !== 4) return undefined;
      break;
    } else if (at(p) === COLON) {
      p++;
      if (p >= n) return undefined;
    } else if (p < n) {
      return undefined;
    }
    address[piece] = value;
    piece++;
  }
  if (compress !== -1) {
    let swaps = piece - compress;
    piece = 7;
    while (piece !== 0 && swaps > 0) {
      const k = compress + swaps - 1;
      const tmp = address[piece] as number;
      address[piece] = address[k] as number;
      address[k] = tmp;
      piece--;
      swaps--;
    }
  } else if (piece !== 8) {
    return undefined;
  }
  return address;
}

/** WHATWG "IPv6 serializer": lower-case hex, the first longest run (of two or more) of zero pieces as `::`. */
function serialise(address: readonly number[]): string {
  let best = -1;
  let bestLength = 1;
  for (let k = 0; k < 8;) {
    if (address[k] !== 0) {
      k++;
      continue;
    }
    let j = k;
    while (j < 8 && address[j] === 0) j++;
    if (j - k > bestLength) {
      best = k;
      bestLength = j - k;
    }
    k = j;
  }
  let out = '';
  let ignore0 = false;
  for (let k = 0; k < 8; k++) {
    if (ignore0 && address[k] === 0) continue;
    ignore0 = false;
    if (best === k) {
      out += k === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += (address[k] as number).toString(16);
    if (k !== 7) out += ':';
  }
  return out;
}

/** The eight pieces of an IPv6 address as canonicalIpv6 reads it, or undefined when it is not one. */
export function ipv6Pieces(text: string): number[] | undefined {
  const t = text.trim();
  if (!t.includes(':') || /[^0-9A-Fa-f:.]/.test(t)) return undefined;
  return parsePieces(t);
}

/** RFC 5952 text for an IPv6 address (what the WHATWG URL serialiser writes for the host), or undefined. */
export function canonicalIpv6(text: string): string | undefined {
  const address = ipv6Pieces(text);
  return address ? serialise(address) : undefined;
}

/**
 * Whether two addresses are one (their canonical texts equal, since the serialiser is one-to-one), without
 * writing either text; undefined when either is not an address.
 */
export function sameIpv6(a: string, b: string): boolean | undefined {
  const x = ipv6Pieces(a);
  const y = x && ipv6Pieces(b);
  if (!x || !y) return undefined;
  for (let k = 0; k < 8; k++) if (x[k] !== y[k]) return false;
  return true;
}
