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

/**
 * Parses `t` into `address` (eight 16-bit pieces, zeroed first) as the WHATWG "IPv6 parser" does; false on
 * failure. Past the end charCodeAt gives NaN, which is the parser's end of input. Writing into the caller's
 * array lets a comparison parse two addresses with no allocation.
 */
function parseInto(t: string, address: Int32Array | number[]): boolean {
  address.fill(0);
  const n = t.length;
  let piece = 0;
  let compress = -1;
  let p = 0;
  if (t.charCodeAt(p) === COLON) {
    if (t.charCodeAt(p + 1) !== COLON) return false;
    p += 2;
    piece++;
    compress = piece;
  }
  while (p < n) {
    if (piece === 8) return false;
    if (t.charCodeAt(p) === COLON) {
      if (compress !== -1) return false;
      p++;
      piece++;
      compress = piece;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && p < n) {
      const h = hexValue(t.charCodeAt(p));
      if (h < 0) break;
      value = value * 16 + h;
      p++;
      length++;
    }
    if (t.charCodeAt(p) === DOT) {
      if (length === 0) return false;
      p -= length;
      if (piece > 6) return false;
      let numbersSeen = 0;
      while (p < n) {
        let v4 = -1;
        if (numbersSeen > 0) {
          if (t.charCodeAt(p) === DOT && numbersSeen < 4) p++;
          else return false;
        }
        if (!isDigit(t.charCodeAt(p))) return false;
        while (isDigit(t.charCodeAt(p))) {
          const digit = t.charCodeAt(p) - 0x30;
          if (v4 === -1) v4 = digit;
          else if (v4 === 0) return false;
          else v4 = v4 * 10 + digit;
          if (v4 > 255) return false;
          p++;
        }
        address[piece] = (address[piece] as number) * 0x100 + v4;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) piece++;
      }
      if (numbersSeen !== 4) return false;
      break;
    } else if (t.charCodeAt(p) === COLON) {
      p++;
      if (p >= n) return false;
    } else if (p < n) {
      return false;
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
    return false;
  }
  return true;
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

/** Whether canonicalIpv6 reads `t` (already trimmed) at all: it has a colon and only hex digits, colons, dots. */
function mayBeIpv6(t: string): boolean {
  let colon = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === COLON) colon = true;
    else if (c !== DOT && hexValue(c) < 0) return false;
  }
  return colon;
}

/** The eight pieces of an IPv6 address as canonicalIpv6 reads it, or undefined when it is not one. */
export function ipv6Pieces(text: string): number[] | undefined {
  const t = text.trim();
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  return mayBeIpv6(t) && parseInto(t, address) ? address : undefined;
}

/** RFC 5952 text for an IPv6 address (what the WHATWG URL serialiser writes for the host), or undefined. */
export function canonicalIpv6(text: string): string | undefined {
  const address = ipv6Pieces(text);
  return address ? serialise(address) : undefined;
}

// Scratch pieces for sameIpv6 (synchronous, never re-entered): a comparison allocates nothing.
const left = new Int32Array(8);
const right = new Int32Array(8);

/**
 * Whether two addresses are one (their canonical texts equal, since the serialiser is one-to-one), without
 * writing either text; undefined when either is not an address.
 */
export function sameIpv6(a: string, b: string): boolean | undefined {
  const x = a.trim();
  if (!mayBeIpv6(x) || !parseInto(x, left)) return undefined;
  const y = b.trim();
  if (!mayBeIpv6(y) || !parseInto(y, right)) return undefined;
  for (let k = 0; k < 8; k++) if (left[k] !== right[k]) return false;
  return true;
}
