// Why a credential check failed, and which sign-in field the user should correct. Pure. The client's errors
// are read through the core's guards; anything else (a raw fetch failure) by its message and cause codes.
import { isApiError, isAuthError, isClockSkewError, isNetworkError, isNotFoundError, isThrottledError, isTimeoutError } from '../core/errors';
import { redact } from '../core/redact';

export type SignInFailureReason = 'wrongKey' | 'clockSkew' | 'permission' | 'wrongSite' | 'network' | 'throttled' | 'other';

/** The sign-in fields a failure can send the user back to. */
export type SignInField = 'accessKey' | 'secretKey' | 'securityToken' | 'site' | 'projectId';

export interface SignInFailure {
  reason: SignInFailureReason;
  /** Fields worth correcting, most likely first; empty when retrying unchanged is the fix (clock, network). */
  fields: SignInField[];
  /** The server's own words (already free of secrets: the client redacts). */
  serverMessage: string;
  status?: number;
  code?: string;
  requestId?: string;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  code?: unknown;
  requestId?: unknown;
  /** NetworkError from src/core keeps the system code here. */
  causeCode?: unknown;
  cause?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Walks `cause` a few levels for a Node/undici error code such as ECONNREFUSED. */
function networkCode(error: ErrorLike): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    for (const code of [str((current as ErrorLike).causeCode), str((current as ErrorLike).code)]) {
      if (code && NETWORK_CODES.has(code)) return code;
    }
    current = (current as ErrorLike).cause;
  }
  return undefined;
}

/**
 * `formFields` are every value of the sign-in form (access key, secret key, security token, project id): a
 * field may hold another's value (a secret pasted as the access key, echoed back as "ak … not found"), so
 * none of them is quoted in what the failure says.
 */
export function classifySignInFailure(error: unknown, formFields: readonly (string | undefined)[] = []): SignInFailure {
  const e: ErrorLike = error && typeof error === 'object' ? (error) : { message: String(error) };
  const api = isApiError(error) ? error : undefined;
  const status = api?.status;
  const code = api?.code || undefined;
  const serverMessage = redact(str(e.message) ?? String(error), formFields);
  const requestId = api?.requestId || undefined;
  const base = { serverMessage, ...(status !== undefined ? { status } : {}), ...(code ? { code } : {}), ...(requestId ? { requestId } : {}) };
  const netCode = networkCode(e);

  // Clock skew first: the gateway answers it with a 401 too, and new keys would not help.
  if (isClockSkewError(error) || /clock|skew|x-sdk-date|request expired|time ?stamp/i.test(serverMessage)) return { reason: 'clockSkew', fields: [], ...base };
  if (isAuthError(error) || status === 401 || status === 403) {
    if (status === 403) return { reason: 'permission', fields: ['projectId', 'accessKey'], ...base };
    // A temporary token expires on its own; the key pair is the usual culprit.
    return { reason: 'wrongKey', fields: ['secretKey', 'accessKey', 'securityToken'], ...base };
  }
  if (isThrottledError(error) || status === 429) return { reason: 'throttled', fields: [], ...base };
  if (isNotFoundError(error) || status === 404) return { reason: 'wrongSite', fields: ['site'], ...base };
  if (netCode === 'ENOTFOUND' || netCode === 'EAI_AGAIN') return { reason: 'wrongSite', fields: ['site'], ...base, code: netCode };
  if (isNetworkError(error) || isTimeoutError(error) || netCode || (!api && /network|timeout|socket|fetch failed|connect/i.test(serverMessage))) {
    return { reason: 'network', fields: ['site'], ...base, ...(netCode ? { code: netCode } : {}) };
  }
  return { reason: 'other', fields: ['accessKey', 'secretKey', 'site'], ...base };
}
