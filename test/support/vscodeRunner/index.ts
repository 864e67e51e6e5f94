// In-host mocha bootstrap (extensionTestsPath) for the code-server runner (scripts/run-vscode-tests.js).
// It reads the same VSCODE_TEST_OPTIONS that @vscode/test-cli's runner.cjs reads, so `.vscode-test.mjs`
// stays the single source of truth, runs mocha through the one stage runner (scripts/lib/stage.js) and
// writes the counts to the result file the runner named: the exit code alone cannot say "12 passed, 1 failed".
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type Mocha from 'mocha';

interface TestOptions {
  mochaOpts: Mocha.MochaOptions & { require?: string | string[] };
  files: string[];
  preload?: string[];
  colorDefault?: boolean;
}

export interface RunResult {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  failed: string[];
}

interface Stage {
  runMocha(o: { files: string[]; options?: Mocha.MochaOptions }): Promise<RunResult>;
}

/** out/test/support/vscodeRunner -> the repository. */
const ROOT = path.resolve(__dirname, '../../../..');
const load = createRequire(__filename);

function readOptions(): TestOptions {
  const raw = process.env.VSCODE_TEST_OPTIONS;
  if (!raw) throw new Error('VSCODE_TEST_OPTIONS is not set: start the tests with scripts/run-vscode-tests.js');
  return JSON.parse(raw) as TestOptions;
}

export async function run(): Promise<void> {
  const { mochaOpts, files, preload = [], colorDefault = false } = readOptions();
  // Preloads are plain CommonJS paths chosen by the config (same as test-cli's runner.cjs).
  for (const f of [...preload, ...[mochaOpts.require ?? []].flat()]) load(f);
  const stage = load(path.join(ROOT, 'scripts/lib/stage.js')) as Stage;
  const result = await stage.runMocha({ files, options: { color: colorDefault, ...mochaOpts } });

  const resultFile = process.env.DNS_BATCH_TASKS_TEST_RESULT;
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result));
  if (result.failures > 0) {
    throw new Error(`${result.failures} test${result.failures > 1 ? 's' : ''} failed.`);
  }
}
