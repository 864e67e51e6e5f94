// What the panel shows of a failure: a message, and the request id / code that support will ask for.
import { isApiError } from '../core/errors';
import { errorMessage } from '../platform/errorDetails';

export interface ErrorDetails {
  message: string;
  requestId?: string;
  code?: string;
}

export function describeError(err: unknown): ErrorDetails {
  if (!isApiError(err)) {
    const bare = typeof err === 'object' && err !== null && !(err instanceof Error) && typeof (err as { message?: unknown }).message !== 'string';
    return { message: bare ? 'Unknown error' : errorMessage(err) };
  }
  return {
    message: err.message,
    ...(err.requestId ? { requestId: err.requestId } : {}),
    ...(err.code ? { code: err.code } : {}),
  };
}
