// A large entry file is indexed in two chunks at once: this thread parses the first, a worker thread
// (chunkWorker.ts) the second, and the second's records join the first's (its names interned into the same
// table). The worker's parse assumes what it cannot see: the chunk starts an entry at column 1 of an owner's
// line, with an origin guessed from the last `$ORIGIN` before it; TTLs that depend on the records before are
// marked and settled here. The guess is checked when this thread's parse reaches the chunk (it must stop
// exactly there, outside parentheses, with that origin); if anything differs, or the chunk holds what it
// cannot carry ($INCLUDE, $GENERATE), the worker's records are dropped and the file is parsed in sequence. So
// the result is always the sequential one.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { nameFromBytes } from './names';
import { ChunkRefused, TTL_FROM_BEFORE, ZoneParser, type FileState } from './parser';
import { RecordStore, type ZoneDiagnostic } from './store';

/** Entry files from this size on are split (the 1,000,000-record zone is about 40 MB; a thread costs ~30 ms). */
export const SPLIT_MIN_BYTES = 8 * 1024 * 1024;
/**
 * The first chunk's share: this thread also merges the second chunk's records (interning its names costs about
 * a third of parsing them), the worker first starts (tens of ms), so this thread takes a little less.
 */
const FIRST_SHARE = 0.45;

/**
 * No core to spare: a second thread then only adds its start and the merge to the work (on a machine already
 * running two or more busy threads per the 1-minute load average, indexing the 1,000,000-record zone in two chunks took about 1.5x the time of one, and 1.4x the CPU).
 */
export function coresBusy(): boolean {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores < 2 || (os.loadavg()[0] as number) > cores - 0.5;
}
/** A line to start a chunk at must begin with one of these (a plain owner, never `$`, `;`, `(`, a blank). */
const OWNER_START = new Uint8Array(256);
for (let b = 0x30; b <= 0x39; b++) OWNER_START[b] = 1;
for (let b = 0x41; b <= 0x5a; b++) OWNER_START[b] = OWNER_START[b + 32] = 1;
OWNER_START[0x5f] = 1;
OWNER_START[0x2a] = 1;

/** What a chunk's parse gives (the worker posts it, its typed arrays transferred). Positions and lines are the chunk's own. */
export interface ChunkResult {
  count: number;
  recName: Int32Array;
  recType: Int32Array;
  recLine: Int32Array;
  recStart: Int32Array;
  recEnd: Int32Array;
  recData: Int32Array;
  recTtl: Uint32Array;
  /** TTL marks (parser.ts TTL_AFTER_DIRECTIVE, TTL_FROM_BEFORE), by record. */
  inherit: Uint8Array;
  nameBytes: Uint8Array;
  nameOffsets: Int32Array;
  nameCount: number;
  types: string[];
  originFrom: number[];
  originNames: string[];
  diagnostics: ZoneDiagnostic[];
  apex: string | undefined;
}

/** Options of the split, for tests: split smaller files, at a chosen byte, in this thread. */
export interface SplitOptions {
  /** Split files from this size on (default SPLIT_MIN_BYTES). */
  minBytes?: number;
  /** Where to look for the chunk start (default: the middle). */
  at?: number;
  /** Parse the second chunk in this thread (no worker), as the worker would. */
  inThread?: boolean;
  /** Whether the cores are too busy for a second thread (default coresBusy). */
  busy?: () => boolean;
  /** Told whether the second chunk's records were used or the file was parsed in sequence after all. */
  outcome?: (merged: boolean) => void;
}

/** The start of the first line at or after `from` that begins with a plain owner byte, or -1. */
export function chunkStart(buf: Uint8Array, from: number): number {
  for (let p = Math.max(1, from); p < buf.length; p++) {
    p = buf.indexOf(0x0a, p - 1);
    if (p < 0) return -1;
    p++;
    if (p < buf.length && OWNER_START[buf[p] as number] === 1) return p;
  }
  return -1;
}

/** The origin in effect at byte `at` if the last `$ORIGIN` line before it says so (checked later), else `origin`. */
export function guessOrigin(buf: Buffer, at: number, origin: string, depth = 0): string | undefined {
  // A line that starts before `at` (its `$` at most at - 1).
  const k = at < 2 ? -1 : buf.lastIndexOf('\n$ORIGIN', at - 2);
  const start = k >= 0 ? k + 1 : at > 0 && buf.subarray(0, 7).toString('latin1') === '$ORIGIN' ? 0 : -1;
  if (start < 0 || start >= at) return origin;
  let s = start + 7;
  if (buf[s] !== 0x20 && buf[s] !== 0x09) return undefined;
  while (buf[s] === 0x20 || buf[s] === 0x09) s++;
  let e = s;
  while (e < at && buf[e] !== 0x20 && buf[e] !== 0x09 && buf[e] !== 0x0a && buf[e] !== 0x0d && buf[e] !== 0x3b && buf[e] !== 0x22 && buf[e] !== 0x28) e++;
  if (e === s) return undefined;
  if (buf[e - 1] === 0x2e) return nameFromBytes(buf, s, e, '.');
  if (depth > 8) return undefined;
  const before = guessOrigin(buf, start, origin, depth + 1);
  return before === undefined ? undefined : nameFromBytes(buf, s, e, before);
}

/** Parses a chunk as the worker does (parser.ts parseChunk); undefined when the chunk refuses (ChunkRefused). */
export function parseChunkResult(file: string, buf: Buffer, origin: string): ChunkResult | undefined {
  const store = new RecordStore(buf.length);
  const parser = new ZoneParser(store, { realRoot: path.dirname(file) });
  let inherit: Uint8Array;
  try {
    inherit = parser.parseChunk(file, buf, origin).inherit;
  } catch (err) {
    if (err instanceof ChunkRefused) return undefined;
    throw err;
  }
  const c = store.compact(origin);
  return {
    count: c.count, recName: c.recName, recType: c.recType, recLine: c.recLine, recStart: c.recStart, recEnd: c.recEnd, recData: c.recData,
    recTtl: c.recTtl, inherit, nameBytes: c.names.bytes, nameOffsets: c.names.offsets, nameCount: c.names.count, types: c.types,
    originFrom: c.originFrom, originNames: c.originNames, diagnostics: c.diagnostics, apex: store.apex,
  };
}

/** The buffers a ChunkResult can hand over without a copy. */
export function chunkTransferables(r: ChunkResult): ArrayBuffer[] {
  const arrays = [r.recName, r.recType, r.recLine, r.recStart, r.recEnd, r.recData, r.recTtl, r.inherit, r.nameBytes, r.nameOffsets];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** The chunk worker's script beside this module (out/: chunkWorker.js; the bundle: zoneChunkWorker.js), if any. */
function workerScript(): string | undefined {
  for (const name of ['chunkWorker.js', 'zoneChunkWorker.js']) {
    const file = path.join(__dirname, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

interface PendingChunk {
  result(): Promise<ChunkResult | undefined>;
  /** Not needed after all: the worker is stopped. */
  cancel(): void;
}

/** A chunk being parsed: by a worker thread, or (no worker script, or asked) in this thread when its result is asked. */
function startChunk(file: string, buf: Buffer, start: number, origin: string, inThread: boolean): PendingChunk {
  const script = inThread ? undefined : workerScript();
  if (!script) return { result: () => Promise.resolve(parseChunkResult(file, buf.subarray(start), origin)), cancel: () => undefined };
  // A copy the worker owns (a few ms for 20 MB), transferred: the file's buffer stays this thread's.
  const chunk = new Uint8Array(buf.subarray(start));
  let worker: Worker | undefined;
  const promise = new Promise<ChunkResult | undefined>((resolve) => {
    let done = false;
    const w = new Worker(script);
    worker = w;
    const finish = (r: ChunkResult | undefined): void => {
      if (done) return;
      done = true;
      resolve(r);
      void w.terminate();
    };
    w.on('message', (msg: { result?: ChunkResult }) => finish(msg.result));
    w.on('error', () => finish(undefined));
    w.on('exit', () => finish(undefined));
    w.postMessage({ file, chunk, origin }, [chunk.buffer]);
  });
  return { result: () => promise, cancel: () => void worker?.terminate() };
}

/**
 * Parses the entry file `buf` into `store` in two chunks when it is large enough, else returns false (the
 * caller parses it in sequence). The records, names, origins and diagnostics come out as the sequential parse
 * gives them.
 */
export async function parseSplit(parser: ZoneParser, store: RecordStore, file: string, buf: Buffer, state: FileState, options: SplitOptions = {}): Promise<boolean> {
  if (buf.length < (options.minBytes ?? SPLIT_MIN_BYTES)) return false;
  if (!options.inThread && (options.busy ?? coresBusy)()) return false;
  const start = chunkStart(buf, options.at ?? Math.floor(buf.length * FIRST_SHARE));
  if (start <= 0) return false;
  const origin = guessOrigin(buf, start, state.origin);
  if (origin === undefined) return false;
  const pending = startChunk(file, buf, start, origin, options.inThread === true);
  let stop: ReturnType<ZoneParser['parseEntryUntil']>;
  try {
    stop = parser.parseEntryUntil(file, buf, state, start);
  } catch (err) {
    pending.cancel();
    throw err;
  }
  const ok = stop !== undefined && stop.pos === start && stop.clean && stop.origin === origin;
  const chunk = ok ? await pending.result() : undefined;
  if (!ok) pending.cancel();
  options.outcome?.(chunk !== undefined);
  if (!stop) return true;
  if (!chunk) {
    parser.resume();
    return true;
  }
  mergeChunk(store, chunk, file, start, stop.line, parser.ttlState());
  return true;
}

/** Appends a chunk's records to the store as if the parse had gone on into them. */
export function mergeChunk(store: RecordStore, r: ChunkResult, file: string, offset: number, line: number, ttl: { defaultTtl: number; lastTtl: number }): void {
  const fileId = store.addFile(file);
  const names = store.names;
  const ids = new Int32Array(r.nameCount);
  for (let j = 0; j < r.nameCount; j++) ids[j] = names.internCopy(r.nameBytes, r.nameOffsets[j] as number, r.nameOffsets[j + 1] as number);
  const types = r.types.map((t) => store.internType(t));
  const lines = line - 1;
  // A mark's TTL as the sequential parse gives it.
  const before = ttl.defaultTtl >= 0 ? ttl.defaultTtl : ttl.lastTtl >= 0 ? ttl.lastTtl : 300;
  let o = 0;
  for (let i = 0; i < r.count; i++) {
    while (o < r.originFrom.length && (r.originFrom[o] as number) <= i) store.setOrigin(r.originNames[o++] as string);
    const mark = r.inherit[i] as number;
    const t = mark === 0 ? (r.recTtl[i] as number) : mark === TTL_FROM_BEFORE ? before : ttl.defaultTtl >= 0 ? ttl.defaultTtl : (r.recTtl[i] as number);
    const k = store.add(ids[r.recName[i] as number] as number, types[r.recType[i] as number] as number, (r.recLine[i] as number) + lines, fileId, (r.recStart[i] as number) + offset, t);
    store.recData[k] = (r.recData[i] as number) + offset;
    store.recEnd[k] = (r.recEnd[i] as number) + offset;
  }
  while (o < r.originFrom.length) store.setOrigin(r.originNames[o++] as string);
  for (const d of r.diagnostics) store.diagnoseAt({ ...d, line: d.line + lines });
  if (store.apex === undefined && r.apex !== undefined) store.apex = r.apex;
}
