import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { systemActor } from './actor.js';
import type { AuditService } from './audit.service.js';
import { isEmailAddress, normaliseEmail } from './email-address.js';
import {
  decideLinkProblem,
  newLinkToken,
  passwordResetLifetimeMs,
  unknownLink,
} from './one-time-link.js';
import { toPasswordResetEmail } from './password-reset-email.js';
import {
  findPasswordReset,
  findPasswordResetByTokenHash,
  insertPasswordReset,
  markPasswordResetSent,
  setPasswordResetToken,
  usePasswordResets,
} from './password-reset.repository.js';
import { ensurePasswordAcceptable, type PasswordHasher } from './password.js';
import { toSecretHash } from './secret-hash.js';
import { deleteSessionsOfUser } from './session.repository.js';
import { toStaffUser, toUserActor } from './staff-user.js';
import { findStaffUserByEmail, findStaffUserById, updateStaffUser } from './staff.repository.js';
import type { PasswordResetRow } from './staff-access.table.js';

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** Someone asked to reset the password of `email`; the worker decides if anyone gets mail. */
    'staff.password-reset': { requestId: string; email: string; ip: string | null };
  }
}

export interface PasswordResetServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly passwords: PasswordHasher;
  readonly mailer: Pick<Mailer, 'send'>;
  readonly siteUrl: string;
  readonly siteTitle: () => Promise<string>;
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;

const what = 'password reset';

/**
 * Password resets by e-mail. Asking answers the same whoever asks: the request becomes a
 * job, and only the worker looks the address up, so neither the answer nor its timing
 * tells whether a staff account exists. The worker makes the link's token as it sends the
 * e-mail and stores only its hash, so no copy of a working link rests in the database.
 */
export function createPasswordResetService(deps: PasswordResetServiceDeps) {
  const { db, clock, audit, jobs, passwords, mailer } = deps;

  async function getOpenReset(token: string): Promise<PasswordResetRow> {
    const row = await findPasswordResetByTokenHash(db, toSecretHash(token));
    if (row === undefined) throw unknownLink(what);
    const problem = decideLinkProblem(
      { usedAt: row.used_at, expiresAt: row.expires_at },
      clock.now(),
      what,
    );
    if (problem !== null) throw problem;
    return row;
  }

  async function getActiveUser(userId: string) {
    const row = await findStaffUserById(db, userId);
    const user = row === undefined ? undefined : toStaffUser(row);
    if (user?.status !== 'active') throw unknownLink(what);
    return user;
  }

  return {
    /** Queues the request; an unknown or malformed address quietly leads nowhere. */
    async requestReset(email: string, meta: { ip?: string } = {}): Promise<void> {
      const address = normaliseEmail(email);
      if (!isEmailAddress(address)) return;
      const requestId = newId();
      await jobs.enqueue(
        db,
        'staff.password-reset',
        { requestId, email: address, ip: meta.ip ?? null },
        { idempotencyKey: `staff.password-reset:${requestId}` },
      );
    },

    /**
     * The job: records the reset and e-mails its link to an active staff account. Safe to
     * run again: a reset already sent or used is left alone; one whose send failed gets a
     * new token, so only the link in the e-mail that went out works.
     */
    async sendResetEmail(payload: {
      requestId: string;
      email: string;
      ip: string | null;
    }): Promise<'sent' | 'skipped'> {
      const userRow = await findStaffUserByEmail(db, payload.email);
      if (userRow === undefined) return 'skipped';
      const user = toStaffUser(userRow);
      if (user.status !== 'active') return 'skipped';
      let reset = await findPasswordReset(db, payload.requestId);
      if (reset === undefined) {
        const now = clock.now();
        await db.transaction().execute(async (trx) => {
          await insertPasswordReset(trx, {
            id: payload.requestId,
            user_id: user.id,
            token_hash: null,
            requested_ip: payload.ip,
            created_at: toTimestamp(now),
            expires_at: toTimestamp(new Date(now.getTime() + passwordResetLifetimeMs)),
            sent_at: null,
            used_at: null,
          });
          await audit.record(
            trx,
            systemActor,
            'staff.password-reset-requested',
            { type: 'staff', id: user.id },
            { ip: payload.ip },
          );
        });
        reset = await findPasswordReset(db, payload.requestId);
      }
      if (reset === undefined || reset.sent_at !== null || reset.used_at !== null) return 'skipped';
      const { token, tokenHash } = newLinkToken();
      if (!(await setPasswordResetToken(db, reset.id, tokenHash))) return 'skipped';
      const message = toPasswordResetEmail({
        siteTitle: await deps.siteTitle(),
        name: user.name,
        email: user.email,
        link: `${deps.siteUrl}/admin/reset/${token}`,
      });
      await mailer.send({ to: user.email, ...message }, `staff.password-reset:${reset.id}`);
      await markPasswordResetSent(db, reset.id, toTimestamp(clock.now()));
      return 'sent';
    },

    /** Whose password a link resets, for the form; refuses used and expired links. */
    async inspectReset(token: string): Promise<{ email: string; expiresAt: string }> {
      const reset = await getOpenReset(token);
      const user = await getActiveUser(reset.user_id);
      return { email: user.email, expiresAt: reset.expires_at };
    },

    /** Sets the new password, uses up the person's reset links, and signs them out everywhere. */
    async completeReset(token: string, password: string): Promise<void> {
      ensurePasswordAcceptable(password);
      const reset = await getOpenReset(token);
      const user = await getActiveUser(reset.user_id);
      const passwordHash = await passwords.hash(password);
      const now = toTimestamp(clock.now());
      await db.transaction().execute(async (trx) => {
        if (!(await usePasswordResets(trx, reset.id, user.id, now))) {
          throw new AppError('token_used', `This ${what} link has already been used.`);
        }
        await updateStaffUser(trx, user.id, { password_hash: passwordHash, updated_at: now });
        await deleteSessionsOfUser(trx, user.id);
        await audit.record(trx, toUserActor(user), 'staff.password-reset', {
          type: 'staff',
          id: user.id,
        });
      });
    },
  };
}
