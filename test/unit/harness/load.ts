// Loads the plain-JS harness modules in scripts/ (they run before anything is compiled) with local types.
import { createRequire } from 'node:module';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
const load = createRequire(__filename);

export function script<T>(relative: string): T {
  return load(path.join(ROOT, relative)) as T;
}
