// The zod schemas take several milliseconds to build; the extension builds them at the first answer it
// parses, not while VS Code waits for it to activate (esbuild turns this require into a lazy init).
import type * as Schemas from './schemas';

let loaded: typeof Schemas | undefined;

export function schemas(): typeof Schemas {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./schemas') as typeof Schemas;
  return loaded;
}
