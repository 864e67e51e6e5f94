// What the panel shows of a failure: a message, and the request id / code that support will ask for.
// Reads the client's error fields structurally so the panel does not depend on the error class hierarchy.

export interface ErrorDetails {
  message: string;
  requestId?: string;
  code?: string;
}

function stringField(err: object, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = (err as Record<string, unknown>)[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

export function describeError(err: unknown): ErrorDetails {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const message = err instanceof Error ? err.message : (stringField(err, 'message') ?? 'Unknown error');
  return {
    message,
    requestId: stringField(err, 'requestId'),
    code: stringField(err, 'errorCode', 'code'),
  };
}
