// Shared set-up for the client tests: a fake gateway per suite and a client with instant, recorded retries.
import { createDnsClient } from '../../../src/core/client';
import { clearProjectIdCache } from '../../../src/core/projectId';
import type { DnsClient, DnsClientOptions, RequestLogEntry } from '../../../src/core/types';
import { SANDBOX_CREDENTIALS, startFakeGateway, type FakeGateway, type FakeGatewayOptions } from '../../support/fakeGateway';

export const CREDS = { ...SANDBOX_CREDENTIALS };

export interface Harness {
  gw: FakeGateway;
  sleeps: number[];
  log: RequestLogEntry[];
  client(overrides?: Partial<DnsClientOptions>): DnsClient;
}

/** Starts a gateway before the suite, closes every client after each test and the gateway after the suite. */
export function useGateway(options: FakeGatewayOptions = {}): Harness {
  const clients: DnsClient[] = [];
  const h: Harness = {
    gw: undefined as unknown as FakeGateway,
    sleeps: [],
    log: [],
    client(overrides = {}) {
      const c = createDnsClient({
        endpoint: h.gw.url,
        credentials: CREDS,
        version: '9.9.9',
        timeoutMs: 5_000,
        sleep: (ms) => {
          h.sleeps.push(ms);
          return Promise.resolve();
        },
        random: () => 0.5,
        onRequest: (e) => h.log.push(e),
        ...overrides,
      });
      clients.push(c);
      return c;
    },
  };
  before(async () => {
    h.gw = await startFakeGateway(options);
  });
  beforeEach(() => {
    h.gw.reset();
    h.sleeps.length = 0;
    h.log.length = 0;
    clearProjectIdCache();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  after(async () => {
    await h.gw.close();
  });
  return h;
}

/** Resolves once the gateway has received `n` requests (polling; no wall-clock assertion). */
export async function receivedRequests(gw: FakeGateway, n: number): Promise<void> {
  while (gw.requests.length < n) await new Promise((r) => setTimeout(r, 5));
}
