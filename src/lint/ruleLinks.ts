// The rule id in a diagnostic links to its row of the README's rule table: the README ships in the extension,
// so the link works offline and always matches the installed version (opened at the row's line).
import * as vscode from 'vscode';

export class RuleLinks {
  private lines: Map<string, number> | undefined;
  private loading: Promise<void> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Reads the README once; until it has been read, links open the README at its top. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const lines = new Map<string, number>();
      try {
        const text = Buffer.from(await vscode.workspace.fs.readFile(this.readme())).toString('utf8');
        text.split(/\r?\n/).forEach((line, i) => {
          const m = /^\| `([a-z-]+)` \|/.exec(line);
          if (m?.[1] && !lines.has(m[1])) lines.set(m[1], i + 1);
        });
      } catch {
        // No README: links open the (missing) file's top, which VS Code reports plainly.
      }
      this.lines = lines;
    })();
    return this.loading;
  }

  target(rule: string): vscode.Uri {
    const line = this.lines?.get(rule);
    return line === undefined ? this.readme() : this.readme().with({ fragment: `L${line}` });
  }

  private readme(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'README.md');
  }
}
