// Typed access to the plain-JS harness in scripts/lib (code-server, Chromium, process cleanup), so the UI
// fixture and the scripts share one implementation of "start it fresh, leave nothing running".
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Repository root, from out/test/support/ui/ (compiled) or test/support/ui/ (source). */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../../..' : '../../..');

export interface CodeServer {
  port: number;
  url: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  workbenchUrl(folder: string, payload?: unknown): string;
  stop(): Promise<void>;
}

export interface StartCodeServerOptions {
  port?: number;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  vsix?: string;
  verbose?: boolean;
}

interface Harness {
  codeServer: {
    startCodeServer(o: StartCodeServerOptions): Promise<CodeServer>;
    writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): string;
    tempDir(prefix: string): string;
  };
  browser: { launchBrowser(o?: { headless?: boolean }): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> };
  procs: { cleanupAll(): Promise<void>; installHandlers(): void };
}

const load = createRequire(__filename);

export const harness: Harness = {
  codeServer: load(path.join(ROOT, 'scripts/lib/codeServer.js')) as Harness['codeServer'],
  browser: load(path.join(ROOT, 'scripts/lib/browser.js')) as Harness['browser'],
  procs: load(path.join(ROOT, 'scripts/lib/procs.js')) as Harness['procs'],
};
