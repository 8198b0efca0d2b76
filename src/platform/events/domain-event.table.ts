import type { Generated, Selectable } from 'kysely';

/** One recorded domain event (`domain_events`). */
export interface DomainEventTable {
  /** Grows with every event and commits in order: a process reads after the last it saw. */
  id: Generated<number>;
  name: string;
  /** JSON text. */
  payload: string;
  created_at: string;
}

export type DomainEventRow = Selectable<DomainEventTable>;
