// The pure core: no vscode import anywhere below src/core (lint-enforced).
export * from './types';
export { signRequest, percentEncode, percentDecode, canonicalUri, canonicalQuery, parseQuery, formatSdkDate, parseSdkDate, sha256Hex, EMPTY_BODY_SHA256 } from './signing';
export type { SignableRequest, SigningCredentials, SignatureResult } from './signing';
export { createDnsClient, checkEndpoint } from './client';
export * from './errors';
export { redact, redactHeaders, REDACTED } from './redact';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, backoffDelay, nextDelay, isRetryable, withRetry, sleep } from './retry';
export type { RetryPolicy, AttemptFailure, Sleep } from './retry';
export { SITES, dnsEndpoint, iamEndpoint, regionOfEndpoint, isLoopbackHost } from './sites';
export type { Site } from './sites';
export { isValidTaskId, extractTaskId, encodeTaskIdForPath, MAX_TASK_ID_LENGTH } from './taskId';
export { parseTask, parseTaskList, parseErrorBody, parseJsonBody } from './schemas';
export type { ErrorBody } from './schemas';
export { clearProjectIdCache } from './projectId';
export { proxyFor, matchesNoProxy } from './proxy';
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from './http';
export { MAX_PAGE_SIZE, DEFAULT_CONCURRENCY } from './fetchAll';
