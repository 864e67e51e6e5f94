// The protocol's zod schemas are built when a panel first needs them (a message, a restore), not while
// VS Code waits for the extension to activate; esbuild turns this require into a lazy init.
import type * as Protocol from '../shared/protocol';

let loaded: typeof Protocol | undefined;

export function protocol(): typeof Protocol {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('../shared/protocol') as typeof Protocol;
  return loaded;
}
