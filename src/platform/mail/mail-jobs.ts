import type { Executor } from '../../db/database.js';
import type { EnqueueResult, JobQueue } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import type { Mailer, MailMessage } from './mailer.js';

declare module '../jobs/job-kinds.js' {
  interface JobKinds {
    /** One rendered message to one recipient; `key` is its idempotency key and Message-ID seed. */
    'mail.send': { key: string; message: MailMessage };
  }
}

/**
 * Writes a `mail.send` job through `executor`, so the message goes out only if the change
 * that needs it commits. The same `key` twice enqueues one job: the message goes once.
 * Only for messages that carry no secret: a job's payload stays in the database.
 */
export function enqueueMail(
  jobs: Pick<JobQueue, 'enqueue'>,
  executor: Executor,
  message: MailMessage,
  key: string,
): Promise<EnqueueResult> {
  return jobs.enqueue(executor, 'mail.send', { key, message }, { idempotencyKey: `mail:${key}` });
}

/** The worker's handler for `mail.send`; a retry reuses the key, so the outbox keeps one copy. */
export function handleMailSend(mailer: Mailer): JobHandler<'mail.send'> {
  return async ({ key, message }) => {
    await mailer.send(message, key);
  };
}
