import * as assert from 'node:assert/strict';
import { parseSignInArgument } from '../../../src/auth/signInArgument';

describe('huaweiDns.signIn argument object', () => {
  it('accepts the documented shape and trims', () => {
    assert.deepEqual(parseSignInArgument({ name: ' a ', site: 'cn', accessKey: 'AK', secretKey: 'SK', securityToken: '', projectId: 'p' }), {
      name: 'a',
      site: 'cn',
      accessKey: 'AK',
      secretKey: 'SK',
      projectId: 'p',
    });
    assert.deepEqual(parseSignInArgument({ name: 'a', endpoint: 'http://127.0.0.1:1', accessKey: 'AK', secretKey: 'SK' }), {
      name: 'a',
      endpoint: 'http://127.0.0.1:1',
      accessKey: 'AK',
      secretKey: 'SK',
    });
  });

  it('names what is wrong, never echoing the secret', () => {
    assert.match(parseSignInArgument({ accessKey: 'AK', secretKey: 'SK' }) as string, /name is required/);
    assert.match(parseSignInArgument({ name: 'a', accessKey: 'AK', secretKey: 42 }) as string, /secretKey must be/);
    assert.match(parseSignInArgument({ name: 'a', accessKey: 'AK', secretKey: 'S3CRET', site: 'eu' }) as string, /site must be/);
    assert.ok(!(parseSignInArgument({ name: 'a', accessKey: 'AK', secretKey: 'S3CRET', site: 'eu' }) as string).includes('S3CRET'));
    assert.equal(typeof parseSignInArgument(undefined), 'string');
  });

  it('takes readOnly: true for a read-only profile, and refuses anything but a boolean', () => {
    assert.deepEqual(parseSignInArgument({ name: 'a', accessKey: 'AK', secretKey: 'SK', readOnly: true }), { name: 'a', accessKey: 'AK', secretKey: 'SK', readOnly: true });
    assert.deepEqual(parseSignInArgument({ name: 'a', accessKey: 'AK', secretKey: 'SK', readOnly: false }), { name: 'a', accessKey: 'AK', secretKey: 'SK' });
    assert.match(parseSignInArgument({ name: 'a', accessKey: 'AK', secretKey: 'SK', readOnly: 'yes' }) as string, /readOnly must be true or false/);
  });
});
