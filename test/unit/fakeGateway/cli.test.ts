import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sandboxTasks, SANDBOX_CREDENTIALS } from '../../support/fakeGateway';
import { signedSend } from './http';

const CLI = join(__dirname, '..', '..', 'support', 'fakeGateway', 'cli.js');

describe('fake gateway: the CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) it(`prints {url, accessKey} once listening, serves the sandbox, never prints the secret, stops on ${signal}`, async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--sandbox'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.stdout.on('data', (c: Buffer) => (output += c.toString()));
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      const info = JSON.parse(line) as { url: string; accessKey: string };
      assert.equal(info.accessKey, SANDBOX_CREDENTIALS.accessKey);
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const list = await signedSend(info.url, '/v2.1/batch-operation-tasks');
      assert.equal(list.status, 200, list.text);
      assert.equal(list.json<{ metadata: { total_count: number } }>().metadata.total_count, sandboxTasks().length);
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill(signal);
      assert.equal(await exit, 0);
      assert.ok(!(line + output).includes(SANDBOX_CREDENTIALS.secretKey));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses unknown arguments with exit code 2', async () => {
    const child = spawn(process.execPath, [CLI, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /unknown argument --bogus/);
  });
});
