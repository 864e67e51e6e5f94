// Record values in two forms: the API's form built from a zone file's rdata (what a batch-create sends), and
// the comparison form (how the service stores a value), so a file and the live zone never differ by spelling.
import { nameFromBytes, normalizeName } from '../zone/names';
import { canonicalIpv6 } from './ipv6';

export { canonicalIpv6 };

interface Token {
  /** The token as written, without the surrounding quotes of a quoted string (escapes kept). */
  raw: string;
  quoted: boolean;
}

/**
 * Splits rdata in presentation form into tokens: quoted strings (quotes dropped, escapes kept) and bare words,
 * separated by blanks. A backslash escapes the next character in either.
 */
export function tokenizeRdata(rdata: string): Token[] {
  const out: Token[] = [];
  const n = rdata.length;
  let i = 0;
  while (i < n) {
    const c = rdata.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
      continue;
    }
    const quoted = c === 0x22;
    let j = quoted ? i + 1 : i;
    for (; j < n; j++) {
      const d = rdata.charCodeAt(j);
      if (d === 0x5c) {
        j++;
        continue;
      }
      if (quoted ? d === 0x22 : d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d) break;
    }
    out.push({ raw: rdata.slice(quoted ? i + 1 : i, Math.min(j, n)), quoted });
    i = quoted ? j + 1 : j;
  }
  return out;
}

/** `010` -> `10`; anything not a plain decimal number is left as written (lint reports it). */
function number(text: string): string {
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
}

let lastOrigin = '';
let lastOriginNormal = '';
/** Origins arrive in the indexer's form already; normalise once per distinct origin anyway. */
function absoluteOrigin(origin: string): string {
  if (origin === lastOrigin) return lastOriginNormal;
  lastOrigin = origin;
  lastOriginNormal = normalizeName(origin);
  return lastOriginNormal;
}

const PLAIN_ABSOLUTE = /^[a-z0-9_*-][a-z0-9_.*-]*\.$/;

/** A name inside rdata made absolute (relative to `origin`, `@` is the origin) and lower-case, escapes in BIND form. */
export function absoluteName(token: string, origin: string): string {
  if (PLAIN_ABSOLUTE.test(token) && !token.includes('..')) return token;
  const o = absoluteOrigin(origin);
  if (token === '@') return o;
  if (token === '' || token === '.') return '.';
  const bytes = Buffer.from(token, 'utf8');
  return nameFromBytes(bytes, 0, bytes.length, o);
}

/** Types whose whole value is one domain name. */
const NAME_TYPES = new Set(['CNAME', 'NS', 'PTR', 'DNAME']);

function quote(raw: string): string {
  return `"${raw}"`;
}

/**
 * The value as the batch-create API takes it, from a zone file's rdata (comments and parentheses removed, names
 * as written) and the `$ORIGIN` in effect: names inside CNAME/NS/MX/SRV values absolute and lower-case, TXT
 * strings quoted (a bare word gets quotes), MX `pref target`, SRV `prio weight port target`, CAA
 * `flag tag "value"`; numbers without leading zeros (as the service stores them); A, AAAA and other types as
 * written.
 */
export function apiRecordValue(type: string, rdata: string, origin: string): string {
  const t = type.toUpperCase();
  if (t === 'A' || t === 'AAAA') return rdata.trim();
  if (t === 'TXT' || t === 'SPF') {
    const tokens = tokenizeRdata(rdata);
    return tokens.length === 0 ? rdata.trim() : tokens.map((k) => quote(k.raw)).join(' ');
  }
  const tokens = tokenizeRdata(rdata);
  if (NAME_TYPES.has(t)) return tokens.length === 1 ? absoluteName(tokens[0]!.raw, origin) : rdata.trim();
  if (t === 'MX' && tokens.length === 2) return `${number(tokens[0]!.raw)} ${absoluteName(tokens[1]!.raw, origin)}`;
  if (t === 'SRV' && tokens.length === 4) {
    const [p, w, port, target] = tokens as [Token, Token, Token, Token];
    return `${number(p.raw)} ${number(w.raw)} ${number(port.raw)} ${absoluteName(target.raw, origin)}`;
  }
  if (t === 'CAA' && tokens.length >= 3) {
    const value = tokens.length === 3 ? tokens[2]!.raw : tokens.slice(2).map((k) => k.raw).join(' ');
    return `${number(tokens[0]!.raw)} ${tokens[1]!.raw.toLowerCase()} ${quote(value)}`;
  }
  return tokens.map((k) => (k.quoted ? quote(k.raw) : k.raw)).join(' ');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A character-string's escapes decoded (`\"`, `\\`, `\065`), then written back one canonical way. */
function canonicalString(raw: string): string {
  // Without escapes or control characters nothing but a quote needs writing back (a tab written as such and as
  // `\009` is one string, so the loop below must see it).
  if (!raw.includes('\\') && !CONTROL.test(raw)) return raw.includes('"') ? raw.replace(/"/g, '\\"') : raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    let ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const ddd = /^\d{3}/.exec(raw.slice(i + 1, i + 4));
      if (ddd) {
        ch = String.fromCharCode(Number(ddd[0]) & 0xff);
        i += 3;
      } else {
        ch = raw[i + 1]!;
        i += 1;
      }
    }
    const code = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (code < 0x20 || code === 0x7f) out += '\\' + String(code).padStart(3, '0');
    else out += ch;
  }
  return out;
}

/**
 * The comparison form of a value (file or live): what the service would store for it. Names inside values
 * absolute (a name without the trailing dot is relative to `apex`) and lower-case; TXT as its sequence of
 * strings (blanks between strings are not data, blanks and case inside a string are); IPv6 in RFC 5952 form;
 * MX, SRV and CAA numbers without leading zeros; CAA tags lower-case. Anything unrecognised: blanks collapsed.
 */
export function normalizeRecordValue(type: string, value: string, apex: string): string {
  return normalizeValue(type.toUpperCase(), value, apex);
}

// Fast paths: a value already in its comparison form (nearly every live value, most file values) is returned
// as it is, without tokenising or allocating. Each pattern accepts only what the slow path would return unchanged.
const CANONICAL_MX = /^(?:0|[1-9]\d{0,4}) [a-z0-9_*-][a-z0-9_.*-]*\.$/;
const CANONICAL_SRV = /^(?:0|[1-9]\d{0,4}) (?:0|[1-9]\d{0,4}) (?:0|[1-9]\d{0,4}) (?:\.|[a-z0-9_*-][a-z0-9_.*-]*\.)$/;
// eslint-disable-next-line no-control-regex
const CANONICAL_CAA = /^(?:0|[1-9]\d{0,2}) [a-z0-9]+ "[^"\\\u0000-\u001f\u007f]*"$/;

/** `"a b" "c"`: quoted strings joined by one blank, no backslash, no control character. */
function isCanonicalTxt(v: string): boolean {
  const n = v.length;
  if (n < 2 || v.charCodeAt(0) !== 0x22 || v.charCodeAt(n - 1) !== 0x22) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x5c || c < 0x20 || c === 0x7f) return false;
    if (c === 0x22) {
      if (i + 2 >= n - 1 || v.charCodeAt(i + 1) !== 0x20 || v.charCodeAt(i + 2) !== 0x22) return false;
      i += 2;
    }
  }
  return true;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** normalizeRecordValue for a type already in upper case. */
export function normalizeValue(t: string, value: string, apex: string): string {
  switch (t) {
    case 'A':
      return value.length > 0 && !isBlank(value.charCodeAt(0)) && !isBlank(value.charCodeAt(value.length - 1)) ? value : value.trim();
    case 'AAAA':
      return canonicalIpv6(value) ?? value.trim().toLowerCase();
    case 'TXT':
    case 'SPF': {
      if (isCanonicalTxt(value)) return value;
      const tokens = tokenizeRdata(value);
      return tokens.map((k) => quote(canonicalString(k.raw))).join(' ');
    }
    case 'CAA': {
      if (CANONICAL_CAA.test(value)) return value;
      const tokens = tokenizeRdata(value);
      if (tokens.length < 3) break;
      const rest = tokens.length === 3 ? tokens[2]!.raw : tokens.slice(2).map((k) => k.raw).join(' ');
      return `${number(tokens[0]!.raw)} ${tokens[1]!.raw.toLowerCase()} ${quote(canonicalString(rest))}`;
    }
    case 'MX':
      return CANONICAL_MX.test(value) && !value.includes('..') ? value : apiRecordValue(t, value, apex);
    case 'SRV':
      return CANONICAL_SRV.test(value) && !value.includes('..') ? value : apiRecordValue(t, value, apex);
    default: {
      if (NAME_TYPES.has(t)) return PLAIN_ABSOLUTE.test(value) && !value.includes('..') ? value : apiRecordValue(t, value, apex);
    }
  }
  return tokenizeRdata(value).map((k) => (k.quoted ? quote(k.raw) : k.raw)).join(' ');
}

/** The (name, type) key sets are matched by: names case-insensitive with the trailing dot implied. */
export function recordSetKey(name: string, type: string): string {
  return `${ownerKey(name)} ${upperType(type)}`;
}

/** Types arrive upper-case nearly always: no new string then. */
export function upperType(type: string): string {
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return type.toUpperCase();
  }
  return type;
}

/** `a-z 0-9 _ * -` and `.` between labels: nothing to decode or fold. Checked per character (hot path). */
function isPlainName(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  let prevDot = true;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2e) {
      if (prevDot) return false;
      prevDot = true;
      continue;
    }
    prevDot = false;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2a || c === 0x2d)) return false;
  }
  return true;
}

/** An owner name lower-case and absolute (a missing trailing dot is implied), escapes decoded the BIND way. */
export function ownerKey(name: string): string {
  if (isPlainName(name)) return name.charCodeAt(name.length - 1) === 0x2e ? name : name + '.';
  return normalizeName(name);
}
