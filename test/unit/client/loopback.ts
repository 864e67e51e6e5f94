// Real servers on loopback for the transport tests: each counts the connections it accepted, knows which are
// still open and closes them all; and a wait for a state the sockets reach on their own (no fixed sleeps).
import * as assert from 'node:assert/strict';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';

export interface Loopback {
  port: number;
  /** `http://127.0.0.1:port`, e.g. as a proxy URL. */
  url: string;
  connections: number;
  readonly open: Set<Socket>;
  /** Destroys the open connections, then closes the server. */
  close(): Promise<void>;
}

/** Starts `server` on a free loopback port and tracks its connections. */
export async function listenOnLoopback(server: Server | HttpServer): Promise<Loopback> {
  const open = new Set<Socket>();
  const listening: Loopback = {
    port: 0,
    url: '',
    connections: 0,
    open,
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  server.on('connection', (socket: Socket) => {
    listening.connections++;
    open.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  listening.port = (server.address() as AddressInfo).port;
  listening.url = `http://127.0.0.1:${listening.port}`;
  return listening;
}

/** Resolves when `predicate` holds, checking every few milliseconds; fails after `ms`. */
export async function until(predicate: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
