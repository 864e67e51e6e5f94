// Test helpers: send exactly the bytes a test means (node:http lets us choose Host, path and body), signed with
// the project's signer.
import { request } from 'node:http';
import { connect } from 'node:net';
import { formatSdkDate, signRequest } from '../../../src/core/signing';
import { SANDBOX_CREDENTIALS } from '../../support/fakeGateway';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request over a fresh connection, exactly as given (no header added but what node needs). */
export function send(baseUrl: string, r: RawRequest): Promise<Answer> {
  const url = new URL(baseUrl);
  const headers = { ...(r.headers ?? {}) };
  // node sends a GET body unframed unless told its length.
  if (r.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(r.body));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: r.method ?? 'GET', path: r.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

export interface SignOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  credentials?: { accessKey: string; secretKey: string };
  /** Default: the real clock. */
  date?: Date;
}

/** Headers (Authorization included) for a request to baseUrl + path signed with signRequest. */
export function signedHeaders(baseUrl: string, path: string, o: SignOptions = {}): Record<string, string> {
  const s = signRequest(
    { method: o.method ?? 'GET', url: baseUrl + path, headers: { 'Content-Type': 'application/json', ...(o.headers ?? {}) }, body: o.body },
    o.credentials ?? SANDBOX_CREDENTIALS,
    formatSdkDate(o.date ?? new Date()),
  );
  return { ...s.headers, Authorization: s.authorization };
}

/** A correctly signed request. */
export function signedSend(baseUrl: string, path: string, o: SignOptions = {}): Promise<Answer> {
  return send(baseUrl, { method: o.method, path, headers: signedHeaders(baseUrl, path, o), body: o.body });
}

/** Writes raw bytes on a socket and returns everything the server sent until it closed (or 2 s of silence). */
export function rawExchange(baseUrl: string, bytes: string | Buffer): Promise<string> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(2000, () => socket.end());
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.end(bytes); // half-close: the server answers what it got, then closes
  });
}

export const REQUEST_ID_RE = /^[0-9a-f]{32}$/;

/** A controllable clock for the gateway. */
export function fakeClock(start = Date.UTC(2025, 5, 17, 13, 9, 15)): { now: () => number; advance: (ms: number) => void; date: () => Date } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms), date: () => new Date(t) };
}
