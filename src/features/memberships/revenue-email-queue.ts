import type { Executor } from '../../db/database.js';
import type { EnqueueResult, JobQueue } from '../../platform/jobs/job-queue.js';
import type { RevenueEmail } from './revenue-events.js';

/**
 * Queues one reader-revenue e-mail with the change that needs it. `key` names the message
 * for good: the same key twice is one job and one message, however often a provider event
 * is replayed. `created` says whether this call made it (first time only).
 */
export function enqueueRevenueEmail(
  jobs: Pick<JobQueue, 'enqueue'>,
  executor: Executor,
  key: string,
  email: RevenueEmail,
  runAt?: Date,
): Promise<EnqueueResult> {
  return jobs.enqueue(
    executor,
    'revenue.email',
    { key, email },
    { idempotencyKey: `revenue.email:${key}`, ...(runAt === undefined ? {} : { runAt }) },
  );
}
