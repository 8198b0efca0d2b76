import { createJobWorker, type JobWorker } from '../platform/jobs/job-worker.js';
import { handleCdnPurge } from '../platform/cdn/cdn-purge-queue.js';
import { handleMailSend } from '../platform/mail/mail-jobs.js';
import type { Services } from './services.js';

/** The job worker with every handler Masthead has. */
export function createWorker(services: Services, options: { pollMs?: number } = {}): JobWorker {
  const { database, clock, logger, posts } = services;
  const { testPayments } = services.payments;
  return createJobWorker({
    db: database.db,
    engine: database.engine,
    clock,
    logger,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    // The speech engine speaks one part at a time (the local one in its own process, a
    // provider under its rate limit): a second narration would only wait out its lease.
    kindLimits: { 'narration.generate': 1 },
    handlers: {
      'post.publish': async ({ postId }) => {
        await posts.publishDuePost(postId);
      },
      'mail.send': handleMailSend(services.mailer),
      'staff.password-reset': async (payload) => {
        await services.passwordResets.sendResetEmail(payload);
      },
      'staff.invitation': async ({ invitationId }) => {
        await services.invitations.sendInvitationEmail(invitationId);
      },
      'members.sign-in-link': async (payload) => {
        await services.memberSignIn.sendSignInLink(payload);
      },
      'members.email-change': async (payload) => {
        await services.memberSignIn.sendEmailChangeLink(payload);
      },
      'payments.process-event': async ({ eventRowId }) => {
        await services.paymentProcessor.processEvent(eventRowId);
      },
      'revenue.email': async (payload) => {
        await services.revenueEmails.send(payload);
      },
      'gift.deliver': async ({ giftId }) => {
        await services.gifts.deliverGift(giftId);
      },
      'post.review': async (payload) => {
        await services.reviews.sendReviewEmails(payload);
      },
      'post.handoff': async (payload) => {
        await services.handoffs.sendHandoffEmails(payload);
      },
      'post.purge': async (payload) => {
        await services.bin.purgeDuePost(payload);
      },
      'narration.generate': (payload, context) => services.narration.handleJob(payload, context),
      'newsletters.confirmation': (payload) =>
        services.newsletters.subscriptions.sendConfirmation(payload),
      'newsletters.briefing': (payload) => services.newsletters.briefing.draftBriefing(payload),
      'newsletters.forget-signups': async () => {
        await services.newsletters.subscriptions.forgetExpiredSignups();
      },
      'newsletters.start-send': (payload) => services.newsletters.sender.startSend(payload),
      'newsletters.send-batch': (payload, context) =>
        services.newsletters.sender.sendBatch(payload, context),
      ...(testPayments === null
        ? {}
        : { 'test-payments.renew': (due) => testPayments.renewDue(due) }),
      ...(services.cdnPurgeApi === null
        ? {}
        : { 'cdn.purge': handleCdnPurge({ db: database.db, api: services.cdnPurgeApi }) }),
    },
  });
}
