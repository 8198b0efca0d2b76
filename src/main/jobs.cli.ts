import { parseArgs } from 'node:util';
import type { Services } from './services.js';

/** `masthead jobs list|retry`: failed jobs stay in the queue until someone looks. */
export async function runJobsCommand(
  services: Services,
  sub: string | undefined,
  args: readonly string[],
): Promise<number> {
  if (sub === 'retry') {
    const id = args[0];
    if (id === undefined) {
      process.stderr.write('Use: masthead jobs retry ID\n');
      return 64;
    }
    const job = await services.jobs.retryJob(id);
    process.stdout.write(`Job ${job.id} (${job.kind}) is queued again.\n`);
    return 0;
  }
  if (sub !== 'list') {
    process.stderr.write(
      'Use: masthead jobs list [--failed] [--limit N] | masthead jobs retry ID\n',
    );
    return 64;
  }
  const { values } = parseArgs({
    args: [...args],
    options: { failed: { type: 'boolean' }, limit: { type: 'string' } },
  });
  const limit = Math.min(Math.max(Number(values.limit ?? 50) || 50, 1), 500);
  const jobs = await services.jobs.listJobs({
    ...(values.failed === true ? { status: 'failed' as const } : {}),
    limit,
  });
  if (jobs.length === 0) {
    process.stdout.write(values.failed === true ? 'No failed jobs.\n' : 'No jobs.\n');
    return 0;
  }
  for (const job of jobs) {
    const error = job.last_error === null ? '' : `  ${job.last_error}`;
    process.stdout.write(
      `${job.id}  ${job.status.padEnd(8)} ${job.kind.padEnd(16)} run_at ${job.run_at}  attempts ${job.attempts}/${job.max_attempts}${error}\n`,
    );
  }
  return 0;
}
