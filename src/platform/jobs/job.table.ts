import type { Selectable } from 'kysely';

/** queued → running → done, or back to queued for a retry, or failed after the last attempt. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: string;
  kind: string;
  /** JSON text. */
  payload: string;
  status: JobStatus;
  run_at: string;
  /** Attempts started so far; a claim counts one before the handler runs. */
  attempts: number;
  max_attempts: number;
  /** While running: when another worker may assume this one crashed and take the job. */
  lease_until: string | null;
  idempotency_key: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export type JobRow = Selectable<JobTable>;
