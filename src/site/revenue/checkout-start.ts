import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { StartedCheckout } from '../../features/memberships/checkout.service.js';
import { isAppError, type FieldProblem } from '../../platform/errors.js';
import {
  toCheckoutAttribution,
  type CheckoutAttribution,
} from '../../platform/payments/payment-event.js';
import { guardRate } from './revenue-site.js';

export type RateLimit = Parameters<typeof guardRate>[0];

/**
 * The appeal a reader came from, in a revenue page's address (`?campaign=…&variant=…`, as
 * the campaign buttons link) and then in its forms. Generous limits: a wrong value is
 * dropped by `attributionOf`, never answered with an error.
 */
export const attributionFields = {
  campaign: Type.Optional(Type.String({ maxLength: 500 })),
  variant: Type.Optional(Type.String({ maxLength: 500 })),
};

/** A revenue page's address: back from a cancelled checkout, or from an appeal. */
export const RevenuePageQuery = Type.Object({
  checkout: Type.Optional(Type.String({ maxLength: 20 })),
  ...attributionFields,
});

export function attributionOf(fields: {
  readonly campaign?: string;
  readonly variant?: string;
}): CheckoutAttribution | null {
  return toCheckoutAttribution(fields.campaign, fields.variant);
}

/** One payment form of the site: how it starts its checkout, and how it shows problems. */
export interface CheckoutForm {
  /** Starts the payment; throws `validation_failed` with the fields the reader must fix. */
  readonly start: () => Promise<StartedCheckout>;
  /** The form's page again, saying what to fix (answered with 400). */
  readonly showProblems: (problems: readonly FieldProblem[]) => Promise<FastifyReply>;
}

/**
 * What every revenue form (membership, gift, donation) does when submitted, in this
 * order: count the request against the client's limit, start the checkout, and send the
 * reader on to the provider; when the input is wrong, the same page with its problems.
 * The redirect is never stored: each checkout address is for one reader.
 */
export async function startCheckout(
  limit: RateLimit,
  request: FastifyRequest,
  reply: FastifyReply,
  form: CheckoutForm,
): Promise<FastifyReply> {
  await guardRate(limit, request);
  let started: StartedCheckout;
  try {
    started = await form.start();
  } catch (error) {
    if (!isAppError(error) || error.code !== 'validation_failed') throw error;
    return form.showProblems(error.fields);
  }
  return reply.header('cache-control', 'no-store').redirect(started.url, 303);
}
