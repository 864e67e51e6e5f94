// The fake API gateway: a real node:http server that routes, throttles, authenticates and answers like the
// vendor's gateway in front of the DNS service (and IAM's project lookup), with scripted faults on demand.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { headerValue, KeyLocks, LOCKED_MESSAGE, parseAuthorization, verifyRequest, type ReceivedRequest } from './auth';
import { play } from './faults';
import { batchCreate } from './batchCreate';
import { actionOf, listProjects, listTasks, matchRoute, methodOf, queryRecord, showTask, type ServiceAnswer } from './routes';
import { TaskStore } from './tasks';
import { listRecordSets, listZones, matchZoneRoute, ZoneStore } from './zones';
import type { FakeGateway, FakeGatewayOptions, FakeTask, RecordedRequest, RequestMatcher, ScriptedResponse } from './types';

export const SANDBOX_CREDENTIALS = {
  accessKey: 'HPUASANDBOX000000001',
  secretKey: 'sandbox-secret-key-0123456789abcdefghij',
} as const;

const MAX_BODY_BYTES = 1024 * 1024;
/** Writes carry up to 10,000 record sets; the vendor's API gateway takes request bodies up to 12 MB. */
const MAX_WRITE_BODY_BYTES = 12 * 1024 * 1024;
const JSON_TYPE = 'application/json;charset=UTF-8';
const REDACTED = '[redacted]';

export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

function gatewayError(code: string, message: string, requestId: string): unknown {
  return { error_code: code, error_msg: message, request_id: requestId };
}

function redactHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = name === 'authorization' || name === 'x-security-token' ? REDACTED : rawHeaders[i + 1]!;
    out[name] = out[name] === undefined ? value : `${out[name]},${value}`;
  }
  return out;
}

/** Splits the request target into raw path and raw query; undefined when it is not a path (or absolute URL). */
function splitTarget(target: string): { path: string; query: string } | undefined {
  let t = target;
  if (!t.startsWith('/')) {
    if (!/^https?:\/\//i.test(t)) return undefined;
    const slash = t.indexOf('/', t.indexOf('//') + 2);
    t = slash < 0 ? '/' : t.slice(slash);
  }
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const q = t.indexOf('?');
  return q < 0 ? { path: t, query: '' } : { path: t.slice(0, q), query: t.slice(q + 1) };
}

interface Script {
  match: RequestMatcher;
  responses: ScriptedResponse[];
}

export function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const now = options.now ?? Date.now;
  const credentials = options.credentials ?? [{ ...SANDBOX_CREDENTIALS }];
  const maxSkewMs = options.maxSkewMs ?? 15 * 60_000;
  const recordLimit = Math.max(1, options.recordLimit ?? 10_000);
  const store = new TaskStore(now);
  const zones = new ZoneStore();
  const locks = new KeyLocks();
  const requests: RecordedRequest[] = [];
  let scripts: Script[] = [];
  let recent: number[] = []; // arrival times inside the current throttling window
  const timers = new Set<NodeJS.Timeout>();
  const dropAnswers = new WeakSet<ServerResponse>();
  const sockets = new Set<Socket>();
  let closed = false;

  const loadTasks = (): void => {
    store.clear();
    for (const t of options.tasks ?? []) store.add(t);
    zones.clear();
    for (const z of options.zones ?? []) zones.add(z);
  };
  loadTasks();
  const writeOptions = {
    now,
    openZones: options.zones === undefined,
    ...(options.recordSetQuota === undefined ? {} : { quota: options.recordSetQuota }),
    ...(options.createdTaskPending ? { pending: options.createdTaskPending } : {}),
  };

  /** Runs fn; a bug or odd input answers 500 (or drops the connection) instead of taking the process down. */
  const guarded = (res: ServerResponse, fn: () => void): void => {
    try {
      fn();
    } catch {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const requestId = newRequestId();
      const body = JSON.stringify(gatewayError('APIGW.0103', 'The backend is unavailable', requestId));
      res.writeHead(500, { 'Content-Type': JSON_TYPE, 'X-Request-Id': requestId }).end(body);
    }
  };

  const later = (ms: number, res: ServerResponse, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed && !res.destroyed) guarded(res, fn);
    }, ms);
    timers.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const send = (res: ServerResponse, rec: RecordedRequest, status: number, body: unknown, extra: Record<string, string> = {}): void => {
    if (res.headersSent || res.destroyed) return;
    if (dropAnswers.has(res)) {
      // The service acted; the answer is lost on the way back (a reset after the body was sent).
      rec.status = status;
      res.socket?.resetAndDestroy();
      return;
    }
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': bytes.length, 'X-Request-Id': rec.requestId, ...extra });
    rec.status = status;
    res.end(bytes);
  };

  const throttled = (): number | undefined => {
    if (!options.rateLimit) return undefined;
    const t = now();
    recent = recent.filter((at) => at > t - 1000);
    if (recent.length >= options.rateLimit.requestsPerSecond) {
      return Math.max(1, Math.ceil((recent[0]! + 1000 - t) / 1000));
    }
    recent.push(t);
    return undefined;
  };

  /** Throttling, routing, authentication and the service: the gateway's normal path. */
  const handle = (received: ReceivedRequest, rec: RecordedRequest, res: ServerResponse): void => {
    const route = matchZoneRoute(received.rawPath) ?? matchRoute(received.rawPath);
    if (route.api === 'none') {
      send(res, rec, 404, gatewayError('APIGW.0101', 'The API does not exist or has not been published in the environment', rec.requestId));
      return;
    }
    const method = methodOf(route);
    if (received.method !== method) {
      const msg = `The API does not exist or has not been published in the environment: method ${received.method.slice(0, 20)} is not published (only ${method})`;
      send(res, rec, 405, gatewayError('APIGW.0101', msg, rec.requestId), { Allow: method });
      return;
    }
    const retryAfter = throttled();
    if (retryAfter !== undefined) {
      const limit = options.rateLimit!.requestsPerSecond;
      const msg = `The throttling threshold has been reached: policy user over ratelimit,limit:${limit},time:1 second`;
      send(res, rec, 429, gatewayError('APIGW.0308', msg, rec.requestId), { 'Retry-After': String(retryAfter) });
      return;
    }
    const t = now();
    const auth = verifyRequest(received, credentials, t, maxSkewMs);
    rec.verified = auth.ok;
    if (auth.accessKey !== undefined && locks.isLocked(auth.accessKey, t)) {
      send(res, rec, 401, gatewayError('APIGW.0301', LOCKED_MESSAGE, rec.requestId));
      return;
    }
    if (!auth.ok) {
      if (auth.badSignature && auth.accessKey !== undefined) locks.recordFailure(auth.accessKey, t);
      send(res, rec, 401, gatewayError('APIGW.0301', auth.message, rec.requestId));
      return;
    }
    locks.recordSuccess(auth.accessKey);

    let answer: ServiceAnswer;
    if (route.api === 'listProjects') {
      answer = listProjects(received.rawQuery, options.projectId);
    } else {
      if (options.projectId !== undefined) {
        const sent = headerValue(received.rawHeaders, 'x-project-id');
        const signed = parseAuthorization(headerValue(received.rawHeaders, 'authorization'))!.signedHeaders.map((h) => h.toLowerCase());
        if (sent?.trim() !== options.projectId || !signed.includes('x-project-id')) {
          const msg = 'Incorrect IAM authentication information: X-Project-Id is missing, not signed or not a project of this account';
          send(res, rec, 401, gatewayError('APIGW.0301', msg, rec.requestId));
          return;
        }
      }
      const action = actionOf(route);
      if (action !== undefined && options.denyActions?.includes(action)) {
        send(res, rec, 403, { code: 'DNS.0030', message: `Policy doesn't allow ${action} to be performed.` });
        return;
      }
      if (route.api === 'listZones') answer = listZones(zones, received.rawQuery);
      else if (route.api === 'listRecordSets') answer = listRecordSets(zones, route.rawZoneId, received.rawQuery);
      else if (route.api === 'batchCreateRecordSets') answer = batchCreate(received.body, zones, store, writeOptions);
      else answer = route.api === 'showTask' ? showTask(store, route.rawTaskId, received.rawQuery) : listTasks(store, received.rawQuery);
    }
    send(res, rec, answer.status, answer.body);
  };

  const takeScript = (rec: RecordedRequest): ScriptedResponse | undefined => {
    for (const s of scripts) {
      const hit = s.match instanceof RegExp ? new RegExp(s.match.source, s.match.flags.replace('g', '')).test(rec.url) : s.match(rec);
      if (hit && s.responses.length > 0) {
        const r = s.responses.shift()!;
        scripts = scripts.filter((x) => x.responses.length > 0);
        return r;
      }
    }
    return undefined;
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = newRequestId();
    const target = splitTarget(req.url ?? '');
    const rec: RecordedRequest = {
      requestId,
      method: req.method ?? '',
      url: req.url ?? '',
      path: target?.path ?? '',
      rawQuery: target?.query ?? '',
      query: target ? queryRecord(target.query) : {},
      headers: redactHeaders(req.rawHeaders),
      accessKey: parseAuthorization(headerValue(req.rawHeaders, 'authorization'))?.accessKey,
      status: 0,
      verified: false,
      scripted: false,
      receivedAt: now(),
      bodyBytes: 0,
    };
    requests.push(rec);
    if (requests.length > recordLimit) requests.splice(0, requests.length - recordLimit);
    req.on('error', () => res.destroy());
    res.on('close', () => (rec.outcome = res.writableFinished ? 'complete' : 'client-gone'));

    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const maxBody = req.method === 'GET' ? MAX_BODY_BYTES : MAX_WRITE_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      rec.bodyBytes = size;
      if (size > maxBody) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => guarded(res, () => {
      if (closed) return;
      if (!target) {
        send(res, rec, 400, gatewayError('APIGW.0101', 'The request target is not a path', requestId), { Connection: 'close' });
        return;
      }
      if (tooBig) {
        send(res, rec, 413, gatewayError('APIGW.0201', 'Request entity too large', requestId), { Connection: 'close' });
        return;
      }
      const received: ReceivedRequest = {
        method: rec.method,
        rawPath: target.path,
        rawQuery: target.query,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      };
      if (received.body.length > 0) rec.body = received.body.toString('utf8');
      const proceed = (): void => {
        const script = takeScript(rec);
        if (!script) {
          handle(received, rec, res);
          return;
        }
        rec.scripted = true;
        rec.verified = verifyRequest(received, credentials, now(), maxSkewMs).ok;
        play(script, res, {
          requestId,
          later: (ms, fn) => later(ms, res, fn),
          answered: (status) => (rec.status = status),
          progress: (bytes) => (rec.bodyBytesSent = bytes),
          normal: () => handle(received, rec, res),
          dropAnswer: () => {
            dropAnswers.add(res);
            handle(received, rec, res);
          },
        });
      };
      if (options.latencyMs) later(options.latencyMs, res, proceed);
      else proceed();
    }));
  };

  const server = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => guarded(res, () => onRequest(req, res)));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const requestId = newRequestId();
    const body = JSON.stringify(gatewayError('APIGW.0101', status === 431 ? 'Request headers too large' : 'Bad request', requestId));
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '[::1]' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
      let closing: Promise<void> | undefined;
      const gateway: FakeGateway = {
        url: `http://${host}:${address.port}`,
        port: address.port,
        requests,
        addTask: (t: FakeTask) => store.add(t),
        getTask: (id) => store.view(id)?.task,
        removeTask: (id) => store.remove(id),
        zones,
        addZone: (z) => zones.add(z),
        finishTask: (id) => store.finish(id),
        pollCount: (id) => store.polls(id),
        enqueue: (match, ...responses) => {
          if (responses.length > 0) scripts.push({ match, responses: [...responses] });
        },
        writes: () => requests.filter((r) => r.method !== 'GET'),
        recordSets: (zoneName) => zones.byName(zoneName)?.sets ?? [],
        pendingScripts: () => scripts.reduce((n, s) => n + s.responses.length, 0),
        reset: () => {
          requests.length = 0;
          scripts = [];
          recent = [];
          locks.clear();
          loadTasks();
        },
        close: () => {
          closing ??= new Promise<void>((done) => {
            closed = true;
            for (const timer of timers) clearTimeout(timer);
            timers.clear();
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
            server.closeAllConnections();
          });
          return closing;
        },
      };
      resolve(gateway);
    });
  });
}
