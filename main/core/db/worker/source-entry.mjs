// Runs the TypeScript worker from source (tests, headless server under tsx). Node 20 does not carry
// tsx's --import hooks into worker threads, so the worker registers them itself.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.sourceFile, import.meta.url);
