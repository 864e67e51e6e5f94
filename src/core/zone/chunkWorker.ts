// Worker-thread entry (bundled as dist/zoneChunkWorker.js): parses the second chunk of a large entry file
// (split.ts) while the thread that asked parses the first; posts the records with their arrays transferred.
import { parentPort } from 'worker_threads';
import { chunkTransferables, parseChunkResult, type ChunkResult } from './split';

const port = parentPort;
if (port) {
  port.once('message', (msg: { file: string; chunk: Uint8Array; origin: string }) => {
    let result: ChunkResult | undefined;
    try {
      result = parseChunkResult(msg.file, Buffer.from(msg.chunk.buffer, msg.chunk.byteOffset, msg.chunk.byteLength), msg.origin);
    } catch {
      result = undefined; // the asking thread parses the chunk itself
    }
    port.postMessage({ result }, result ? chunkTransferables(result) : []);
  });
}
