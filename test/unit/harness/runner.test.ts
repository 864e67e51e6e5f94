// Command-line contract of scripts/run-vscode-tests.js and the self-test's verdicts on runner output.
import * as assert from 'node:assert/strict';
import { script } from './load';

interface Opts { grep?: string; build: boolean; timeoutMs: number; files?: string; verbose: boolean; untrusted: boolean }
const { parseArgs } = script<{ parseArgs: (argv: string[]) => Opts }>('scripts/run-vscode-tests.js');
type Check = [string, boolean];
interface RunOut { code: number; out: string }
const selftest = script<{ checkFailRun(r: RunOut): Check[]; checkHangRun(r: RunOut): Check[] }>('scripts/harness-selftest.js');
const allPass = (checks: Check[]) => checks.every(([, ok]) => ok);

describe('harness: run-vscode-tests arguments', () => {
  it('builds by default with a finite overall timeout', () => {
    const o = parseArgs([]);
    assert.equal(o.build, true);
    assert.ok(o.timeoutMs > 0 && Number.isFinite(o.timeoutMs));
    assert.equal(o.grep, undefined);
  });

  it('passes --grep through in both spellings, with --no-build and --timeout', () => {
    assert.deepEqual(parseArgs(['--grep', 'Tasks view|Panel', '--no-build', '--timeout', '5000']), {
      grep: 'Tasks view|Panel', build: false, timeoutMs: 5000, files: undefined, verbose: false, untrusted: false,
    });
    assert.equal(parseArgs(['--grep=Activation']).grep, 'Activation');
  });

  it('--untrusted runs the untrusted-workspace suites (unless --files names others)', () => {
    const o = parseArgs(['--untrusted']);
    assert.equal(o.untrusted, true);
    assert.equal(o.files, 'out/test/integration/untrusted/*.untrusted.js');
    assert.equal(parseArgs(['--untrusted', '--files', 'x.js']).files, 'x.js');
    assert.equal(parseArgs([]).untrusted, false);
  });

  it('refuses unknown flags, a missing value and a bad timeout', () => {
    assert.throws(() => parseArgs(['--grpe', 'x']), /Unknown option '--grpe'/);
    assert.throws(() => parseArgs(['--grep']), /argument missing/);
    assert.throws(() => parseArgs(['--timeout', 'soon']), /positive/);
    assert.throws(() => parseArgs(['--timeout', '0']), /positive/);
  });
});

describe('harness: self-test verdicts', () => {
  const failOut = '  1 passing\n  1 failing\n[vscode-tests] extension host finished (code 1)\n[vscode-tests] 1 passed, 1 failed\n';
  const hangOut = 'harness-selftest: hanging now\n[vscode-tests] TIMEOUT: no result after 30000 ms\n[vscode-tests] 0 passed, 1 failed\n';

  it('accepts the runs a working harness produces', () => {
    assert.ok(allPass(selftest.checkFailRun({ code: 1, out: failOut })));
    assert.ok(allPass(selftest.checkHangRun({ code: 1, out: hangOut })));
  });

  it('catches a runner that exits 0 despite a failing test', () => {
    assert.ok(!allPass(selftest.checkFailRun({ code: 0, out: failOut })));
  });

  it('catches a failing suite that only ended through the timeout', () => {
    assert.ok(!allPass(selftest.checkFailRun({ code: 1, out: `${failOut}TIMEOUT: no result after 1 ms\n` })));
  });

  it('catches a hang that never started, or that was not ended by the timeout', () => {
    assert.ok(!allPass(selftest.checkHangRun({ code: 1, out: hangOut.replace('harness-selftest: hanging now\n', '') })));
    assert.ok(!allPass(selftest.checkHangRun({ code: 1, out: hangOut.replace(/TIMEOUT.*\n/, '') })));
    assert.ok(!allPass(selftest.checkHangRun({ code: 0, out: hangOut })));
  });
});
