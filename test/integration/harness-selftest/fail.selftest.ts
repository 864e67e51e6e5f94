// Harness self-test (never part of the normal run: *.selftest.js is outside the integration glob).
// scripts/harness-selftest.js runs this file inside VS Code and expects exit code 1 with "1 passed, 1 failed".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('Harness self-test: a failing test', () => {
  it('passes where the host is real', () => {
    assert.equal(typeof vscode.commands.executeCommand, 'function');
  });

  it('fails on purpose', () => {
    assert.equal(1 + 1, 3, 'deliberate failure: the runner must exit 1');
  });
});
