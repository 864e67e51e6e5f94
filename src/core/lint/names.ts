// Names written inside rdata (CNAME, MX, SRV, NS targets), made absolute the way the indexer makes owners.
import { normalizeName } from '../zone/index';
import * as bytes from '../zone/bytes';

// Module constants: V8 folds those into the hot loops, where an imported binding is read through the
// module object on every use.
const { DOT, BACKSLASH } = bytes;

/** A name as written is absolute when it ends in a dot not escaped by an odd run of backslashes. */
export function isAbsolute(name: string): boolean {
  const at = name.length - 1;
  if (at < 0 || name.charCodeAt(at) !== DOT) return false;
  let k = 0;
  while (at - 1 - k >= 0 && name.charCodeAt(at - 1 - k) === BACKSLASH) k++;
  return k % 2 === 0;
}

/** A name as written in rdata, made absolute against `origin`, in the indexer's form (lower case, BIND escapes). */
export function absoluteName(written: string, origin: string): string {
  if (written === '@') return origin;
  if (isAbsolute(written)) return normalizeName(written);
  return normalizeName(origin === '.' ? `${written}.` : `${written}.${origin}`);
}
