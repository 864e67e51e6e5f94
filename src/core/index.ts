// The pure core: no vscode import anywhere below src/core (lint-enforced).
export * from './types';
export { signRequest, percentEncode, percentDecode, canonicalUri, canonicalQuery, parseQuery, formatSdkDate, parseSdkDate, sha256Hex, EMPTY_BODY_SHA256 } from './signing';
export type { SignableRequest, SigningCredentials, SignatureResult } from './signing';
