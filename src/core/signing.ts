// SDK-HMAC-SHA256, the request signature of Huawei Cloud's API gateway, as the vendor's SDKs compute it.
import { createHash, createHmac } from 'node:crypto';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SDK_DATE_RE = /^\d{8}T\d{6}Z$/;

export interface SignableRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The exact bytes sent (a string is hashed as its UTF-8 bytes). */
  body?: string | Uint8Array;
}

export interface SigningCredentials {
  accessKey: string;
  secretKey: string;
}

export interface SignatureResult {
  authorization: string;
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
  /** The headers as they must be sent (X-Sdk-Date added when missing), without Authorization. */
  headers: Record<string, string>;
}

/** RFC 3986 unreserved characters stay; every other UTF-8 byte becomes %XX (upper-case hex). */
export function percentEncode(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  let out = '';
  for (const b of bytes) {
    const unreserved =
      (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) ||
      b === 0x2d || b === 0x5f || b === 0x2e || b === 0x7e;
    out += unreserved ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Decodes %XX sequences (never `+`, which is a literal plus in the SDK's query); malformed input is kept as is. */
export function percentDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    // Decode what can be decoded byte-wise; leave stray '%' literal.
    const bytes: number[] = [];
    // Walk by code point so characters outside the BMP (emoji) survive as one UTF-8 sequence.
    const chars = Array.from(value);
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const hex = (chars[i + 1] ?? '') + (chars[i + 2] ?? '');
      if (c === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(c, 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
}

function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Each path segment decoded then encoded; a `/` appended when the path does not end with one. */
export function canonicalUri(pathname: string): string {
  const encoded = pathname.split('/').map((segment) => percentEncode(percentDecode(segment))).join('/');
  const withSlash = encoded.endsWith('/') ? encoded : encoded + '/';
  return withSlash.startsWith('/') ? withSlash : '/' + withSlash;
}

/** Parses a raw query string (without `?`) into decoded key/value pairs, keeping repeats and order. */
export function parseQuery(rawQuery: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([percentDecode(key), percentDecode(value)]);
  }
  return pairs;
}

/** `enc(key)=enc(value)` pairs sorted by key in byte order, a repeated key's values sorted, joined with `&`. */
export function canonicalQuery(pairs: readonly (readonly [string, string])[]): string {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const values = byKey.get(k);
    if (values) values.push(v);
    else byKey.set(k, [v]);
  }
  const keys = [...byKey.keys()].sort(byteCompare);
  const parts: string[] = [];
  for (const key of keys) {
    const values = byKey.get(key)!.slice().sort(byteCompare);
    for (const value of values) parts.push(`${percentEncode(key)}=${percentEncode(value)}`);
  }
  return parts.join('&');
}

function rawQueryOf(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  return url.slice(q + 1, hash < 0 ? undefined : hash);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** "YYYYMMDDTHHMMSSZ" in UTC. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Parses "YYYYMMDDTHHMMSSZ"; undefined when malformed. */
export function parseSdkDate(value: string): Date | undefined {
  if (!SDK_DATE_RE.test(value)) return undefined;
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`;
  const d = new Date(iso);
  // Reject impossible dates (Feb 30, hour 24) instead of letting Date roll them over.
  if (Number.isNaN(d.getTime()) || formatSdkDate(d) !== value) return undefined;
  return d;
}

/**
 * Signs a request. Every header given but Authorization is signed (lower-cased, trimmed, sorted), plus `host` from
 * the URL when the headers lack it, plus `X-Sdk-Date` = sdkDate when the headers lack it.
 */
export function signRequest(
  request: SignableRequest,
  credentials: SigningCredentials,
  sdkDate: string,
): SignatureResult {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  const lowerNames = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    // An Authorization header passed in (a stale one from an earlier attempt) is neither signed nor returned:
    // the caller sends the new one beside `headers`, and two Authorization headers would be rejected.
    if (name.toLowerCase() === 'authorization') continue;
    headers[name] = value;
    lowerNames.set(name.toLowerCase(), name);
  }
  if (!lowerNames.has('x-sdk-date')) {
    headers['X-Sdk-Date'] = sdkDate;
    lowerNames.set('x-sdk-date', 'X-Sdk-Date');
  }
  const canonical = new Map<string, string>();
  for (const [lower, original] of lowerNames) canonical.set(lower, String(headers[original]).trim());
  if (!canonical.has('host')) canonical.set('host', url.host);
  const names = [...canonical.keys()].sort(byteCompare);
  const canonicalHeaders = names.map((n) => `${n}:${canonical.get(n)}\n`).join('');
  const signedHeaders = names.join(';');

  const contentSha = canonical.get('x-sdk-content-sha256');
  const bodyHash = contentSha ?? (request.body !== undefined && request.body.length > 0 ? sha256Hex(request.body) : EMPTY_BODY_SHA256);
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(parseQuery(rawQueryOf(request.url))),
    canonicalHeaders,
    signedHeaders,
    bodyHash,
  ].join('\n');
  const date = canonical.get('x-sdk-date') ?? sdkDate;
  const stringToSign = `${SIGNING_ALGORITHM}\n${date}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', credentials.secretKey).update(stringToSign).digest('hex');
  const authorization = `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { authorization, canonicalRequest, stringToSign, signedHeaders, signature, headers };
}
