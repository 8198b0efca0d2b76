// Starts a worker thread from TypeScript source (tsx, vitest): registers tsx in this
// thread, then loads the worker module named in workerData. Compiled builds never use it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.source);
