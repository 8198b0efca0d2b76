import { lowerThisThreadPriority } from '../workers/thread-priority.js';
import { serveWorkerTasks } from '../workers/worker-tasks.js';
import { synthesizeWithFlite, type FliteTask } from './flite-synthesis.js';

// The worker thread behind `flite-speech.ts`: speaking yields the CPU to the threads that
// serve readers, and flite is compiled once, at warm-up.
lowerThisThreadPriority();
serveWorkerTasks((task: FliteTask) => synthesizeWithFlite(task), {
  text: 'Ready.',
  voice: 'slt',
  durationStretch: 1,
  kbps: 32,
});
