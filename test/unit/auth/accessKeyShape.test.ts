import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { accessKeyProblem } from '../../../src/auth/accessKeyShape';

const t = (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

describe('the access key id\'s shape, checked before anything is sent', () => {
  it('accepts 20 upper-case letters and digits, trimmed', () => {
    assert.equal(accessKeyProblem('HPUAEXAMPLEAK0000001', t), undefined);
    assert.equal(accessKeyProblem('  HPUAEXAMPLEAK0000001 ', t), undefined);
  });

  it('refuses a secret key pasted into the field, saying why without echoing it', () => {
    const secret = 'sandbox-secret-key-0123456789abcdefghij';
    const problem = accessKeyProblem(secret, t);
    assert.ok(problem);
    assert.ok(!problem.includes(secret) && !problem.includes('sandbox'), problem);
    assert.match(problem, /20 upper-case letters and digits/);
    assert.match(problem, /secret key/i, 'suggests the likely mix-up');
  });

  it('refuses wrong lengths, lower case and other characters', () => {
    for (const bad of ['', 'HPUA', 'HPUAEXAMPLEAK00000012', 'hpuaexampleak0000001', 'HPUAEXAMPLE-K0000001', 'HPUAEXAMPLE K0000001']) {
      assert.ok(accessKeyProblem(bad, t), JSON.stringify(bad));
    }
  });

  it('never quotes any part of what was typed (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 80 }).filter((s) => !/^\s*[A-Z0-9]{20}\s*$/.test(s) && /[^\s]{8}/.test(s)), (value) => {
        const problem = accessKeyProblem(value, t);
        assert.ok(problem);
        const longestRun = value.match(/[^\s]{8,}/)?.[0] ?? '';
        assert.ok(!problem.includes(longestRun), `${problem} quotes ${longestRun}`);
      }),
    );
  });
});
