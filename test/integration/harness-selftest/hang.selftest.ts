// Harness self-test (never part of the normal run: *.selftest.js is outside the integration glob).
// scripts/harness-selftest.js runs this file with a short --timeout and expects the runner's own timeout
// to end the run with exit code 1: a hung test must never hang CI.
export const HANG_MARKER = 'harness-selftest: hanging now';

describe('Harness self-test: a hanging test', () => {
  it('never finishes', function () {
    this.timeout(0); // mocha's own timeout is off: only the runner can end this
    console.log(HANG_MARKER);
    return new Promise<void>(() => undefined);
  });
});
