// The network layer: one undici dispatcher per client (keep-alive), timeouts, proxy, custom CA, a size cap
// enforced while streaming, and cancellation that tears the socket down at once.
import { rootCertificates } from 'node:tls';
import type { Agent, Dispatcher, Pool, ProxyAgent } from 'undici';
import { lazy } from './lazy';
import { CancelledError, ResponseTooLargeError, TimeoutError, type ApiError } from './errors';
import { proxyFor, type ProxySettings } from './proxy';
import { mapTransportError } from './transportErrors';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface HttpOptions extends ProxySettings {
  /** Overall limit for one attempt (connect + headers + body). */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** PEM bundle trusted in addition to the system roots. */
  ca?: string;
  rejectUnauthorized?: boolean;
  maxResponseBytes?: number;
  userAgent: string;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Bytes are sent as they are; undici sets Content-Length to their count. */
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names, first value of repeated headers. */
  headers: Record<string, string>;
  body: string;
}

export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/**
 * undici is loaded at the first request, not at activation: it is most of the extension's code, and a
 * signed-out window or one that only restores its tree from state never needs it. The bundler ships it as
 * its own file (dist/undici.js).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadUndici = lazy(() => require('undici') as typeof import('undici'));

/** How long a cancelled or timed-out attempt may take to let go before its dispatcher is called stuck. */
const STUCK_AFTER_MS = 250;

/** undici's connect(): the tunnel request a ProxyAgent sends to its proxy. */
type PoolConnect = (options: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>;

/**
 * The pool a ProxyAgent sends its CONNECT requests through. undici reconnects for ever (thousands of times a
 * second) when a proxy closes the connection instead of answering a CONNECT, because the error it sees is a
 * "socket" error it considers recoverable; and it waits 300 s for a proxy that never answers. Here a failed
 * CONNECT is a proxy error that fails the request. Opening the tunnel is part of connecting, so a proxy that
 * does not answer the CONNECT within the connect timeout fails it as a connect timeout, as a host that does not
 * accept the connection would.
 */
function proxyPool(origin: URL | string, options: Pool.Options, connectTimeoutMs: number): Pool {
  const pool = new (loadUndici().Pool)(origin, { ...options, headersTimeout: connectTimeoutMs });
  // The original, captured before it is replaced below.
  const connect: PoolConnect = pool.connect.bind(pool);
  (pool as unknown as { connect: PoolConnect }).connect = async (connectOptions) => {
    try {
      return await connect(connectOptions);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const message = error instanceof Error ? error.message : String(error);
      // No connection to the proxy in time (proxyTls.timeout), or no answer to the CONNECT in time.
      const timedOut = code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT';
      throw Object.assign(new Error(`the proxy did not open the tunnel (${typeof code === 'string' ? code : 'no answer'}: ${message})`, { cause: error }), {
        code: timedOut ? 'UND_ERR_CONNECT_TIMEOUT' : 'UND_ERR_PROXY_TUNNEL',
      });
    }
  };
  return pool;
}

export type AttemptLimits = Required<Pick<HttpOptions, 'timeoutMs' | 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs'>>;

/**
 * The limits of one attempt, from the options given. Connecting (to the host, or through a proxy's tunnel) is
 * bounded by 10 s even under a long request timeout: a host or proxy that does not answer at all is told from a
 * slow answer long before the request timeout would say so. The phases after it share the request's limit.
 */
export function attemptLimits(options: Partial<AttemptLimits>): AttemptLimits {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    timeoutMs,
    connectTimeoutMs: options.connectTimeoutMs ?? Math.min(timeoutMs, DEFAULT_CONNECT_TIMEOUT_MS),
    headersTimeoutMs: options.headersTimeoutMs ?? timeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs ?? timeoutMs,
  };
}

export function createHttpTransport(options: HttpOptions): HttpTransport {
  const { timeoutMs, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs } = attemptLimits(options);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // A custom CA adds to the system roots; `ca` alone would replace them.
  const tls = {
    ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
    // Verification stays on unless the caller explicitly passed false (VS Code's http.proxyStrictSSL off).
    rejectUnauthorized: options.rejectUnauthorized !== false,
  };
  const common = { headersTimeout: headersTimeoutMs, bodyTimeout: bodyTimeoutMs, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 };
  let direct: Agent | undefined;
  const proxied = new Map<string, ProxyAgent>();
  let closed = false;

  function dispatcherFor(url: URL): Dispatcher {
    const proxy = proxyFor(url, options);
    if (proxy === undefined) {
      direct ??= new (loadUndici().Agent)({ ...common, connect: { timeout: connectTimeoutMs, ...tls } });
      return direct;
    }
    let agent = proxied.get(proxy);
    if (!agent) {
      agent = new (loadUndici().ProxyAgent)({
        uri: proxy,
        ...common,
        // The TLS to the origin inside the tunnel, and the TCP (and TLS) connection to the proxy: both are
        // connecting. (ProxyAgent replaces `connect` with its tunnel, so a `connect` option would go unread.)
        requestTls: { timeout: connectTimeoutMs, ...tls },
        proxyTls: { timeout: connectTimeoutMs, ...tls },
        clientFactory: (origin, poolOptions) => proxyPool(origin, poolOptions, connectTimeoutMs),
      });
      proxied.set(proxy, agent);
    }
    return agent;
  }

  /** Throws away a dispatcher that did not let go of an aborted request, so the next one starts afresh. */
  function discard(dispatcher: Dispatcher): void {
    if (dispatcher === direct) direct = undefined;
    for (const [key, agent] of proxied) if (agent === dispatcher) proxied.delete(key);
    void dispatcher.destroy().catch(() => undefined);
  }

  async function send(request: HttpRequest): Promise<HttpResponse> {
    if (closed) throw new CancelledError('The client was closed.');
    if (request.signal?.aborted) throw new CancelledError();
    const url = new URL(request.url);
    const ctx = { host: url.host, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs };
    const dispatcher = dispatcherFor(url);
    // One controller aborts the attempt: the caller's signal, the overall timer, or the size cap. The attempt
    // ends then, whatever undici does: waiting for it to notice is what a misbehaving proxy can make endless.
    const controller = new AbortController();
    let why: 'cancelled' | 'timeout' | undefined;
    let settled = false;
    let endWait: (() => void) | undefined;
    const ended = new Promise<never>((_resolve, reject) => {
      endWait = () => reject(new Error('attempt ended'));
    });
    ended.catch(() => undefined);
    const end = (reason: 'cancelled' | 'timeout') => {
      why ??= reason;
      controller.abort();
      endWait?.();
      setTimeout(() => {
        if (!settled) discard(dispatcher);
      }, STUCK_AFTER_MS).unref?.();
    };
    const onAbort = () => end('cancelled');
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => end('timeout'), timeoutMs);
    const failed = (error: unknown): ApiError => {
      if (why === 'cancelled' || closed) return new CancelledError(closed ? 'The client was closed.' : undefined);
      if (why === 'timeout') return new TimeoutError('request', { host: url.host, timeoutMs });
      return mapTransportError(error, ctx);
    };
    try {
      let response: Dispatcher.ResponseData;
      try {
        const pending = dispatcher.request({
          origin: url.origin,
          path: url.pathname + url.search,
          method: request.method,
          headers: { ...request.headers, 'user-agent': options.userAgent, accept: 'application/json' },
          body: request.body ?? null,
          signal: controller.signal,
        });
        pending.then(
          (late) => {
            settled = true;
            // An answer after the attempt ended: nobody reads it, so let its connection go.
            if (why !== undefined) discardBody(late.body);
          },
          () => (settled = true),
        );
        response = await Promise.race([pending, ended]);
      } catch (error) {
        throw failed(error);
      }
      const headers = flattenHeaders(response.headers);
      const body = await readCapped(response.body, maxBytes, headers, failed);
      return { status: response.statusCode, headers, body };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function close(): Promise<void> {
    closed = true;
    // destroy, not close: a hung request must not keep the pool (and the extension host) alive.
    const all: Dispatcher[] = [...proxied.values(), ...(direct ? [direct] : [])];
    await Promise.all(all.map((d) => d.destroy().catch(() => undefined)));
  }

  return { send, close };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name.toLowerCase()] = first;
  }
  return out;
}

/**
 * Lets go of a body nobody reads. undici's stream reports its own destruction as an `error` event, which,
 * with no reader listening, would be an uncaught exception in the extension host.
 */
function discardBody(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** Reads the body as UTF-8, destroying the stream (and with it the socket) as soon as it exceeds the cap. */
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
  headers: Record<string, string>,
  failed: (error: unknown) => ApiError,
): Promise<string> {
  const requestId = headers['x-request-id'];
  const tooLarge = () => new ResponseTooLargeError(maxBytes, requestId ? { requestId } : {});
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardBody(body);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const buf of body as AsyncIterable<Buffer>) {
      size += buf.length;
      if (size > maxBytes) {
        body.destroy();
        throw tooLarge();
      }
      chunks.push(buf);
    }
  } catch (error) {
    if (error instanceof ResponseTooLargeError) throw error;
    throw failed(error);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
