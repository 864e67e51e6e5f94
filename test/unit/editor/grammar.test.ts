// The dns-zone TextMate grammar, tokenized by the same vscode-textmate + oniguruma that VS Code runs (taken
// from the code-server install of the test tools). On a plain clone without the tools the suite skips, saying so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const TOOLS = process.env.DNS_BATCH_TASKS_TOOLS ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'dns-batch-tasks-tools');
const MODULES = path.join(TOOLS, 'cs/node_modules/code-server/lib/vscode/node_modules');
/** VS Code's own copies, loaded from outside the project (never a dependency of ours). */
const load = createRequire(__filename);

interface Token { startIndex: number; endIndex: number; scopes: string[] }
interface Grammar { tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown } }
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<Grammar | null> };
  parseRawGrammar(text: string, file: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

/** "text:scope" for each token with a scope of its own (the file's root scope dropped, suffix trimmed). */
function tokenize(grammar: Grammar, text: string): string[][] {
  let state: unknown = (load(path.join(MODULES, 'vscode-textmate')) as TextMate).INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens
      .filter((t) => t.scopes.length > 1)
      .map((t) => `${line.slice(t.startIndex, t.endIndex)}:${(t.scopes[t.scopes.length - 1] as string).replace(/\.dns-zone$/, '')}`);
  });
}

describe('dns-zone TextMate grammar', function () {
  let grammar: Grammar;

  before(async function () {
    if (!fs.existsSync(path.join(MODULES, 'vscode-textmate')) || !fs.existsSync(path.join(MODULES, 'vscode-oniguruma'))) {
      console.log(`      (skipped: vscode-textmate from code-server is not installed under ${TOOLS}; run scripts/setup-tools.sh)`);
      this.skip();
    }
    const tm = load(path.join(MODULES, 'vscode-textmate')) as TextMate;
    const onig = load(path.join(MODULES, 'vscode-oniguruma')) as Oniguruma;
    const wasm = fs.readFileSync(path.join(MODULES, 'vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: () => {
        const file = path.join(ROOT, 'syntaxes/dns-zone.tmLanguage.json');
        return Promise.resolve(tm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file));
      },
    });
    const g = await registry.loadGrammar('source.dns-zone');
    assert.ok(g, 'grammar loads');
    grammar = g;
  });

  it('colours directives, owners, TTL, class, type and typed data', () => {
    const [origin, ttl, a, mx] = tokenize(grammar, '$ORIGIN example.com.\n$TTL 1h\nwww 300 IN A 192.0.2.1\n@ in mx 10 mail');
    assert.deepEqual(origin, ['$ORIGIN:keyword.control.directive']);
    assert.deepEqual(ttl, ['$TTL:keyword.control.directive', '1h:constant.numeric']);
    assert.deepEqual(a, ['www:entity.name.function.owner', '300:constant.numeric.ttl', 'IN:storage.modifier.class', 'A:support.type.rrtype', '192.0.2.1:constant.numeric.ipv4']);
    assert.deepEqual(mx, ['@:variable.language.origin', 'in:storage.modifier.class', 'mx:support.type.rrtype', '10:constant.numeric']);
  });

  it('keeps type words in the data, quoted strings and comments as what they are', () => {
    const [cname, txt] = tokenize(grammar, 'alias CNAME a\n  TXT "a \\"b\\" ; c" ; the A record');
    assert.deepEqual(cname, ['alias:entity.name.function.owner', 'CNAME:support.type.rrtype'], 'the target "a" is a name, not a type');
    assert.deepEqual(txt, [
      'TXT:support.type.rrtype', '":punctuation.definition.string.begin', 'a :string.quoted.double', '\\":constant.character.escape',
      'b:string.quoted.double', '\\":constant.character.escape', ' ; c:string.quoted.double', '":punctuation.definition.string.end',
      '; the A record:comment.line.semicolon',
    ]);
  });

  it('follows a parenthesised record over several lines', () => {
    const lines = tokenize(grammar, '@ SOA ns1 host (\n  2024 ; serial\n  7200 AAAA )\nnext A 192.0.2.2');
    assert.deepEqual(lines[1], ['2024:constant.numeric', '; serial:comment.line.semicolon']);
    assert.deepEqual(lines[2], ['7200:constant.numeric', '):punctuation.section.parens.end'], 'AAAA inside the data is not a type');
    assert.deepEqual(lines[3], ['next:entity.name.function.owner', 'A:support.type.rrtype', '192.0.2.2:constant.numeric.ipv4']);
  });
});
