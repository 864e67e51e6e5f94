import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { markdownCode, markdownEscape, plainText, UNTRUSTED_MAX_LENGTH } from '../../../src/shared/untrusted';

// CommonMark with GFM-style bare-URL links: the same reading VS Code's Markdown renderer gives a tooltip.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(src: string): string };
const md = new MarkdownIt({ html: false, linkify: true });

// The regular expression VS Code uses to find links in a notification message (base/common/linkedText.ts).
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The paragraph markdown-it makes of `src`, or a failure when it makes anything else. */
function renderedParagraph(src: string): string {
  const html = md.render(src).trim();
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  assert.ok(m, `one plain paragraph expected, got ${html}`);
  return m[1]!;
}

// Strings made of the characters that matter here: Markdown and link syntax, controls, bidi, surrogates.
const hostileChar = fc.constantFrom(
  '[', ']', '(', ')', '!', '`', '*', '_', '$', '<', '>', '&', '#', '|', '\\', ':', '/', '.', '-', '=', '~', '"', "'",
  ' ', '\n', '\r', '\t', '\u2028', '\u00a0', '\u0000', '\u001b', '\u007f', '\u0085', '\u200b', '\u202e', '\u2066', '\ufeff',
  '\ud83d', '\ude00', '\ud83d\ude00', 'a', 'Z', '0', 'é', '中',
  'command:', 'https://', 'http://', 'file:', 'www.', 'javascript:', 'x.png', '&#x41;', '&amp;',
);
const hostile = fc.oneof(fc.string(), fc.array(hostileChar, { maxLength: 60 }).map((a) => a.join('')));

describe('shared/untrusted', () => {
  describe('plainText', () => {
    it('breaks the command link VS Code would render in a notification', () => {
      const name = '[Open settings](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)';
      assert.ok(new RegExp(NOTIFICATION_LINK.source, 'i').test(name), 'the raw value is a link');
      const shown = plainText(name);
      assert.equal(shown, '[Open settings] (command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)');
      assert.equal(shown.match(NOTIFICATION_LINK), null);
    });

    it('does not let removed characters join a link back together', () => {
      for (const joiner of ['\u200b', '\u2060', '\u00ad', '\ufeff', '\n', '\r\n', '\u0000']) {
        const shown = plainText(`[x]${joiner}(command:evil)`);
        assert.equal(shown.match(NOTIFICATION_LINK), null, JSON.stringify(joiner));
      }
      assert.equal(plainText('[x]\u200b(command:evil)'), '[x]\ufffd(command:evil)');
    });

    it('keeps ordinary names and messages exactly', () => {
      for (const s of ['www.example.com.', '_dmarc.example.com.', '*.example.com.', 'The record set already exists (DNS.0312).', '中文.example.', 'a-b_c 1,880 ✓ ✗']) {
        assert.equal(plainText(s), s);
      }
    });

    it('one line: line breaks and runs of spaces become one space, ends trimmed', () => {
      assert.equal(plainText('  a\n\nb\r\n\tc\u2028d  '), 'a b c d');
    });

    it('shows bidi, zero-width and control characters as U+FFFD', () => {
      assert.equal(plainText('abc\u202Egnp.exe'), 'abc\ufffdgnp.exe');
      assert.equal(plainText('a\u0000b\u001bc\u007fd\u2066e'), 'a\ufffdb\ufffdc\ufffdd\ufffde');
      assert.equal(plainText('x\ud800y'), 'x\ufffdy', 'a lone surrogate');
      assert.equal(plainText('😀'), '😀');
    });

    it('breaks theme-icon syntax', () => {
      assert.equal(plainText('$(pass) ok'), '$ (pass) ok');
    });

    it('bounds the length with an ellipsis, never splitting a surrogate pair', () => {
      const long = 'a'.repeat(1000);
      assert.equal(plainText(long).length, UNTRUSTED_MAX_LENGTH);
      assert.ok(plainText(long).endsWith('…'));
      assert.equal(plainText('abcdef', { maxLength: 4 }), 'abc…');
      assert.equal(plainText('ab😀cd', { maxLength: 4 }), 'ab…');
      assert.equal(plainText('ab cd', { maxLength: 4 }), 'ab…', 'no space before the ellipsis');
      assert.equal(plainText('x'.repeat(10_000_000)).length, UNTRUSTED_MAX_LENGTH, 'a huge value is cut first');
    });

    it('turns any value into text', () => {
      assert.equal(plainText(undefined), '');
      assert.equal(plainText(null), '');
      assert.equal(plainText(42), '42');
      assert.equal(plainText({ toString: () => '[x](command:y)' }), '[object Object]', 'never calls a hostile toString');
    });

    it('property: never a notification link, icon, control, line break or overlong text; idempotent', () => {
      fc.assert(
        fc.property(hostile, fc.integer({ min: 1, max: 80 }), (s, maxLength) => {
          const out = plainText(s, { maxLength });
          assert.equal(out.match(NOTIFICATION_LINK), null);
          assert.ok(!out.includes(']('));
          assert.ok(!out.includes('$('));
          // eslint-disable-next-line no-control-regex
          assert.ok(!/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\n\r\u2028\u2029]/.test(out), JSON.stringify(out));
          assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out), 'well-formed UTF-16');
          assert.ok(out.length <= maxLength);
          assert.equal(plainText(out, { maxLength }), out);
        }),
        { numRuns: 3000 },
      );
    });
  });

  describe('markdownEscape', () => {
    it('renders a link, an image, emphasis, HTML and a bare URL as the same characters', () => {
      for (const s of [
        '[Open settings](command:workbench.action.openSettings)',
        '![x](https://attacker.example/pixel.png)',
        '**bold** _em_ `code` <img src=x> &amp; &#x41;',
        'https://attacker.example/ www.attacker.example',
        '# heading',
        '1. list',
        '> quote',
        '| a | b |',
      ]) {
        const html = renderedParagraph(markdownEscape(s));
        assert.ok(!/<(a|img|em|strong|code|h\d|ol|ul|blockquote|table)\b/.test(html), html);
        assert.equal(decodeEntities(html), plainText(s));
      }
    });

    it('a blank line cannot start a block of its own', () => {
      const html = md.render(`Status: ${markdownEscape('DONE\n\n![x](https://attacker.example/p.png)')}`);
      assert.ok(!html.includes('<img'), html);
      assert.equal((html.match(/<p>/g) ?? []).length, 1);
    });

    it('property: renders as exactly plainText, with no element of its own', () => {
      fc.assert(
        fc.property(hostile, (s) => {
          const text = plainText(s);
          if (text === '') return;
          const html = renderedParagraph(`x ${markdownEscape(s)}`);
          assert.ok(!/<(?!\/?p>)/.test(html.replace(/^x /, '')), html);
          assert.equal(decodeEntities(html), `x ${text}`);
        }),
        { numRuns: 3000 },
      );
    });
  });

  describe('markdownCode', () => {
    it('fences with more backticks than the value holds', () => {
      assert.equal(markdownCode('DONE'), '`DONE`');
      assert.equal(markdownCode('a`b'), '``a`b``');
      assert.equal(markdownCode('`x'), '`` `x ``');
      assert.equal(markdownCode(''), '` `');
    });

    it('a blank line in a status cannot end the code span (the tooltip image)', () => {
      const status = 'DONE\n\n![x](https://attacker.example/p.png)';
      const html = md.render(`Status: ${markdownCode(status)}`);
      assert.ok(!html.includes('<img'), html);
      assert.match(html, /<code>DONE !\[x\] \(https:\/\/attacker\.example\/p\.png\)<\/code>/);
    });

    it('property: renders as one code element holding exactly plainText', () => {
      fc.assert(
        fc.property(hostile, (s) => {
          const text = plainText(s);
          if (text === '') return;
          const html = renderedParagraph(`x ${markdownCode(s)} y`);
          const m = /^x <code>([\s\S]*)<\/code> y$/.exec(html);
          assert.ok(m, html);
          assert.equal(decodeEntities(m[1]!), text);
        }),
        { numRuns: 3000 },
      );
    });
  });
});
