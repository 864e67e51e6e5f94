// In-host mocha bootstrap (extensionTestsPath) for the code-server runner (scripts/run-vscode-tests.js).
// It reads the same VSCODE_TEST_OPTIONS that @vscode/test-cli's runner.cjs reads, so `.vscode-test.mjs`
// stays the single source of truth, and adds what the headless runner needs: pass/fail counts written to
// a result file (the exit code alone cannot say "12 passed, 1 failed") and a marker line in the log.
import * as fs from 'node:fs';
import Mocha from 'mocha';

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

export const RESULT_MARKER = '[dns-batch-tasks-tests] result ';

function readOptions(): TestOptions {
  const raw = process.env.VSCODE_TEST_OPTIONS;
  if (!raw) throw new Error('VSCODE_TEST_OPTIONS is not set: start the tests with scripts/run-vscode-tests.js');
  return JSON.parse(raw) as TestOptions;
}

export async function run(): Promise<void> {
  const { mochaOpts, files, preload = [], colorDefault = false } = readOptions();
  const mocha = new Mocha({ ui: 'bdd', color: colorDefault, ...mochaOpts });
  // Preloads are plain CommonJS paths chosen by the config (same as test-cli's runner.cjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const f of [...preload, ...[mochaOpts.require ?? []].flat()]) require(f);
  for (const f of files) mocha.addFile(f);

  const started = Date.now();
  const result: RunResult = { passes: 0, failures: 0, pending: 0, durationMs: 0, failed: [] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => void result.passes++);
    runner.on('pending', () => void result.pending++);
    runner.on('fail', (test) => {
      result.failures++;
      result.failed.push(test.fullTitle());
    });
  });
  result.durationMs = Date.now() - started;

  const resultFile = process.env.DNS_BATCH_TASKS_TEST_RESULT;
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result));
  console.log(RESULT_MARKER + JSON.stringify(result));
  if (result.failures > 0) {
    throw new Error(`${result.failures} test${result.failures > 1 ? 's' : ''} failed.`);
  }
}
