// The core's English sentences: `{n}` placeholders filled from the arguments, as vscode.l10n.t does, so a message
// read outside VS Code (tests, the CLI of the sandbox) says the same as the one a person reads in the editor.
import * as assert from 'node:assert/strict';
import { english } from '../../../src/core/l10n';

describe('l10n: the English templates', () => {
  it('fills every placeholder by its number, in any order and more than once', () => {
    assert.equal(english('{1} of {0} records failed in {1}', 3, 'example.com.'), 'example.com. of 3 records failed in example.com.');
    assert.equal(english('no placeholders'), 'no placeholders');
  });

  it('reads a placeholder number of two digits', () => {
    const args = Array.from({ length: 12 }, (_, i) => `a${i}`);
    assert.equal(english('{10} and {11}', ...args), 'a10 and a11');
  });

  it('writes 0 and the empty string as given, and leaves an unknown placeholder as written', () => {
    assert.equal(english('TTL {0}, name "{1}"', 0, ''), 'TTL 0, name ""');
    assert.equal(english('{0} then {2} and {x}', 'one'), 'one then {2} and {x}');
  });
});
