// The mocha reporter of the integration suites (.vscode-test.mjs): the spec reporter's lines, and at the end
// the stage's counts through scripts/lib/stage.js. `vscode-test` (npm run test:desktop) runs mocha with
// @vscode/test-cli's own runner inside a desktop extension host, which hands nothing back but an exit code:
// this reporter is how that path reports "N passed, N failed" to `npm test` as data, like the code-server
// runner does. There the host's environment has no stage result file (scripts/lib/codeServer.js leaves it
// out): scripts/run-vscode-tests.js reports, counting a hang or a crash as a failure.
'use strict';
const Mocha = require('mocha');
const { reportCounts, RESULT_ENV } = require('./stage');

class CountsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (process.env[RESULT_ENV]) reportCounts('vscode-tests', { passed: this.stats.passes, failed: this.stats.failures });
    });
  }
}

module.exports = CountsReporter;
