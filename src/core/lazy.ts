/** A value computed on first use, then kept: for modules that activation should not pay for. */
export function lazy<T>(load: () => T): () => T {
  let loaded = false;
  let value: T | undefined;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value as T;
  };
}
