import { serveWorkerTasks } from '../../../platform/workers/worker-tasks.js';
import { convertBodySource } from './body-source.js';

const warmUp =
  '## Heading\n\nSome *emphasis*, **strong** and [a link](/a).\n\n- one\n- two\n\n> quote\n\n<p>html</p>';

// The worker thread behind `createBodyConverter`.
serveWorkerTasks(convertBodySource, { format: 'markdown', text: warmUp });
