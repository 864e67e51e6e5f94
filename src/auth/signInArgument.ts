// The argument object of `huaweiDns.signIn` (tests, automation), checked before anything is sent. Pure.
// The access key's shape is checked here as in the form: a secret passed as `accessKey` would otherwise be
// sent in the Authorization header and echoed back by the gateway ("ak … not found").
import type { SignInInput } from './types';
import { accessKeyProblem } from './accessKeyShape';
import { english } from '../core/l10n';
import { isSite } from '../core/sites';

/** Validates the `huaweiDns.signIn` argument object; returns the input or a reason. */
export function parseSignInArgument(arg: unknown): SignInInput | string {
  if (!arg || typeof arg !== 'object') return 'expected an object { name, accessKey, secretKey, … }';
  const a = arg as Record<string, unknown>;
  const text = (key: string, optional: boolean): string | undefined | Error => {
    const v = a[key];
    if (v === undefined || v === null || v === '') return optional ? undefined : new Error(`${key} is required`);
    return typeof v === 'string' && v.trim() ? v.trim() : new Error(`${key} must be a non-empty string`);
  };
  const fields = {
    name: text('name', false),
    endpoint: text('endpoint', true),
    accessKey: text('accessKey', false),
    secretKey: text('secretKey', false),
    securityToken: text('securityToken', true),
    projectId: text('projectId', true),
  };
  for (const value of Object.values(fields)) if (value instanceof Error) return value.message;
  const keyProblem = accessKeyProblem(fields.accessKey as string, english);
  if (keyProblem) return `accessKey: ${keyProblem}`;
  if (a.site !== undefined && !isSite(a.site)) return "site must be 'intl' or 'cn'";
  if (a.readOnly !== undefined && typeof a.readOnly !== 'boolean') return 'readOnly must be true or false';
  const out: Record<string, unknown> = { ...(a.site !== undefined ? { site: a.site } : {}), ...(a.readOnly === true ? { readOnly: true } : {}) };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out as unknown as SignInInput;
}
