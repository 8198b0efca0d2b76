import os from 'node:os';
import { serveWorkerTasks } from '../worker-tasks.js';

// A task runner for the deadline worker's tests: "abort" ends its process the way a native
// crash does (SIGABRT, no JavaScript error), "nice" answers the process's nice value, and
// anything else is echoed back with its pid.
serveWorkerTasks((input: string) => {
  if (input === 'abort') process.abort();
  if (input === 'nice') return String(os.getPriority());
  return `${input} from ${process.pid}`;
});
