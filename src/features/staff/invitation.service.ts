import type { Db, Trx } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { toUserActor } from './staff-user.js';
import type { Actor } from './actor.js';
import type { AuditService } from './audit.service.js';
import { decideConstraintViolation } from './constraint-violation.js';
import { toInvitationEmail } from './invitation-email.js';
import {
  deleteInvitation,
  deleteOpenInvitationsOf,
  findInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listPendingInvitations,
  markInvitationAccepted,
  markInvitationSent,
  setInvitationAccount,
  setInvitationToken,
} from './invitation.repository.js';
import { toInvitation, type Invitation } from './invitation.js';
import { decideInviterProblem, findInviterNow } from './inviter-authority.js';
import {
  decideLinkProblem,
  invitationLifetimeMs,
  newLinkToken,
  unknownLink,
} from './one-time-link.js';
import { ensurePasswordAcceptable, type PasswordHasher } from './password.js';
import { ensureCan, ensureRoleWithin } from './permissions.js';
import type { Role } from './role.js';
import { toSecretHash } from './secret-hash.js';
import { toCheckedProfile } from './staff-profile-input.js';
import { decideUniqueSlug, toStaffSlug } from './staff-slug.js';
import { toStaffUser, type StaffUser } from './staff-user.js';
import type { StaffInvitationRow } from './staff-access.table.js';
import { findStaffUserByEmail, insertStaffUser, listStaffSlugsLike } from './staff.repository.js';

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    'staff.invitation': { invitationId: string };
  }
}

export interface InvitationServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly passwords: PasswordHasher;
  readonly mailer: Pick<Mailer, 'send'>;
  readonly siteUrl: string;
  readonly siteTitle: () => Promise<string>;
}

export type InvitationService = ReturnType<typeof createInvitationService>;

const what = 'invitation';

const alreadyStaff = (): AppError =>
  new AppError('conflict', 'That email already belongs to a staff account. Sign in instead.', [
    { field: 'email', message: 'is already used by a staff account' },
  ]);

/**
 * Invitations to join the staff. An administrator names an address and a role; the worker
 * e-mails a link whose token only it ever sees (the database keeps its hash); following the
 * link creates the account. A new invitation to the same address replaces the open one.
 */
export function createInvitationService(deps: InvitationServiceDeps) {
  const { db, clock, audit, jobs, passwords, mailer } = deps;

  async function getOpenInvitation(token: string): Promise<StaffInvitationRow> {
    const row = await findInvitationByTokenHash(db, toSecretHash(token));
    if (row === undefined) throw unknownLink(what);
    const link = { usedAt: row.accepted_at, expiresAt: row.expires_at };
    const problem = decideLinkProblem(link, clock.now(), what);
    if (problem !== null) throw problem;
    await ensureInviterStillMay(db, row);
    return row;
  }

  /** The inviter's authority is checked again when the link is used, not only when sent. */
  async function ensureInviterStillMay(executor: Db | Trx, row: StaffInvitationRow) {
    const inviter = await findInviterNow(executor, row.invited_by);
    const problem = decideInviterProblem(inviter, toInvitation(row).role);
    if (problem !== null) throw problem;
  }

  async function insertAccount(
    trx: Trx,
    invitation: StaffInvitationRow,
    name: string,
    passwordHash: string,
    now: string,
  ): Promise<StaffUser> {
    if ((await findStaffUserByEmail(trx, invitation.email)) !== undefined) throw alreadyStaff();
    const base = toStaffSlug(name);
    const slug = decideUniqueSlug(base, new Set(await listStaffSlugsLike(trx, base)));
    const row = await insertStaffUser(trx, {
      id: newId(),
      email: invitation.email,
      name,
      slug,
      role: invitation.role,
      password_hash: passwordHash,
      job_title: '',
      bio: '',
      photo_media_id: null,
      status: 'active',
      created_at: now,
      updated_at: now,
    });
    return toStaffUser(row);
  }

  return {
    async createInvitation(
      actor: Actor,
      input: { email: string; role: Role; name?: string | undefined },
    ): Promise<Invitation> {
      ensureCan(actor, 'staff.manage', 'invite staff');
      ensureRoleWithin(actor, input.role, 'invite someone with that role');
      const named = input.name !== undefined && input.name.trim() !== '';
      const profile = toCheckedProfile({
        email: input.email,
        ...(named ? { name: input.name } : {}),
      });
      const email = profile.email;
      const name = profile.name ?? '';
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        if ((await findStaffUserByEmail(trx, email)) !== undefined) throw alreadyStaff();
        await deleteOpenInvitationsOf(trx, email);
        const row = await insertInvitation(trx, {
          id: newId(),
          email,
          name,
          role: input.role,
          invited_by: actor.id,
          invited_by_name: actor.name,
          token_hash: null,
          created_at: toTimestamp(now),
          expires_at: toTimestamp(new Date(now.getTime() + invitationLifetimeMs)),
          sent_at: null,
          accepted_at: null,
          accepted_user_id: null,
        });
        await jobs.enqueue(
          trx,
          'staff.invitation',
          { invitationId: row.id },
          { idempotencyKey: `staff.invitation:${row.id}` },
        );
        await audit.record(
          trx,
          actor,
          'staff.invited',
          { type: 'invitation', id: row.id },
          { email, role: input.role },
        );
        return toInvitation(row);
      });
    },

    /** Invitations not yet accepted and still inside their week, newest first. */
    async listPendingInvitations(actor: Actor): Promise<Invitation[]> {
      ensureCan(actor, 'staff.manage', 'see invitations');
      return (await listPendingInvitations(db, toTimestamp(clock.now()))).map(toInvitation);
    },

    /** Withdraws an open invitation: its link stops working. */
    async withdrawInvitation(actor: Actor, id: string): Promise<void> {
      ensureCan(actor, 'staff.manage', 'withdraw invitations');
      await db.transaction().execute(async (trx) => {
        const row = await findInvitation(trx, id);
        if (row === undefined || row.accepted_at !== null) throw notFound('That invitation');
        ensureRoleWithin(actor, toInvitation(row).role, 'withdraw this invitation');
        await deleteInvitation(trx, id);
        await audit.record(
          trx,
          actor,
          'staff.invitation-withdrawn',
          { type: 'invitation', id },
          { email: row.email },
        );
      });
    },

    /**
     * The job: e-mails the invitation's link. Safe to run again: an invitation already
     * sent, accepted or withdrawn is left alone; one whose send failed gets a new token.
     */
    async sendInvitationEmail(invitationId: string): Promise<'sent' | 'skipped'> {
      const row = await findInvitation(db, invitationId);
      if (row === undefined || row.sent_at !== null || row.accepted_at !== null) return 'skipped';
      const invitation = toInvitation(row);
      const inviter = await findInviterNow(db, row.invited_by);
      if (decideInviterProblem(inviter, invitation.role) !== null) return 'skipped';
      const { token, tokenHash } = newLinkToken();
      if (!(await setInvitationToken(db, row.id, tokenHash))) return 'skipped';
      const message = toInvitationEmail({
        siteTitle: await deps.siteTitle(),
        inviterName: invitation.invitedBy.name,
        role: invitation.role,
        link: `${deps.siteUrl}/admin/invite/${token}`,
      });
      await mailer.send({ to: row.email, ...message }, `staff.invitation:${row.id}`);
      await markInvitationSent(db, row.id, toTimestamp(clock.now()));
      return 'sent';
    },

    /** What an invitation link offers, for the acceptance form. */
    async inspectInvitation(token: string): Promise<{ email: string; role: Role; name: string }> {
      const invitation = toInvitation(await getOpenInvitation(token));
      return { email: invitation.email, role: invitation.role, name: invitation.name };
    },

    /** Creates the invited person's account; the link cannot be used again. */
    async acceptInvitation(
      token: string,
      input: { name: string; password: string },
    ): Promise<StaffUser> {
      const { name } = toCheckedProfile({ name: input.name });
      ensurePasswordAcceptable(input.password);
      const invitation = await getOpenInvitation(token);
      const passwordHash = await passwords.hash(input.password);
      const now = toTimestamp(clock.now());
      try {
        return await db.transaction().execute(async (trx) => {
          if (!(await markInvitationAccepted(trx, invitation.id, now))) {
            throw new AppError('token_used', `This ${what} link has already been used.`);
          }
          // Again inside the transaction: the inviter may have been suspended meanwhile.
          await ensureInviterStillMay(trx, invitation);
          const user = await insertAccount(trx, invitation, name, passwordHash, now);
          await setInvitationAccount(trx, invitation.id, user.id);
          const actor = toUserActor(user);
          const subject = { type: 'staff', id: user.id };
          await audit.record(trx, actor, 'staff.created', subject, {
            email: user.email,
            name: user.name,
            role: user.role,
            invitationId: invitation.id,
          });
          await audit.record(trx, actor, 'staff.invitation-accepted', subject, {
            invitationId: invitation.id,
            invitedBy: invitation.invited_by,
          });
          return user;
        });
      } catch (error) {
        // Two acceptances racing for one address: the database's unique e-mail decides.
        if (decideConstraintViolation(error) === 'unique') throw alreadyStaff();
        throw error;
      }
    },
  };
}
