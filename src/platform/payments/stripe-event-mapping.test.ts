import { describe, expect, it } from 'vitest';
import { toPaymentEvent } from './stripe-event-mapping.js';
import { stripeEvents } from './test-support/fake-stripe-api.js';

const at = new Date('2026-11-20T09:00:00.000Z');
const appeal = { masthead_campaign: 'cmp_birthday', masthead_variant: 'var_appeal' };

function paidInvoice(invoice: Record<string, unknown>) {
  return toPaymentEvent(stripeEvents.envelope('evt_in', 'invoice.paid', at, invoice));
}

describe('a paid Stripe invoice read into Masthead’s events', () => {
  /** A paid invoice of subscription sub_1 whose subscription had this metadata. */
  const invoiceWith = (id: string, metadata: Record<string, string>) =>
    stripeEvents.invoice({
      id,
      customer: 'cus_1',
      subscription: 'sub_1',
      amount: 800,
      periodEnd: new Date('2026-12-20T09:00:00.000Z'),
      paid: true,
      metadata,
    });
  const current = invoiceWith('in_1', appeal);

  it('carries the appeal its subscription’s metadata names', () => {
    expect(paidInvoice(current)).toMatchObject({
      type: 'invoice.paid',
      subscriptionId: 'sub_1',
      attribution: { campaignId: 'cmp_birthday', variantId: 'var_appeal' },
    });
  });

  it('reads the same from an invoice in the shape of API versions before `parent`', () => {
    const older: Record<string, unknown> = {
      ...current,
      subscription: 'sub_1',
      subscription_details: { metadata: appeal },
    };
    delete older.parent;
    expect(paidInvoice(older)).toMatchObject({
      subscriptionId: 'sub_1',
      attribution: { campaignId: 'cmp_birthday', variantId: 'var_appeal' },
    });
  });

  it('carries no appeal when the metadata names none or only half of one', () => {
    const half = invoiceWith('in_2', { masthead_campaign: 'cmp_birthday' });
    expect(paidInvoice(half)).toMatchObject({ attribution: null });
  });
});
