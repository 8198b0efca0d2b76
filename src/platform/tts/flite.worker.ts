import { isBackgroundTask } from '../workers/task-runner.js';
import { lowerThisThreadPriority } from '../workers/thread-priority.js';
import { serveWorkerTasks } from '../workers/worker-tasks.js';
import { fliteModule, synthesizeWithFlite, type FliteTask } from './flite-synthesis.js';

// The child process behind `flite-speech.ts`, so a crash of the WebAssembly runtime under
// flite ends this process only, never the web server. In the background (the default) it
// was started under `nice -n 19` where there is one, and lowers itself where there is not.
// Flite is compiled before it says it is ready; no warm-up text is spoken, as a process
// serves one part and that would be done again for every part.
if (isBackgroundTask()) lowerThisThreadPriority();
fliteModule();
serveWorkerTasks((task: FliteTask) => synthesizeWithFlite(task));
