// Turning what undici and Node throw into errors a person can act on.
import { ApiError, NetworkError, TimeoutError } from './errors';

const CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

export interface TransportContext {
  host: string;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

/** `fetch` wraps the real error as TypeError('fetch failed').cause; undici's own API throws it directly. */
function rootCause(error: unknown): unknown {
  let e = error;
  for (let i = 0; i < 3; i++) {
    const cause = (e as { cause?: unknown } | null)?.cause;
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' || cause === undefined) break;
    e = cause;
  }
  return e;
}

export function mapTransportError(error: unknown, ctx: TransportContext): ApiError {
  const cause = rootCause(error);
  const code = typeof (cause as { code?: unknown } | null)?.code === 'string' ? (cause as { code: string }).code : undefined;
  const detail = cause instanceof Error ? cause.message : String(cause);
  const base = { cause, ...(code === undefined ? {} : { causeCode: code }) };
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new TimeoutError('connect', { host: ctx.host, timeoutMs: ctx.connectTimeoutMs, cause });
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new TimeoutError('headers', { host: ctx.host, timeoutMs: ctx.headersTimeoutMs, cause });
    case 'UND_ERR_BODY_TIMEOUT':
      return new TimeoutError('body', { host: ctx.host, timeoutMs: ctx.bodyTimeoutMs, cause });
    case 'ECONNREFUSED':
      return new NetworkError(`Connection refused by ${ctx.host} (ECONNREFUSED): is the endpoint right and the service reachable?`, base);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NetworkError(`Cannot resolve ${ctx.host} (${code}): check the endpoint, your DNS, or the proxy settings (http.proxy).`, base);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return new NetworkError(`The connection to ${ctx.host} was closed before the answer was complete (${code}). Check the network or proxy.`, base);
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return new NetworkError(`${ctx.host} is unreachable (${code}): check the network connection or proxy.`, base);
    default:
      break;
  }
  if (code !== undefined && (CERT_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))) {
    return new NetworkError(
      `The TLS certificate of ${ctx.host} is not trusted (${code}). If a corporate proxy inspects HTTPS, set huaweiDns.caFile to its CA bundle.`,
      { ...base, retryable: false },
    );
  }
  if (code?.startsWith('UND_ERR_PROXY') || /proxy/i.test(detail)) {
    return new NetworkError(`The proxy refused or failed the connection to ${ctx.host}: ${detail}. Check http.proxy / HTTPS_PROXY.`, base);
  }
  return new NetworkError(`Network error talking to ${ctx.host}${code ? ` (${code})` : ''}: ${detail}`, base);
}
