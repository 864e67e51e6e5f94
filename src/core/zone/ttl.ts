// TTL values as BIND reads them: digits with optional units (`3600`, `1h30m`, `2W`, `1h30` = 3630 s).

/** Largest value kept: a 32-bit unsigned TTL (larger spellings clamp here, so range checks still see them). */
export const MAX_TTL_VALUE = 0xffffffff;

const UNIT = new Float64Array(128);
UNIT[0x73] = 1; // s
UNIT[0x6d] = 60; // m
UNIT[0x68] = 3600; // h
UNIT[0x64] = 86400; // d
UNIT[0x77] = 604800; // w

/** Seconds for the TTL token buf[s, e) (already checked by isTtl: a digit first, then digits and units). */
export function ttlValue(buf: Uint8Array, s: number, e: number): number {
  let total = 0;
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i] as number;
    if (c >= 0x30 && c <= 0x39) {
      n = n * 10 + (c - 0x30);
    } else {
      total += n * (UNIT[c | 0x20] ?? 0);
      n = 0;
    }
  }
  total += n;
  return total > MAX_TTL_VALUE ? MAX_TTL_VALUE : total;
}

/** Digits with optional s/m/h/d/w units (BIND's TTL syntax), starting with a digit. */
export function isTtl(buf: Uint8Array, s: number, e: number): boolean {
  const c0 = buf[s] as number;
  if (c0 < 0x30 || c0 > 0x39) return false;
  for (let i = s + 1; i < e; i++) {
    const c = (buf[i] as number) | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || c === 0x73 || c === 0x6d || c === 0x68 || c === 0x64 || c === 0x77)) return false;
  }
  return true;
}
