import { parentPort } from 'node:worker_threads';
import { DatabaseEngine, DatabaseFailure } from './engine';
import type { FromWorker, Request, WorkerFailure } from './protocol';

/** Thread entry: one engine, requests in, answers and save events out. */
if (!parentPort) throw new Error('db-worker must run as a worker thread');
const port = parentPort;
const send = (message: FromWorker) => port.postMessage(message);
const engine = new DatabaseEngine(send);
let opened: Promise<unknown> = Promise.resolve();

const failure = (err: unknown): WorkerFailure =>
  err instanceof DatabaseFailure
    ? { name: err.name, message: err.message, code: err.code, details: err.details }
    : { name: (err as Error)?.name ?? 'Error', message: (err as Error)?.message ?? String(err) };

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'open':
      opened = engine.open(request.options);
      return opened;
    case 'all':
      await opened;
      return engine.all(request.statement);
    case 'get':
      await opened;
      return engine.get(request.statement) ?? null;
    case 'run':
      await opened;
      return engine.run(request.statement);
    case 'batch':
      await opened;
      return engine.batch(request.statements);
    case 'flush':
      await opened;
      return engine.flush();
    case 'close':
      await opened.catch(() => {});
      return engine.close();
  }
}

port.on('message', (request: Request) => {
  handle(request).then(
    (value) => send({ id: request.id, ok: true, value: value ?? null }),
    (err: unknown) => send({ id: request.id, ok: false, error: failure(err) }),
  );
});
