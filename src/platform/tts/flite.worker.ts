import { serveWorkerTasks } from '../workers/worker-tasks.js';
import { synthesizeWithFlite, type FliteTask } from './flite-synthesis.js';

// The worker thread behind `flite-speech.ts`: compiles flite once, at warm-up.
serveWorkerTasks((task: FliteTask) => synthesizeWithFlite(task), {
  text: 'Ready.',
  voice: 'slt',
  durationStretch: 1,
  kbps: 32,
});
