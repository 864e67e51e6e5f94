import * as assert from 'node:assert/strict';
import { lazy } from '../../../src/core/lazy';

describe('lazy', () => {
  it('does not load until first asked, then loads exactly once', () => {
    let loads = 0;
    const get = lazy(() => ({ n: ++loads }));
    assert.equal(loads, 0);
    const a = get();
    const b = get();
    assert.equal(loads, 1);
    assert.equal(a, b);
  });

  it('keeps a falsy value instead of loading again', () => {
    let loads = 0;
    const get = lazy(() => {
      loads++;
      return undefined;
    });
    get();
    get();
    assert.equal(loads, 1);
  });

  it('tries again after a failed load', () => {
    let loads = 0;
    const get = lazy(() => {
      if (++loads === 1) throw new Error('first load fails');
      return 'ok';
    });
    assert.throws(get, /first load fails/);
    assert.equal(get(), 'ok');
  });
});
