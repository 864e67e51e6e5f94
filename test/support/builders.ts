// Test data builders: a test names only what matters to it (`aTask({ status: 'PENDING' })`).
import { randomBytes } from 'node:crypto';
import type { ErrorItem, FakeTask } from './fakeGateway/types';

/** Realistic messages, as the DNS service words them. */
export const VENDOR_ERROR_MESSAGES: readonly string[] = [
  "Attribute 'type' is invalid, type should be 'A, AAAA, CNAME, TXT, MX, SRV, PTR or NS'.",
  'The record set already exists.',
  'Invalid TTL, the value should be an integer from 1 to 2147483647.',
  'Invalid record value, the IPv4 address is not in the correct format.',
];

/** A DONE `create` task without failures unless told otherwise; a fresh random 32-hex id each call. */
export function aTask(overrides: Partial<FakeTask> = {}): FakeTask {
  const errorItemList = overrides.errorItems ?? [];
  return {
    id: randomBytes(16).toString('hex'),
    type: 'create',
    status: 'DONE',
    createdAt: '2025-06-17 13:09:15',
    successCount: 10,
    ...overrides,
    errorItems: errorItemList,
    errorCount: overrides.errorCount ?? errorItemList.length,
  };
}

export interface ErrorItemsOptions {
  /** Cycled in order; default VENDOR_ERROR_MESSAGES. */
  messages?: readonly string[];
  /** Default 'host': names are `${prefix}${n}.${zone}` for n = 1..count. */
  prefix?: string;
  /** Default 'nw.'; a trailing dot is added when missing. */
  zone?: string;
}

/** `count` failed items, deterministic: host1.nw., host2.nw., … with the messages cycled. */
export function errorItems(count: number, options: ErrorItemsOptions = {}): ErrorItem[] {
  const messages = options.messages && options.messages.length > 0 ? options.messages : VENDOR_ERROR_MESSAGES;
  const prefix = options.prefix ?? 'host';
  const zone = (options.zone ?? 'nw.').replace(/\.?$/, '.');
  const items: ErrorItem[] = new Array<ErrorItem>(count);
  for (let n = 1; n <= count; n++) {
    items[n - 1] = { item: `${prefix}${n}.${zone}`, errorMessage: messages[(n - 1) % messages.length]! };
  }
  return items;
}
