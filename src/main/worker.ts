import { createJobWorker, type JobWorker } from '../platform/jobs/job-worker.js';
import type { Services } from './services.js';

/** The job worker with every handler Masthead has. */
export function createWorker(services: Services, options: { pollMs?: number } = {}): JobWorker {
  const { database, clock, logger, posts } = services;
  return createJobWorker({
    db: database.db,
    engine: database.engine,
    clock,
    logger,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    handlers: {
      'post.publish': async ({ postId }) => {
        await posts.publishDuePost(postId);
      },
    },
  });
}
