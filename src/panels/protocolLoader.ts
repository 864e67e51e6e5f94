// The protocol's zod schemas are built when a panel first needs them (a message, a restore), not while
// VS Code waits for the extension to activate; esbuild turns this require into a lazy init.
import { lazy } from '../core/lazy';
import type * as Normalise from '../shared/normaliseHostMessage';
import type * as Protocol from '../shared/protocol';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const protocol = lazy(() => require('../shared/protocol') as typeof Protocol);

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const normaliser = lazy(() => require('../shared/normaliseHostMessage') as typeof Normalise);
