// Whether a failed write can have reached the service. A write is retried only when it cannot have (the
// gateway's 429, or a failure before the connection was established); anything else that is not a definite
// rejection becomes WriteOutcomeUnknownError, so nothing is ever sent twice on a guess.
import {
  WriteOutcomeUnknownError,
  isApiError,
  isCancelledError,
  isNetworkError,
  isResponseShapeError,
  isResponseTooLargeError,
  isServerError,
  isThrottledError,
  isTimeoutError,
} from './errors';

/** System errors raised before a TCP connection exists: no byte of the request left this computer. */
const BEFORE_CONNECTION = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function failedBeforeConnecting(error: unknown): boolean {
  if (isTimeoutError(error)) return error.phase === 'connect';
  if (!isNetworkError(error) || error.causeCode === undefined) return false;
  const code = error.causeCode;
  // A certificate the TLS handshake refused: the request was never written.
  return BEFORE_CONNECTION.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.startsWith('CERT_') || /CERT|SIGNATURE|SELF_SIGNED/.test(code);
}

/**
 * True when the failed attempt certainly created nothing: the gateway throttled it (429), the service
 * rejected it (another 4xx), or it failed before connecting.
 */
export function writeCertainlyFailed(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (isThrottledError(error)) return true;
  if (isResponseShapeError(error) || isResponseTooLargeError(error)) return false; // a 2xx we could not read
  if (error.status !== undefined) return error.status >= 400 && error.status < 500;
  return failedBeforeConnecting(error);
}

function reasonOf(error: unknown): string {
  if (isServerError(error)) return `HTTP ${error.status ?? '5xx'} from the gateway`;
  if (isTimeoutError(error)) return 'timed out waiting for the answer';
  if (isCancelledError(error)) return 'cancelled before the answer arrived';
  if (isResponseShapeError(error) || isResponseTooLargeError(error)) return `the answer (HTTP ${error.status ?? '2xx'}) could not be read`;
  if (isNetworkError(error)) return `the connection closed before the answer${error.causeCode ? `, ${error.causeCode}` : ''}`;
  return 'no answer';
}

/** The error to throw for an attempt whose outcome is unknown, keeping the status, request id and cause. */
export function outcomeUnknown(error: unknown, sentAt: Date, what: string): WriteOutcomeUnknownError {
  const e = isApiError(error) ? error : undefined;
  return new WriteOutcomeUnknownError({
    sentAt,
    what,
    reason: reasonOf(error),
    cause: error,
    ...(e?.status === undefined ? {} : { status: e.status }),
    ...(e?.code === undefined ? {} : { code: e.code }),
    ...(e?.requestId === undefined ? {} : { requestId: e.requestId }),
  });
}
