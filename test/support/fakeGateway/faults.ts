// Scripted answers for the client's fault tests: what each kind puts on the wire.
import type { ServerResponse } from 'node:http';
import type { ScriptedResponse } from './types';

export interface FaultContext {
  requestId: string;
  /** Runs fn after ms unless the gateway closes or the client goes away first. */
  later(ms: number, fn: () => void): void;
  /** Records the status once headers are sent. */
  answered(status: number): void;
  /** Records how many body bytes a streaming answer has written. */
  progress(bytes: number): void;
  /** Answers the request the normal way (auth, routes), for slowHeaders without `then`. */
  normal(): void;
  /** Handles the request the normal way but resets the connection instead of sending the answer. */
  dropAnswer(): void;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

function hasHeader(headers: Record<string, string>, lowerName: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === lowerName);
}

function bodyBytes(body: string | object | undefined): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

/** A plausible JSON task answer, for the partial-body kinds. */
function sampleBody(): Buffer {
  const items = Array.from({ length: 40 }, (_, i) => ({ item: `host${i + 1}.nw.`, error_message: 'The record set already exists.' }));
  return bodyBytes({
    id: 'ff8080829a0b1c2d019a0b1c2d3e9999',
    type: 'create',
    status: 'DONE',
    created_at: '2025-06-17 13:09:15',
    success_count: 0,
    error_count: items.length,
    error_items: items,
  });
}

export function htmlPage(status: number): string {
  const title = `${status} ${status >= 500 ? 'Bad Gateway' : 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Writes a valid JSON task of exactly `bytes` bytes (when bytes allow), honouring backpressure. */
function streamHuge(res: ServerResponse, bytes: number, chunked: boolean, ctx: FaultContext): void {
  const prefix =
    '{"id":"ff8080829a0b1c2d019a0b1c2d3e9998","type":"import_recordset","status":"DONE",' +
    '"created_at":"2025-06-17 13:09:15","success_count":0,"error_count":2147483647,"error_items":[';
  const suffix = ']}';
  const item = (n: number): string =>
    `{"item":"host${String(n).padStart(9, '0')}.nw.","error_message":"The record set already exists."}`;
  const headers: Record<string, string | number> = { 'Content-Type': JSON_TYPE, 'X-Request-Id': ctx.requestId };
  if (!chunked) headers['Content-Length'] = bytes;
  res.writeHead(200, headers);
  ctx.answered(200);
  let produced = 0;
  let n = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const nextPiece = (): string => {
    const remaining = bytes - produced;
    if (remaining <= 0) return '';
    if (produced === 0) return prefix.slice(0, remaining);
    const piece = (n > 0 ? ',' : '') + item(n + 1);
    if (remaining >= piece.length + suffix.length) {
      n++;
      return piece;
    }
    // Pad with JSON whitespace, then close the array and the object.
    return remaining > suffix.length ? ' '.repeat(remaining - suffix.length) : suffix.slice(suffix.length - remaining);
  };
  const pump = (): void => {
    while (!closed) {
      let chunk = '';
      for (let piece = nextPiece(); piece !== ''; piece = chunk.length < 64 * 1024 ? nextPiece() : '') {
        chunk += piece;
        produced += piece.length;
      }
      if (chunk === '') break;
      ctx.progress(produced);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}

export function play(script: ScriptedResponse, res: ServerResponse, ctx: FaultContext): void {
  if (res.destroyed) return;
  switch (script.kind) {
    case undefined:
    case 'status': {
      const headers: Record<string, string> = { ...(script.headers ?? {}) };
      const body = bodyBytes(script.body);
      if (!hasHeader(headers, 'content-type') && body.length > 0) headers['Content-Type'] = JSON_TYPE;
      if (!hasHeader(headers, 'x-request-id')) headers['X-Request-Id'] = ctx.requestId;
      // An empty X-Request-Id asks for none at all (gateways that forget it).
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'x-request-id' && headers[name] === '') delete headers[name];
      headers['Content-Length'] = String(body.length);
      res.writeHead(script.status, headers);
      ctx.answered(script.status);
      res.end(body);
      return;
    }
    case 'hang':
      return; // never answered; the gateway destroys the socket when it closes
    case 'reset':
      res.socket?.resetAndDestroy();
      return;
    case 'halfBody': {
      const body = sampleBody();
      const status = script.status ?? 200;
      res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': body.length, 'X-Request-Id': ctx.requestId });
      ctx.answered(status);
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    case 'huge':
      streamHuge(res, script.bytes, script.chunked === true, ctx);
      return;
    case 'html': {
      const body = Buffer.from(htmlPage(script.status), 'utf8');
      res.writeHead(script.status, { 'Content-Type': 'text/html', 'Content-Length': body.length, 'X-Request-Id': ctx.requestId });
      ctx.answered(script.status);
      res.end(body);
      return;
    }
    case 'delay':
      ctx.later(script.ms, () => play(script.then, res, ctx));
      return;
    case 'slowHeaders':
      ctx.later(script.ms, () => (script.then ? play(script.then, res, ctx) : ctx.normal()));
      return;
    case 'dropAnswer':
      ctx.dropAnswer();
      return;
    case 'slowBody': {
      const body = script.body === undefined ? sampleBody() : bodyBytes(script.body);
      const status = script.status ?? 200;
      res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': body.length, 'X-Request-Id': ctx.requestId });
      ctx.answered(status);
      const half = Math.floor(body.length / 2);
      res.write(body.subarray(0, half));
      ctx.later(script.ms, () => res.end(body.subarray(half)));
      return;
    }
  }
}
