import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import * as issues from './issue.repository.js';

/** One recipient's outcome, as a lane of a batch run learns it. */
export interface DeliveryOutcome {
  readonly issueId: string;
  /** The batch run's attempt number: its claim on the row. */
  readonly attempt: number;
  readonly subscriberId: string;
  readonly status: 'submitted' | 'failed';
  readonly error: string | null;
}

export interface DeliveryRecorder {
  /** Resolves once the outcome is written; the lane sends its next message only then. */
  record(outcome: DeliveryOutcome): Promise<void>;
}

interface Waiting {
  readonly outcome: DeliveryOutcome;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Writes the outcomes of a process's sends in groups ("group commit"): outcomes that
 * arrive while a write is under way, or in the same turn of the event loop, are written
 * together in one transaction, one UPDATE per issue, run and status. Each lane still waits
 * for its outcome to be written before it sends its next message, so a run that dies
 * leaves at most one message per lane in doubt (docs/adr/0009), while the database sees a
 * statement per group instead of one per recipient.
 */
export function createDeliveryRecorder(deps: {
  readonly db: Db;
  readonly clock: Clock;
}): DeliveryRecorder {
  let waiting: Waiting[] = [];
  let writing = false;

  async function writeGroup(group: readonly Waiting[]): Promise<void> {
    const runs = new Map<string, DeliveryOutcome[]>();
    for (const { outcome } of group) {
      const key = `${outcome.issueId}\u0000${outcome.attempt}`;
      const outcomes = runs.get(key) ?? [];
      outcomes.push(outcome);
      runs.set(key, outcomes);
    }
    const now = toTimestamp(deps.clock.now());
    await deps.db.transaction().execute(async (trx) => {
      for (const outcomes of runs.values()) {
        const [first] = outcomes;
        if (first === undefined) continue;
        await issues.recordDeliveries(trx, {
          issueId: first.issueId,
          attempt: first.attempt,
          now,
          outcomes,
        });
      }
    });
  }

  async function write(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        await writeGroup(group);
        for (const w of group) w.resolve();
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    writing = false;
  }

  return {
    record(outcome) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ outcome, resolve, reject });
        // Wait one turn so the outcomes of lanes answered together are written together.
        if (!writing && waiting.length === 1) setImmediate(() => void write());
      });
    },
  };
}
