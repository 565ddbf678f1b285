// Starts a TypeScript worker when unspun runs from source (tsx, tests): a worker thread has its own module
// loader, which the parent's `--import tsx` does not reach. The built package starts its .js workers directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
