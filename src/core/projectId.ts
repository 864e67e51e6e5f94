// Project ids found through IAM, cached per access key + region like the vendor's SDKs do, for the process.

const cache = new Map<string, Promise<string>>();

/** Runs `lookup` once per key; a failed lookup is forgotten so the next call tries again. */
export function cachedProjectId(accessKey: string, region: string, iamBase: string, lookup: () => Promise<string>): Promise<string> {
  const key = `${accessKey}\n${region}\n${iamBase}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = lookup();
    cache.set(key, pending);
    pending.catch(() => {
      if (cache.get(key) === pending) cache.delete(key);
    });
  }
  return pending;
}

/** For tests and sign-out: forget every cached project id. */
export function clearProjectIdCache(): void {
  cache.clear();
}
