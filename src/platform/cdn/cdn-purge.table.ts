import type { Selectable } from 'kysely';

export interface CdnPurgeRequestTable {
  surrogate_key: string;
  /** When the key last went stale; a purge deletes the request only if it is unchanged. */
  requested_at: string;
}

export type CdnPurgeRequestRow = Selectable<CdnPurgeRequestTable>;
