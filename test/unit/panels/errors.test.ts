import * as assert from 'node:assert/strict';
import { describeError } from '../../../src/panels/errors';

describe('panel error details', () => {
  it('keeps the request id and the error code support asks for', () => {
    const err = Object.assign(new Error('Task not found.'), { requestId: 'req-9f3', code: 'DNS.0313' });
    assert.deepEqual(describeError(err), { message: 'Task not found.', requestId: 'req-9f3', code: 'DNS.0313' });
  });

  it('prefers the API error code over a transport code', () => {
    const err = Object.assign(new Error('x'), { errorCode: 'APIGW.0308', code: 'ECONNRESET' });
    assert.equal(describeError(err).code, 'APIGW.0308');
  });

  it('never shows "[object Object]" for odd throwables', () => {
    assert.deepEqual(describeError({}), { message: 'Unknown error', requestId: undefined, code: undefined });
    assert.equal(describeError('boom').message, 'boom');
    assert.equal(describeError(undefined).message, 'undefined');
  });
});
