// The failed-items panel's HTML: a static shell, no task data (data arrives only by postMessage, after the
// script says "ready"). Pure and unit-tested; keep it free of vscode so it runs in plain Node tests.
import { randomBytes } from 'node:crypto';
import { PROBE_ATTRIBUTE } from '../shared/probeChannel';

export interface HtmlInputs {
  /** `webview.cspSource`: where styles (and nothing else) may come from. */
  cspSource: string;
  /** Per-load script nonce; use `newNonce()`. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** `<html lang>`, from vscode.env.language. */
  lang?: string;
  /** Panel title for the document (assistive tech reads it); a fixed label, never server data. */
  title: string;
  /** Turns on the webview's test probe (src/shared/testProbe.ts): only when the test harness watches. */
  probe?: boolean;
}

/** 128 bits from the OS CSPRNG, base64 (never Math.random: a guessable nonce defeats the CSP). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Escapes text for a double-quoted attribute or a text node. Only for our own fixed strings and URIs. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderHtml(inputs: HtmlInputs): string {
  const { cspSource, nonce, scriptUri, styleUri, title } = inputs;
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(nonce)) throw new Error('renderHtml: nonce must be base64 from newNonce()');
  const lang = /^[A-Za-z-]{2,20}$/.test(inputs.lang ?? '') ? inputs.lang! : 'en';
  const csp = contentSecurityPolicy(cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body${inputs.probe ? ` ${PROBE_ATTRIBUTE}` : ''}>
<main id="app" aria-busy="true"><p class="status-line" role="status">…</p></main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(scriptUri)}"></script>
</body>
</html>
`;
}
