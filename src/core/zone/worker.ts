// Worker-thread entry (bundled as dist/zoneWorker.js): indexes one zone file per message, off the
// extension host, and posts the compact index back with its typed arrays transferred (not copied); or runs
// the pre-flight rules over a file and posts the findings (the editor's check while typing).
import { parentPort } from 'worker_threads';
import { english, type Translate } from '../l10n';
import { lintZoneFile, type LintResult } from '../lint';
import { indexZoneFileCompact, type IndexZoneOptions } from './index';
import type { CompactZoneIndex } from './store';

export interface ZoneLintRequestOptions {
  minTtl?: number;
  /** Translations of the rules' message templates (template -> translated template), from the host's bundle. */
  messages?: Record<string, string>;
}

export interface ZoneWorkerRequest {
  id: number;
  path: string;
  options: IndexZoneOptions;
  /** Present: lint the file instead of posting its index. */
  lint?: ZoneLintRequestOptions;
}

export type ZoneWorkerResponse = { id: number; index: CompactZoneIndex } | { id: number; lint: LintResult } | { id: number; error: string };

/** vscode.l10n.t's lookup without vscode: the template's translation (if any), then the placeholders. */
export function translatorFrom(messages: Record<string, string> | undefined): Translate {
  if (!messages) return english;
  return (message, ...args) => english(Object.prototype.hasOwnProperty.call(messages, message) ? (messages[message] as string) : message, ...args);
}

/** A view that owns its whole buffer (a small Buffer is a slice of Node's shared pool: never transfer that). */
function owned(a: Uint8Array): Uint8Array {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : new Uint8Array(a);
}

export function transferables(index: CompactZoneIndex): ArrayBuffer[] {
  index.texts = index.texts.map(owned);
  const arrays = [index.recName, index.recType, index.recLine, index.recFile, index.recNext, index.recStart, index.recEnd, index.recData, index.recTtl,
    index.names.bytes, index.names.offsets, index.names.slots, index.names.hashes, index.names.head, ...index.texts];
  // Several views may share one buffer (none do today); a buffer may only be listed once.
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** What serving needs of a port: the worker's parentPort, or a stand-in where no thread is wanted. */
export interface ZoneRequestPort {
  on(event: 'message', listener: (request: ZoneWorkerRequest) => void): unknown;
  postMessage(response: ZoneWorkerResponse, transfer?: readonly ArrayBuffer[]): void;
}

/** Answers each request arriving on `port`: the file's compact index (its buffers transferred) or its findings. */
export function serveZoneRequests(port: ZoneRequestPort): void {
  port.on('message', (request) => {
    const fail = (err: unknown): void => port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
    if (request.lint) {
      const { minTtl, messages } = request.lint;
      lintZoneFile(request.path, { ...request.options, ...(minTtl !== undefined ? { minTtl } : {}), translate: translatorFrom(messages) }).then(
        (lint) => port.postMessage({ id: request.id, lint }),
        fail,
      );
      return;
    }
    indexZoneFileCompact(request.path, request.options).then((index) => port.postMessage({ id: request.id, index }, transferables(index)), fail);
  });
}

// The one line that runs only in the worker thread (parentPort is null elsewhere). Everything it does lives in
// serveZoneRequests, so the unit tests (and mutation testing, whose coverage and mutant switching exist only in
// the test runner's thread) exercise it in-process with a stand-in port.
if (parentPort) serveZoneRequests(parentPort);
