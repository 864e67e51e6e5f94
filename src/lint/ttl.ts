// TTL values as zone files write them (`3600`, `1h30m`, `2W`), in seconds. Pure.

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Seconds, or undefined when the token is not a TTL. */
export function ttlSeconds(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  if (!/^(\d+[smhdw])+$/i.test(token)) return undefined;
  let total = 0;
  for (const m of token.toLowerCase().matchAll(/(\d+)([smhdw])/g)) total += Number(m[1]) * (UNIT[m[2] as string] as number);
  return total;
}

/** The `$TTL` in effect at `line` (0-based), looking back through the lines; undefined when none is written. */
export function defaultTtlAt(lineAt: (line: number) => string | undefined, line: number, maxBack = 200_000): number | undefined {
  for (let l = line - 1; l >= 0 && l >= line - maxBack; l--) {
    const m = /^\$TTL\s+(\S+)/i.exec(lineAt(l) ?? '');
    if (m?.[1]) return ttlSeconds(m[1]);
  }
  return undefined;
}
