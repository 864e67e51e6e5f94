// An HTTP answer that is not 2xx, turned into the error that says what to do about it.
import { ApiError, AuthError, ClockSkewError, NotFoundError, ServerError, ThrottledError, describeIds } from './errors';
import { redactAndCut } from './redact';
import { parseRetryAfter } from './retry';
import { schemas } from './lazySchemas';

/** The gateway rejects X-Sdk-Date more than 15 minutes off its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const AUTH_CODES = new Set(['APIGW.0301', 'APIG.0301', 'APIGW.0101', 'DNS.0005']);
const SKEW_MESSAGE_RE = /expired|clock|skew|(?:ahead of|behind) the gateway|request time|too (?:early|late|old)/i;

export interface FailedOperation {
  /** The IAM action the call needs, named in "permission denied" errors. */
  action: string;
  /** Further IAM actions the call needs besides `action` (the batch-create write needs two more). */
  alsoNeeds?: readonly string[];
  /** The policy that grants them, named in the message; default DNS ReadOnlyAccess. */
  policy?: string;
  taskId?: string;
  region?: string;
  /** What the call does, as a verb phrase ("list batch tasks"): "The API rejected the request to …". */
  what: string;
}

export interface FailedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function errorFromResponse(answer: FailedAnswer, op: FailedOperation, now: number = Date.now()): ApiError {
  const parsed = schemas().parseErrorBody(answer.body);
  const requestId = answer.headers['x-request-id'] || parsed?.requestId;
  const details = {
    status: answer.status,
    ...(parsed?.code ? { code: parsed.code } : {}),
    ...(requestId ? { requestId } : {}),
  };
  const said = parsed?.message ? ` The server said: ${shorten(parsed.message)}` : '';
  const code = parsed?.code ?? '';
  const isAuth = answer.status === 401 || answer.status === 403 || AUTH_CODES.has(code);

  if (isAuth) {
    const gatewayDate = Date.parse(answer.headers.date ?? '');
    const skewMs = Number.isNaN(gatewayDate) ? undefined : now - gatewayDate;
    if ((skewMs !== undefined && Math.abs(skewMs) > MAX_CLOCK_SKEW_MS) || SKEW_MESSAGE_RE.test(parsed?.message ?? '')) {
      return new ClockSkewError({ ...details, ...(skewMs === undefined ? {} : { skewMs }) });
    }
    if (answer.status === 403 && !AUTH_CODES.has(code)) {
      const actions = [op.action, ...(op.alsoNeeds ?? [])];
      const needs = actions.length === 1 ? `the action ${op.action}` : `the actions ${actions.slice(0, -1).join(', ')} and ${actions[actions.length - 1]}`;
      return new AuthError(
        `Permission denied: the IAM user needs ${needs} (ask an administrator to grant ${actions.length === 1 ? 'it' : 'them'}, e.g. through the ${op.policy ?? 'DNS ReadOnlyAccess'} policy).${said}${describeIds(details)}`,
        { ...details, action: op.action },
      );
    }
    return new AuthError(
      `Authentication failed: the gateway did not accept the access key or signature. Check the access key and secret key (and the security token of temporary credentials); not retried, because five failures in a row lock the key for five minutes.${said}${describeIds(details)}`,
      details,
    );
  }
  if (answer.status === 429) {
    const retryAfterMs = parseRetryAfter(answer.headers['retry-after'], now);
    return new ThrottledError({ ...details, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  if (answer.status === 404) {
    // Not a task: the path itself was not found, so it is the API that is missing at this endpoint or region.
    return new NotFoundError({ ...details, what: `The API to ${op.what}`, ...(op.taskId ? { taskId: op.taskId } : {}), ...(op.region ? { region: op.region } : {}) });
  }
  if (!parsed || answer.status >= 500) {
    // HTML from a load balancer, an empty body, or a server fault: status and request id are what support needs.
    return new ServerError({ ...details, ...(parsed?.message ? { detail: shorten(parsed.message) } : {}) });
  }
  return new ApiError(`The API rejected the request to ${op.what}.${said}${describeIds(details)}`, details);
}

/** The server's message on one line, redacted before it is cut (the cut must not leave half a token). */
function shorten(message: string): string {
  return redactAndCut(message.replace(/\s+/g, ' ').trim(), 200);
}
