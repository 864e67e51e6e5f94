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
