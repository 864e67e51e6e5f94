import * as assert from 'node:assert/strict';
import { parseSignInArgument } from '../../../src/auth/signInArgument';

/** An access key id of the real shape: 20 upper-case letters and digits. */
const AK = 'HPUAARGUMENT00000001';

describe('huaweiDns.signIn argument object', () => {
  it('accepts the documented shape and trims', () => {
    assert.deepEqual(parseSignInArgument({ name: ' a ', site: 'cn', accessKey: AK, secretKey: 'SK', securityToken: '', projectId: 'p' }), {
      name: 'a',
      site: 'cn',
      accessKey: AK,
      secretKey: 'SK',
      projectId: 'p',
    });
    assert.deepEqual(parseSignInArgument({ name: 'a', endpoint: 'http://127.0.0.1:1', accessKey: AK, secretKey: 'SK' }), {
      name: 'a',
      endpoint: 'http://127.0.0.1:1',
      accessKey: AK,
      secretKey: 'SK',
    });
  });

  it('names what is wrong, never echoing the secret', () => {
    assert.match(parseSignInArgument({ accessKey: AK, secretKey: 'SK' }) as string, /name is required/);
    assert.match(parseSignInArgument({ name: 'a', accessKey: AK, secretKey: 42 }) as string, /secretKey must be/);
    assert.match(parseSignInArgument({ name: 'a', accessKey: AK, secretKey: 'S3CRET', site: 'eu' }) as string, /site must be/);
    assert.ok(!(parseSignInArgument({ name: 'a', accessKey: AK, secretKey: 'S3CRET', site: 'eu' }) as string).includes('S3CRET'));
    assert.equal(typeof parseSignInArgument(undefined), 'string');
  });

  it('refuses an access key of the wrong shape before anything is sent, without quoting it', () => {
    const secret = 'pasted-secret-0123456789abcdefghijklmnop';
    const reason = parseSignInArgument({ name: 'a', accessKey: secret, secretKey: 'SK' });
    assert.equal(typeof reason, 'string');
    assert.match(reason as string, /^accessKey: An access key ID is 20 upper-case letters and digits\. This one has 40 characters and looks like a secret key/);
    assert.ok(!(reason as string).includes(secret), reason as string);
    assert.match(parseSignInArgument({ name: 'a', accessKey: 'hpuaargument00000001', secretKey: 'SK' }) as string, /^accessKey: /);
    assert.match(parseSignInArgument({ name: 'a', accessKey: 'HPUA-ARGUMENT-000001', secretKey: 'SK' }) as string, /2 of them not upper-case/);
    // Surrounding spaces are trimmed, as in the form.
    assert.deepEqual(parseSignInArgument({ name: 'a', accessKey: ` ${AK} `, secretKey: 'SK' }), { name: 'a', accessKey: AK, secretKey: 'SK' });
  });

  it('takes readOnly: true for a read-only profile, and refuses anything but a boolean', () => {
    assert.deepEqual(parseSignInArgument({ name: 'a', accessKey: AK, secretKey: 'SK', readOnly: true }), { name: 'a', accessKey: AK, secretKey: 'SK', readOnly: true });
    assert.deepEqual(parseSignInArgument({ name: 'a', accessKey: AK, secretKey: 'SK', readOnly: false }), { name: 'a', accessKey: AK, secretKey: 'SK' });
    assert.match(parseSignInArgument({ name: 'a', accessKey: AK, secretKey: 'SK', readOnly: 'yes' }) as string, /readOnly must be true or false/);
  });
});
