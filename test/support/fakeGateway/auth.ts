// SDK-HMAC-SHA256 verification as the gateway does it: over the request exactly as received (method, raw path and
// query of the request line, the signed headers' received values, Host, body bytes), never over what the client
// meant to send. The canonical form comes from the project's own signer so client and fake cannot drift apart,
// except the two lines the signer derives from a parsed URL/string body, which are recomputed from the raw input.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  canonicalUri,
  formatSdkDate,
  parseSdkDate,
  sha256Hex,
  signRequest,
  SIGNING_ALGORITHM,
} from '../../../src/core/signing';
import type { FakeCredentials } from './types';

export const AUTH_PREFIX = 'Incorrect IAM authentication information: ';

export interface ReceivedRequest {
  method: string;
  /** The raw path (no query), as on the request line. */
  rawPath: string;
  /** The raw query without `?`. */
  rawQuery: string;
  /** node's req.rawHeaders: name, value, name, value… */
  rawHeaders: readonly string[];
  body: Buffer;
}

export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

export type AuthResult =
  | { ok: true; accessKey: string; credentials: FakeCredentials }
  | {
      ok: false;
      accessKey?: string;
      message: string;
      /** A wrong signature for a known key: counts towards the five-in-a-row lock. */
      badSignature: boolean;
    };

/** `SDK-HMAC-SHA256 Access=…, SignedHeaders=a;b, Signature=…`; undefined when it is not that. */
export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  if (value === undefined) return undefined;
  const m = /^SDK-HMAC-SHA256\s+(.+)$/.exec(value.trim());
  if (!m) return undefined;
  const fields = new Map<string, string>();
  for (const part of m[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKey = fields.get('Access');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKey || !signedHeaders || !signature) return undefined;
  return { accessKey, signedHeaders: signedHeaders.split(';'), signature };
}

/** All received values of one header (case-insensitive), joined as a proxy would join repeats. */
export function headerValue(rawHeaders: readonly string[], lowerName: string): string | undefined {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === lowerName) values.push(rawHeaders[i + 1]!);
  }
  return values.length === 0 ? undefined : values.join(',');
}

function safeEqualHex(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  // Compare equal-length buffers either way so a length mismatch takes as long as a content mismatch.
  const same = timingSafeEqual(ba.length === bb.length ? ba : bb, bb);
  return same && ba.length === bb.length;
}

function fail(message: string, accessKey?: string, badSignature = false): AuthResult {
  return { ok: false, accessKey, message: AUTH_PREFIX + message, badSignature };
}

/** The signature the gateway expects for this request and secret (exported for tests and diagnostics). */
export function expectedSignature(req: ReceivedRequest, signed: readonly string[], secretKey: string): string | undefined {
  const headers: Record<string, string> = {};
  for (const name of signed) {
    const value = headerValue(req.rawHeaders, name);
    if (value === undefined) return undefined;
    headers[name] = value;
  }
  const host = headers['host'];
  if (host === undefined) return undefined;
  let result;
  try {
    const query = req.rawQuery === '' ? '' : `?${req.rawQuery}`;
    result = signRequest({ method: req.method, url: `http://${host}/${query}`, headers }, { accessKey: '-', secretKey }, headers['x-sdk-date'] ?? '');
  } catch {
    return undefined; // a Host header no URL parser accepts: nothing can match
  }
  // The signer reads the path from a parsed URL (which resolves dot segments) and hashes a string body; the
  // gateway signs the raw path and the exact body bytes. CanonicalRequest = method, uri, query, headers…, hash.
  const lines = result.canonicalRequest.split('\n');
  lines[1] = canonicalUri(req.rawPath);
  if (headers['x-sdk-content-sha256'] === undefined) lines[lines.length - 1] = sha256Hex(req.body);
  const stringToSign = `${SIGNING_ALGORITHM}\n${headers['x-sdk-date']}\n${sha256Hex(lines.join('\n'))}`;
  return createHmac('sha256', secretKey).update(stringToSign).digest('hex');
}

/**
 * Checks Authorization, X-Sdk-Date (present, signed, well-formed, within maxSkewMs of now), that host is signed,
 * the HMAC, and for temporary credentials a signed, matching X-Security-Token. Pure: key locks live elsewhere.
 */
export function verifyRequest(
  req: ReceivedRequest,
  credentials: readonly FakeCredentials[],
  now: number,
  maxSkewMs: number,
): AuthResult {
  const auth = parseAuthorization(headerValue(req.rawHeaders, 'authorization'));
  if (!auth) return fail('Authorization header is missing or is not SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…');
  const { accessKey } = auth;
  const creds = credentials.find((c) => c.accessKey === accessKey);
  if (!creds) return fail(`ak ${accessKey.slice(0, 64)} not found`, accessKey);

  const signed = auth.signedHeaders.map((h) => h.trim().toLowerCase());
  const date = headerValue(req.rawHeaders, 'x-sdk-date');
  if (date === undefined || !signed.includes('x-sdk-date')) {
    return fail('X-Sdk-Date is missing or not among the signed headers', accessKey);
  }
  const parsed = parseSdkDate(date.trim());
  // parseSdkDate lets impossible calendar dates roll over (20250230 → March 2); the gateway refuses them.
  if (!parsed || formatSdkDate(parsed) !== date.trim()) {
    return fail(`X-Sdk-Date '${date.slice(0, 40)}' is malformed: expected YYYYMMDDTHHMMSSZ in UTC`, accessKey);
  }
  const skew = parsed.getTime() - now;
  if (Math.abs(skew) > maxSkewMs) {
    return fail(
      `X-Sdk-Date ${date.trim()} is ${Math.round(Math.abs(skew) / 60000)} minutes ${skew > 0 ? 'ahead of' : 'behind'} ` +
        `the gateway time ${formatSdkDate(new Date(now))} (more than ${Math.round(maxSkewMs / 60000)} minutes): check the system clock`,
      accessKey,
    );
  }
  if (!signed.includes('host')) return fail('host is not among the signed headers', accessKey);
  const missing = signed.find((h) => headerValue(req.rawHeaders, h) === undefined);
  if (missing !== undefined) return fail(`signed header ${missing} is not in the request`, accessKey, true);

  const expected = expectedSignature(req, signed, creds.secretKey);
  const sortedSame = signed.join(';') === [...signed].sort().join(';');
  if (expected === undefined || !safeEqualHex(auth.signature, expected) || !sortedSame) {
    return fail('verify aksk signature fail', accessKey, true);
  }

  if (creds.securityToken !== undefined) {
    const token = headerValue(req.rawHeaders, 'x-security-token');
    if (token === undefined || !signed.includes('x-security-token') || !safeEqualHex(token.trim(), creds.securityToken)) {
      return fail('temporary access key needs a signed X-Security-Token matching it', accessKey);
    }
  }
  return { ok: true, accessKey, credentials: creds };
}

/** Five wrong signatures in a row for one key lock it for five minutes; a good one resets the count. */
export class KeyLocks {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly maxFailures = 5,
    private readonly lockMs = 5 * 60_000,
  ) {}

  isLocked(accessKey: string, now: number): boolean {
    const until = this.lockedUntil.get(accessKey);
    if (until === undefined) return false;
    if (now < until) return true;
    this.lockedUntil.delete(accessKey);
    this.failures.delete(accessKey);
    return false;
  }

  recordFailure(accessKey: string, now: number): void {
    const n = (this.failures.get(accessKey) ?? 0) + 1;
    this.failures.set(accessKey, n);
    if (n >= this.maxFailures) this.lockedUntil.set(accessKey, now + this.lockMs);
  }

  recordSuccess(accessKey: string): void {
    this.failures.delete(accessKey);
  }

  clear(): void {
    this.failures.clear();
    this.lockedUntil.clear();
  }
}

export const LOCKED_MESSAGE =
  AUTH_PREFIX + 'the access key is locked for 5 minutes after 5 failed signature verifications in a row';
