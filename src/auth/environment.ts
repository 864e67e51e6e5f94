// Reading credentials from the environment variables the vendor's SDKs use. Pure: the caller passes the env.

export interface EnvironmentCredentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
  projectId?: string;
  /** Which family of variables the keys came from, for the confirmation message (never the values). */
  source: 'HUAWEICLOUD_SDK' | 'CLOUD_SDK';
}

/**
 * HUAWEICLOUD_SDK_AK/SK (+ _SECURITY_TOKEN, _PROJECT_ID) win over CLOUD_SDK_AK/SK (+ the same suffixes).
 * A family counts only when both its AK and SK are set, so a half-set family never mixes with the other.
 */
export function credentialsFromEnvironment(env: Readonly<Record<string, string | undefined>>): EnvironmentCredentials | undefined {
  for (const prefix of ['HUAWEICLOUD_SDK', 'CLOUD_SDK'] as const) {
    const accessKey = env[`${prefix}_AK`]?.trim();
    const secretKey = env[`${prefix}_SK`]?.trim();
    if (!accessKey || !secretKey) continue;
    const securityToken = env[`${prefix}_SECURITY_TOKEN`]?.trim();
    const projectId = env[`${prefix}_PROJECT_ID`]?.trim();
    return {
      accessKey,
      secretKey,
      ...(securityToken ? { securityToken } : {}),
      ...(projectId ? { projectId } : {}),
      source: prefix,
    };
  }
  return undefined;
}

/** The sandbox endpoint when `npm start` asked for one: only loopback URLs, never a real cloud. */
export function sandboxEndpoint(env: Readonly<Record<string, string | undefined>>, isLoopback: (url: string) => boolean): string | undefined {
  if (env.HUAWEI_DNS_SANDBOX !== '1') return undefined;
  const endpoint = env.HUAWEI_DNS_SANDBOX_ENDPOINT?.trim();
  return endpoint && isLoopback(endpoint) ? endpoint.replace(/\/+$/, '') : undefined;
}

/**
 * What `npm start` signs in with: in sandbox mode, with no profile yet, the environment's keys against the
 * loopback endpoint, as a profile named "sandbox". Undefined in every other case.
 */
export function sandboxSignIn(
  env: Readonly<Record<string, string | undefined>>,
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
