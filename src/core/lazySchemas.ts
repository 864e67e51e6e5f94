// The zod schemas take several milliseconds to build; the extension builds them at the first answer it
// parses, not while VS Code waits for it to activate (esbuild turns this require into a lazy init).
import { lazy } from './lazy';
import type * as Schemas from './schemas';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const schemas = lazy(() => require('./schemas') as typeof Schemas);
