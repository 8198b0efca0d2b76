import type { Selectable } from 'kysely';

export interface JobTable {
  id: string;
  kind: string;
  /** JSON text. */
  payload: string;
  /** queued → running → done, or back to queued for a retry, or failed after the last attempt. */
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  lease_until: string | null;
  idempotency_key: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export type JobRow = Selectable<JobTable>;
