import type { Selectable } from 'kysely';

/** The inbox of provider events: one row per provider event id. */
export interface PaymentEventTable {
  /** `{provider}:{event id}`. */
  id: string;
  provider: string;
  event_id: string;
  type: string;
  customer_id: string | null;
  /** Masthead's checkout id, when the event carries it. */
  reference: string | null;
  /** The event as a `PaymentEvent`, JSON. */
  payload: string;
  occurred_at: string;
  received_at: string;
  /** `received`, `processed`, or `unmatched` (its customer is no member yet). */
  status: string;
  processed_at: string | null;
  note: string | null;
}

export type PaymentEventRow = Selectable<PaymentEventTable>;
