// A fresh temporary directory for each test of one describe block, removed after the test, with a writer for
// files inside it. Called inside a describe: mocha runs hooks registered at a file's top level around every
// test of the whole run (each unit test made and removed one directory per file that did so).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TempDir {
  /** The current test's directory (an error outside a test: it does not exist then). */
  readonly path: string;
  /** Writes `text` to `rel` inside the directory (parent folders made) and returns the absolute path. */
  write(rel: string, text: string | Buffer): string;
}

export function useTempDir(prefix: string): TempDir {
  let current: string | undefined;
  beforeEach(() => {
    current = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    if (current !== undefined) fs.rmSync(current, { recursive: true, force: true });
    current = undefined;
  });
  const dir: TempDir = {
    get path(): string {
      if (current === undefined) throw new Error(`${prefix}: the temporary directory exists only during a test`);
      return current;
    },
    write(rel, text) {
      const file = path.join(dir.path, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
  };
  return dir;
}

/**
 * useTempDir for a file whose helpers read the directory from a variable: `set` receives each test's fresh
 * directory before the test runs. Call it inside every describe that needs it, never at the top level.
 */
export function withTempDirIn(prefix: string, set: (dir: string) => void): void {
  const dir = useTempDir(prefix);
  beforeEach(() => set(dir.path));
}
