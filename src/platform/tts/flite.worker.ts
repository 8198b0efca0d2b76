import { lowerThisThreadPriority } from '../workers/thread-priority.js';
import { serveWorkerTasks } from '../workers/worker-tasks.js';
import { synthesizeWithFlite, type FliteTask } from './flite-synthesis.js';

// The child process behind `flite-speech.ts` (started under `nice -n 19` where there is
// one): speaking yields the CPU to the processes that serve readers, and flite is compiled
// once, at warm-up. Its own process, because a crash of the WebAssembly runtime under
// flite then ends this process only, never the web server.
lowerThisThreadPriority();
serveWorkerTasks((task: FliteTask) => synthesizeWithFlite(task), {
  text: 'Ready.',
  voice: 'slt',
  durationStretch: 1,
  kbps: 32,
});
