// What a Huawei Cloud access key id looks like, checked before a sign-in sends anything: a secret key pasted
// into the access-key field would otherwise travel in the Authorization header and come back from the gateway
// as "ak … not found". Pure; the caller passes its translator. The message never quotes what was typed.

import type { Translate } from '../core/l10n';

/** Access key ids are 20 upper-case letters and digits (`HPUA…`, `QTWA…`). */
const ACCESS_KEY_SHAPE = /^[A-Z0-9]{20}$/;

/** Why `value` cannot be an access key id, or undefined when it can. */
export function accessKeyProblem(value: string, t: Translate): string | undefined {
  const key = value.trim();
  if (ACCESS_KEY_SHAPE.test(key)) return undefined;
  const shape = t('An access key ID is 20 upper-case letters and digits.');
  if (key === '') return `${shape} ${t('The access key is required.')}`;
  // The usual mix-up: a secret key is 40 characters with lower case.
  const secretLike = key.length >= 30 || /[a-z]/.test(key);
  const what = secretLike
    ? t('This one has {0} characters and looks like a secret key: paste the access key ID here, the secret key in the next step.', key.length)
    : t('This one has {0} characters, {1} of them not upper-case letters or digits.', key.length, key.replace(/[A-Z0-9]/g, '').length);
  return `${shape} ${what}`;
}
