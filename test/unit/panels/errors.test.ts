import * as assert from 'node:assert/strict';
import { NetworkError, NotFoundError, ServerError } from '../../../src/core/errors';
import { describeError } from '../../../src/panels/errors';

describe('panel error details', () => {
  it('keeps the request id and the error code support asks for', () => {
    const err = new NotFoundError({ taskId: 'ff80808297a1b2c30197a1b2c3d40001', status: 404, code: 'DNS.0313', requestId: 'req-9f3' });
    assert.deepEqual(describeError(err), { message: err.message, requestId: 'req-9f3', code: 'DNS.0313' });
  });

  it('shows the API error code, never a transport code or a field set by hand on a plain Error', () => {
    assert.equal(describeError(new ServerError({ status: 502, code: 'APIGW.0308' })).code, 'APIGW.0308');
    assert.equal(describeError(new NetworkError('socket hang up', { causeCode: 'ECONNRESET' })).code, undefined);
    assert.deepEqual(describeError(Object.assign(new Error('x'), { code: 'ECONNRESET' })), { message: 'x' });
  });

  it('never shows "[object Object]" for odd throwables', () => {
    assert.deepEqual(describeError({}), { message: 'Unknown error' });
    assert.equal(describeError('boom').message, 'boom');
    assert.equal(describeError(undefined).message, 'undefined');
  });
});
