// One integration-test config for both worlds:
//  - `npm run test:desktop` (`vscode-test`, @vscode/test-cli + a desktop VS Code where one can be downloaded);
//  - `node scripts/run-vscode-tests.js` (code-server + Chromium, offline), which reads this same file.
// Harness self-test suites live in test/integration/harness-selftest/*.selftest.ts: the globs below never match them.
// The leak check runs last, named last on purpose: it searches everything the other suites made the extension
// write. Both runners keep the order of `files` (a file matched twice runs at its first place).
// The reporter prints spec lines and, under `vscode-test`, writes the counts `npm test` reads
// (scripts/lib/countsReporter.js), as the code-server runner does.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'integration',
  files: ['out/test/integration/**/!(leak).test.js', 'out/test/integration/leak.test.js'],
  workspaceFolder: './test/fixtures/workspace',
  env: { DNS_BATCH_TASKS_TEST: '1' },
  mocha: { ui: 'bdd', timeout: 60000, color: false, reporter: fileURLToPath(new URL('./scripts/lib/countsReporter.js', import.meta.url)) },
});
