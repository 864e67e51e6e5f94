// The typed error a client call must fail with: the client suites assert on its class, status and request id.
import * as assert from 'node:assert/strict';
import { isApiError, type ApiError } from '../../../src/core/errors';

/** The ApiError that `p` rejects with; fails the test when it resolves or rejects with anything else. */
export async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isApiError(e), `expected an ApiError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a failure');
}
