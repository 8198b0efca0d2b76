import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StartedCheckout } from '../../features/memberships/checkout.service.js';
import { isAppError, type FieldProblem } from '../../platform/errors.js';
import { guardRate } from './revenue-site.js';

export type RateLimit = Parameters<typeof guardRate>[0];

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
