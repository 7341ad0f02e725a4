import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { closeNow, listenOnLoopback, readBody } from '../../support/net';

/**
 * What a fake endpoint does with one request, queued per test: an answer (after `delayMs`, and not
 * before `heldUntil` settles, so a test can act while the request is surely in flight), 'hang' (never
 * answers; the client must time out or abort) or 'reset' (the socket is destroyed).
 */
export type Behaviour =
  { status?: number; body?: unknown; headers?: Record<string, string>; delayMs?: number; heldUntil?: Promise<unknown> } | 'hang' | 'reset';

export interface RecordedRequest {
  endpoint: string;
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeTls {
  cert: string | Buffer;
  key: string | Buffer;
}

/** Per-endpoint counters and a queue of behaviours, shared by the fake GigaChat and OpenAI servers. */
export class Script<E extends string> {
  readonly counts = {} as Record<E, number>;
  readonly inFlight = {} as Record<E, number>;
  readonly maxInFlight = {} as Record<E, number>;
  readonly requests: RecordedRequest[] = [];
  private readonly queues = {} as Record<E, Behaviour[]>;
  private readonly arrivalWaiters = new Set<{ endpoint: E; count: number; resolve(): void }>();
  /** Applied to every answer that has no scripted behaviour (e.g. a 100 ms model). */
  defaultDelayMs = 0;

  constructor(readonly endpoints: readonly E[]) {
    this.reset();
  }

  /** The next requests to `endpoint` get these behaviours, in order; then the normal answer again. */
  enqueue(endpoint: E, ...behaviours: Behaviour[]): void {
    this.queues[endpoint].push(...behaviours);
  }

  /** Resolves once `count` requests to `endpoint` have arrived (since the last reset). */
  arrived(endpoint: E, count = 1): Promise<void> {
    if (this.counts[endpoint] >= count) return Promise.resolve();
    return new Promise((resolve) => this.arrivalWaiters.add({ endpoint, count, resolve }));
  }

  /** Counts a request in (the server calls this as one arrives). */
  arrive(endpoint: E): void {
    this.counts[endpoint] += 1;
    this.inFlight[endpoint] += 1;
    this.maxInFlight[endpoint] = Math.max(this.maxInFlight[endpoint], this.inFlight[endpoint]);
    for (const waiter of this.arrivalWaiters) {
      if (waiter.endpoint !== endpoint || this.counts[endpoint] < waiter.count) continue;
      this.arrivalWaiters.delete(waiter);
      waiter.resolve();
    }
  }

  take(endpoint: E): Behaviour | undefined {
    return this.queues[endpoint].shift();
  }

  reset(): void {
    for (const endpoint of this.endpoints) {
      this.counts[endpoint] = 0;
      this.inFlight[endpoint] = 0;
      this.maxInFlight[endpoint] = 0;
      this.queues[endpoint] = [];
    }
    this.requests.length = 0;
  }
}

export interface Exchange<E extends string> {
  endpoint: E;
  req: IncomingMessage;
  body: string;
  res: ServerResponse;
}

export interface RunningFake {
  server: Server;
  origin: string;
  port: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
  res.end(text);
}

/**
 * Serves on 127.0.0.1 with a random port (HTTPS when `tls` is given). `route` names the endpoint of
 * a request (or undefined: 404); a scripted behaviour for it wins over `answer`, the normal reply.
 */
export async function startFake<E extends string>(options: {
  script: Script<E>;
  route: (method: string, path: string) => E | undefined;
  answer: (exchange: Exchange<E>) => void | Promise<void>;
  tls?: FakeTls;
}): Promise<RunningFake> {
  const { script } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const method = req.method ?? 'GET';
    const endpoint = options.route(method, path);
    const body = (await readBody(req)).toString('utf8');
    if (!endpoint) return sendJson(res, 404, { status: 404, message: `no route for ${method} ${path}` });

    script.arrive(endpoint);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      script.inFlight[endpoint] -= 1;
    };
    res.on('close', finish);
    script.requests.push({ endpoint, method, path, headers: req.headers, body });

    const behaviour = script.take(endpoint);
    if (behaviour === 'hang') return;
    if (behaviour === 'reset') {
      req.socket.destroy();
      return;
    }
    const delayMs = behaviour?.delayMs ?? script.defaultDelayMs;
    if (delayMs > 0) await sleep(delayMs);
    await behaviour?.heldUntil;
    if (res.destroyed) return;
    if (behaviour && (behaviour.status !== undefined || behaviour.body !== undefined)) {
      return sendJson(res, behaviour.status ?? 200, behaviour.body, behaviour.headers);
    }
    await options.answer({ endpoint, req, body, res });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => sendJson(res, 500, { status: 500, message: String(err) }));
  };
  const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener) : createHttpServer(listener);
  const port = await listenOnLoopback(server);
  return {
    server,
    port,
    origin: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () => closeNow(server),
  };
}
