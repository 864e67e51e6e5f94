// Redaction against echoes the gateway may send back: cut by a length limit, percent-encoded, JSON-escaped.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { quoteBody, ResponseShapeError } from '../../../src/core/errors';
import { REDACTED, redact, redactAndCut, registerSecret, releaseSecret } from '../../../src/core/redact';
import { errorFromResponse } from '../../../src/core/responseErrors';

// Shaped like a temporary credential's security token: long, base64 with + / =.
const TOKEN = 'gQpjbi1ub3J0aC00+iBu/Mg1Ng==' + 'A1b2C3d4+E5f6/G7h8'.repeat(60) + 'Zz==';

/** True when any 16-character piece of the secret survives in the text. */
function leaksPart(text: string, secret: string): boolean {
  for (let i = 0; i + 16 <= secret.length; i += 4) if (text.includes(secret.slice(i, i + 16))) return true;
  return false;
}

describe('core/redact: echoes of a secret', () => {
  beforeEach(() => registerSecret(TOKEN));
  afterEach(() => releaseSecret(TOKEN));

  it('recognises percent-encoded (either case), JSON-escaped and \\u-escaped forms', () => {
    const secret = 'ab/cd+ef=gh"ij\\kl';
    const forms = [
      encodeURIComponent(secret),
      encodeURIComponent(secret).toLowerCase().replace(/%[0-9a-f]{2}/g, (m) => m),
      encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      JSON.stringify(secret).slice(1, -1),
      JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
      secret.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      secret.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`),
    ];
    for (const form of forms) {
      const out = redact(`before ${form} after`, [secret]);
      assert.equal(out, `before ${REDACTED} after`, form);
    }
  });

  it('property: any mix of encodings of a token-like secret is removed', () => {
    const chars = fc.constantFrom(...'ABCxyz019+/=-_'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 8, maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }), (cs, how) => {
        const secret = cs.join('');
        const encoded = cs
          .map((c, i) => {
            if (/[A-Za-z0-9]/.test(c)) return c;
            const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
            return [c, `%${hex.toUpperCase()}`, `%${hex}`, `\\u00${hex}`][how[i]!]!;
          })
          .join('');
        const out = redact(`x ${encoded} y`, [secret]);
        assert.equal(out, `x ${REDACTED} y`, encoded);
      }),
      { numRuns: 500 },
    );
  });

  it('redacts before cutting: a token cut by the limit leaks no part of itself', () => {
    const message = `Invalid security token ${TOKEN} for this request`;
    const cut = redactAndCut(message, 200);
    assert.ok(!leaksPart(cut, TOKEN), cut);
    assert.ok(cut.startsWith(`Invalid security token ${REDACTED}`));
    assert.ok(!leaksPart(quoteBody(`{"x":"${'.'.repeat(150)}${TOKEN}"}`), TOKEN));
  });

  it('a body echoing the token over and over, past the scanned window, shows no piece of it', () => {
    // Each echo shrinks to [REDACTED]: the text that is shown then reaches the end of the scanned window, where
    // an echo is cut in half and no longer recognised.
    const body = `${TOKEN} `.repeat(30);
    assert.ok(body.length > 200 + 16 * 1024);
    const cut = redactAndCut(body, 200);
    assert.ok(!leaksPart(cut, TOKEN), cut);
    assert.equal(cut, `${REDACTED} `.repeat(30).slice(0, 200) + '…');
  });

  it('an error_msg echoing the token, cut at 200 characters, leaks none of it', () => {
    for (const lead of [0, 120, 180, 199]) {
      const body = JSON.stringify({ error_code: 'APIGW.0307', error_msg: `${'x'.repeat(lead)} token ${TOKEN} rejected` });
      const e = errorFromResponse({ status: 400, headers: {}, body }, { action: 'dns:x:y', what: 'show task t' });
      assert.ok(!leaksPart(e.message, TOKEN), `lead ${lead}: ${e.message}`);
      const shape = new ResponseShapeError('id', 'is missing', `${'y'.repeat(lead)}${TOKEN}`);
      assert.ok(!leaksPart(shape.message, TOKEN) && !leaksPart(shape.bodySnippet, TOKEN), `lead ${lead}`);
    }
  });

  it('an escaped echo in a JSON error body is removed too', () => {
    const body = JSON.stringify({ error_code: 'APIGW.0307', error_msg: `bad ${encodeURIComponent(TOKEN)}` });
    const e = errorFromResponse({ status: 400, headers: {}, body }, { action: 'dns:x:y', what: 'show task t' });
    assert.ok(!leaksPart(e.message, encodeURIComponent(TOKEN)), e.message);
  });
});
