import type { Db, Executor } from '../../db/database.js';
import { toTimestamp, type Clock } from '../clock.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { PaymentEvent, ProviderKind } from './payment-event.js';
import type { PaymentEventRow } from './payment-event.table.js';

declare module '../jobs/job-kinds.js' {
  interface JobKinds {
    /** Applies one recorded provider event; `pass` tells a re-run after a match apart. */
    'payments.process-event': { eventRowId: string; pass?: string };
  }
}

/** The checkout an event names, when it names one. */
function referenceOf(event: PaymentEvent): string | null {
  return event.type === 'checkout.completed' || event.type === 'subscription.changed'
    ? event.reference
    : null;
}

export type PaymentEventStatus = 'received' | 'processed' | 'unmatched';

export interface PaymentInboxDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
}

export const toEventRowId = (provider: ProviderKind, eventId: string): string =>
  `${provider}:${eventId}`;

export type PaymentInbox = ReturnType<typeof createPaymentInbox>;

/**
 * Where provider events land. Recording is keyed by the provider's event id, so an event
 * delivered twice is one row and one job; the job applies it after the answer went back.
 */
export function createPaymentInbox(deps: PaymentInboxDeps) {
  const { db, clock, jobs } = deps;

  async function recordIn(executor: Executor, event: PaymentEvent): Promise<boolean> {
    const id = toEventRowId(event.provider, event.id);
    const result = await executor
      .insertInto('payment_events')
      .values({
        id,
        provider: event.provider,
        event_id: event.id,
        type: event.type,
        customer_id: event.customerId,
        reference: referenceOf(event),
        payload: JSON.stringify(event),
        occurred_at: event.occurredAt,
        received_at: toTimestamp(clock.now()),
        status: 'received',
        processed_at: null,
        note: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    const created = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    if (created) {
      await jobs.enqueue(
        executor,
        'payments.process-event',
        { eventRowId: id },
        { idempotencyKey: `payments.process-event:${id}`, maxAttempts: 10 },
      );
    }
    return created;
  }

  return {
    /** Records events with their jobs in one transaction; says how many were new. */
    async record(events: readonly PaymentEvent[]): Promise<number> {
      return db.transaction().execute(async (trx) => {
        let fresh = 0;
        for (const event of events) if (await recordIn(trx, event)) fresh += 1;
        return fresh;
      });
    },

    recordIn,

    async findEvent(executor: Executor, id: string): Promise<PaymentEventRow | undefined> {
      return executor
        .selectFrom('payment_events')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async markEvent(
      executor: Executor,
      id: string,
      status: PaymentEventStatus,
      note: string | null,
    ): Promise<void> {
      await executor
        .updateTable('payment_events')
        .set({
          status,
          note,
          processed_at: status === 'processed' ? toTimestamp(clock.now()) : null,
        })
        .where('id', '=', id)
        .execute();
    },

    /**
     * Queues another run of the events that waited for this customer to become a member.
     * `pass` names the match, so the same match queues each event once.
     */
    async requeueUnmatched(
      executor: Executor,
      provider: ProviderKind,
      customerId: string,
      pass: string,
    ): Promise<number> {
      const rows = await executor
        .selectFrom('payment_events')
        .select('id')
        .where('provider', '=', provider)
        .where('customer_id', '=', customerId)
        .where('status', '=', 'unmatched')
        .orderBy('occurred_at')
        .execute();
      for (const row of rows) {
        await jobs.enqueue(
          executor,
          'payments.process-event',
          { eventRowId: row.id, pass },
          { idempotencyKey: `payments.process-event:${row.id}:${pass}`, maxAttempts: 10 },
        );
      }
      return rows.length;
    },

    /** Every event still waiting for its member, for `masthead payments reconcile`. */
    async listUnmatched(limit = 500): Promise<PaymentEventRow[]> {
      return db
        .selectFrom('payment_events')
        .selectAll()
        .where('status', '=', 'unmatched')
        .orderBy('occurred_at')
        .limit(limit)
        .execute();
    },

    /**
     * Events of one checkout, and of the customer its completion named, not yet applied;
     * oldest first.
     */
    async listOpenEventIds(reference: string): Promise<string[]> {
      const rows = await db
        .selectFrom('payment_events')
        .select('id')
        .where('status', '!=', 'processed')
        .where((eb) =>
          eb.or([
            eb('reference', '=', reference),
            eb(
              'customer_id',
              'in',
              eb
                .selectFrom('payment_events as named')
                .select('named.customer_id')
                .where('named.reference', '=', reference)
                .where('named.customer_id', 'is not', null),
            ),
          ]),
        )
        .orderBy('occurred_at')
        .orderBy('received_at')
        .execute();
      return rows.map((row) => row.id);
    },

    async listEvents(limit: number): Promise<PaymentEventRow[]> {
      return db
        .selectFrom('payment_events')
        .selectAll()
        .orderBy('received_at', 'desc')
        .limit(limit)
        .execute();
    },
  };
}

/** The stored event, read back into its type. */
export function toPaymentEvent(row: PaymentEventRow): PaymentEvent {
  return JSON.parse(row.payload) as PaymentEvent;
}
