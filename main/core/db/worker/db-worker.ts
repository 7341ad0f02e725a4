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
  if (request.type === 'open') {
    opened = engine.open(request.options);
    return opened;
  }
  if (request.type === 'close') {
    await opened.catch(() => {});
    return engine.close();
  }
  await opened;
  // After a refused write, memory is reloaded from disk before anything else is answered.
  await engine.ready();
  switch (request.type) {
    case 'all':
      return engine.all(request.statement);
    case 'get':
      return engine.get(request.statement) ?? null;
    case 'run':
      return engine.run(request.statement);
    case 'batch-part':
      return engine.batchPart(request.batch, request.statements);
    case 'batch':
      return engine.batch(engine.takeBatch(request.partsOf, request.statements));
    case 'flush':
      return engine.flush();
    case 'scrub':
      return engine.scrub();
    case 'compact':
      return engine.compact();
  }
}

port.on('message', (request: Request) => {
  handle(request).then(
    (value) => send({ id: request.id, ok: true, value: value ?? null }),
    (err: unknown) => send({ id: request.id, ok: false, error: failure(err) }),
  );
});
