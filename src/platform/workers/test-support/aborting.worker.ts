import { serveWorkerTasks } from '../worker-tasks.js';

// A task runner for the deadline worker's tests: "abort" ends its process the way a native
// crash does (SIGABRT, no JavaScript error), anything else is echoed back with its pid.
serveWorkerTasks((input: string) => {
  if (input === 'abort') process.abort();
  return `${input} from ${process.pid}`;
});
