// What the sandbox (`npm start`) reads from the environment. Pure, so it is unit-tested in plain Node.
import { credentialsFromEnvironment } from '../auth/environment';

export type Env = Readonly<Record<string, string | undefined>>;

/** The sandbox endpoint when `npm start` asked for one: only loopback URLs, never a real cloud. */
export function sandboxEndpoint(env: Env, isLoopback: (url: string) => boolean): string | undefined {
  if (env.HUAWEI_DNS_SANDBOX !== '1') return undefined;
  const endpoint = env.HUAWEI_DNS_SANDBOX_ENDPOINT?.trim();
  return endpoint && isLoopback(endpoint) ? endpoint.replace(/\/+$/, '') : undefined;
}

/**
 * What `npm start` signs in with: in sandbox mode, with no profile yet, the environment's keys against the
 * loopback endpoint, as a profile named "sandbox". Undefined in every other case.
 */
export function sandboxSignIn(
  env: Env,
  hasProfiles: boolean,
  isLoopback: (url: string) => boolean,
): { name: string; endpoint: string; accessKey: string; secretKey: string; securityToken?: string; projectId?: string } | undefined {
  const endpoint = sandboxEndpoint(env, isLoopback);
  if (!endpoint || hasProfiles) return undefined;
  const credentials = credentialsFromEnvironment(env);
  if (!credentials) return undefined;
  const { source: _source, ...keys } = credentials;
  return { name: 'sandbox', endpoint, ...keys };
}
