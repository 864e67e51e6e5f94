// Runs the fake gateway as a process (sandbox, UI tests):
//   node out/test/support/fakeGateway/cli.js [--port N] [--host H] [--sandbox] [--project-id ID] [--latency MS]
// Prints one JSON line {"url","accessKey"} when listening (never the secret: the launcher imports
// SANDBOX_CREDENTIALS), and stops cleanly on SIGINT/SIGTERM.
import { SANDBOX_CREDENTIALS, sandboxTasks, sandboxZones, startFakeGateway, type FakeGatewayOptions } from './index';

function parseArgs(argv: readonly string[]): FakeGatewayOptions & { sandbox: boolean } {
  const out: FakeGatewayOptions & { sandbox: boolean } = { sandbox: false };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const int = (raw: string, name: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535 * 1000) throw new Error(`${name}: not a valid number: ${raw}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    switch (arg) {
      case '--sandbox': out.sandbox = true; break;
      case '--port': out.port = int(value(i, arg), arg); i++; break;
      case '--host': out.host = value(i, arg); i++; break;
      case '--project-id': out.projectId = value(i, arg); i++; break;
      case '--latency': out.latencyMs = int(value(i, arg), arg); i++; break;
      default: throw new Error(`unknown argument ${arg}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`fake gateway: ${(err as Error).message}\nusage: cli.js [--port N] [--host H] [--sandbox] [--project-id ID] [--latency MS]\n`);
    process.exit(2);
  }
  const { sandbox, ...options } = args;
  const gateway = await startFakeGateway({ ...options, tasks: sandbox ? sandboxTasks() : [], zones: sandbox ? sandboxZones() : [] });
  process.stdout.write(JSON.stringify({ url: gateway.url, accessKey: SANDBOX_CREDENTIALS.accessKey }) + '\n');
  const stop = (): void => {
    void gateway.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake gateway: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
