import type { Executor } from '../../db/database.js';
import type { JobStatus } from './job.table.js';

export interface JobCount {
  readonly kind: string;
  readonly status: JobStatus;
  readonly count: number;
}

/** How many jobs wait, run and have failed, by kind; finished jobs are left out. */
export async function countOpenJobsByKind(executor: Executor): Promise<JobCount[]> {
  const rows = await executor
    .selectFrom('jobs')
    .select((eb) => ['kind', 'status', eb.fn.countAll<number>().as('count')])
    .where('status', 'in', ['queued', 'running', 'failed'])
    .groupBy(['kind', 'status'])
    .execute();
  return rows.map((row) => ({ kind: row.kind, status: row.status, count: row.count }));
}
