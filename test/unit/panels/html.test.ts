import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, newNonce, renderHtml, type HtmlInputs } from '../../../src/panels/html';

const inputs = (over: Partial<HtmlInputs> = {}): HtmlInputs => ({
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: newNonce(),
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.css',
  title: 'Failed items',
  ...over,
});

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'CSP meta tag present');
  return m[1]!.replace(/&#39;/g, "'");
}

describe('renderHtml', () => {
  it('declares a strict CSP: nothing by default, scripts only by nonce, styles only from the webview source', () => {
    const i = inputs();
    const csp = cspOf(renderHtml(i)).split(';').map((d) => d.trim());
    assert.ok(csp.includes("default-src 'none'"));
    assert.ok(csp.includes(`script-src 'nonce-${i.nonce}'`));
    assert.ok(csp.includes(`style-src ${i.cspSource}`));
    assert.ok(!csp.join(';').includes('unsafe-inline'), 'no unsafe-inline');
    assert.ok(!csp.join(';').includes('unsafe-eval'), 'no unsafe-eval');
    assert.ok(!csp.some((d) => /\*/.test(d)), 'no wildcard source');
  });

  it('puts the nonce on every script tag and has no inline script or handler', () => {
    const i = inputs();
    const html = renderHtml(i);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    for (const s of scripts) {
      assert.ok(s.includes(`nonce="${i.nonce}"`), s);
      assert.ok(/src="[^"]+"/.test(s), 'scripts are files, not inline');
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /style="/, 'no inline styles (the CSP forbids them)');
  });

  it('gets a fresh 128-bit nonce on every load', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newNonce()));
    assert.equal(nonces.size, 200);
    for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16);
    const a = renderHtml(inputs());
    const b = renderHtml(inputs());
    assert.notEqual(cspOf(a), cspOf(b));
  });

  it('contains no task data: same shell for every task, data only arrives by postMessage', () => {
    const html = renderHtml(inputs({ nonce: 'AAAAAAAAAAAAAAAAAAAAAA==' }));
    assert.equal(html, renderHtml(inputs({ nonce: 'AAAAAAAAAAAAAAAAAAAAAA==' })));
    assert.doesNotMatch(html, /error_message|errorMessage|example\.com/);
  });

  it('refuses a nonce that could break out of the attribute', () => {
    assert.throws(() => renderHtml(inputs({ nonce: `x" onload="alert(1)` })));
    assert.throws(() => renderHtml(inputs({ nonce: 'short' })));
  });

  it('escapes the URIs and the title it is given', () => {
    const html = renderHtml(inputs({ scriptUri: 'https://x/a"b.js', title: '<b>' }));
    assert.ok(html.includes('src="https://x/a&#34;b.js"'));
    assert.ok(html.includes('<title>&#60;b&#62;</title>'));
  });

  it('limits every other fetch directive to the webview source or nothing', () => {
    const csp = contentSecurityPolicy('vscode-resource:', 'n');
    assert.match(csp, /base-uri 'none'/);
    assert.doesNotMatch(csp, /connect-src/); // falls back to default-src 'none'
  });
});
