import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId, newSecret } from '../../platform/ids.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { isEmailAddress, normaliseEmail } from '../staff/email-address.js';
import { decideLinkProblem, newLinkToken, unknownLink } from '../staff/one-time-link.js';
import { toSecretHash } from '../staff/secret-hash.js';
import { decideEntitlement } from './entitlement.js';
import {
  toEmailChangeConfirmEmail,
  toEmailChangeNoticeEmail,
  toSignInEmail,
} from './member-emails.js';
import { recordEntitlementChange } from './member-events.js';
import { toMember } from './member-mapping.js';
import {
  deleteExpiredMemberLinks,
  deleteMemberSession,
  deleteMemberSessions,
  findLiveMemberSession,
  findMemberLink,
  findMemberLinkByTokenHash,
  insertMemberLink,
  insertMemberSession,
  markMemberLinkSent,
  setMemberLinkToken,
  useMemberLink,
} from './member-access.repository.js';
import {
  findMemberRowByEmail,
  findMemberRowById,
  insertMember,
  updateMemberRow,
} from './member.repository.js';
import { recordMemberEvent } from './member.service.js';
import type { Member } from './member.js';
import type { MemberLinkRow } from './member.table.js';

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** Someone asked for a sign-in link; only the worker looks the address up. */
    'members.sign-in-link': {
      requestId: string;
      email: string;
      ip: string | null;
      next: string | null;
    };
    /** A member asked to move their account to `email`. */
    'members.email-change': { requestId: string; memberId: string; email: string };
  }
}

/** A sign-in or e-mail change link works this long. */
export const memberLinkLifetimeMs = 15 * 60 * 1000;
/** A member stays signed in this long on one device. */
export const memberSessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/** How often "last seen" is written, at most. */
const lastSeenEveryMs = 60 * 60 * 1000;

export interface MemberSignInDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly mailer: Pick<Mailer, 'send'>;
  readonly siteUrl: string;
  readonly siteTitle: () => Promise<string>;
  /** The site setting: may an unknown address become a free member by signing in? */
  readonly allowsSignups: () => Promise<boolean>;
  /** Signing out everywhere is recorded here, so other devices' audience cookies stop counting. */
  readonly events: EventOutbox;
}

export interface MemberSession {
  readonly member: Member;
  readonly entitlement: 'member' | 'paying';
  readonly csrfToken: string;
}

export interface MemberSignedIn {
  readonly cookieValue: string;
  readonly expiresAt: Date;
  readonly member: Member;
  /** Where the reader was going when they asked to sign in. */
  readonly next: string | null;
}

export type LinkState = 'ready' | 'used' | 'expired' | 'unknown';

const signInWhat = 'sign-in';
const changeWhat = 'confirmation';

/** A path on this site to return to after signing in; anything else is dropped. */
export function toSafeNextPath(next: string | undefined | null): string | null {
  if (next === undefined || next === null || next === '') return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  if (next.length > 500 || /[\r\n]/.test(next)) return null;
  return next;
}

export type MemberSignInService = ReturnType<typeof createMemberSignInService>;

/**
 * Passwordless sign-in by e-mail. Asking answers the same whoever asks: the request becomes
 * a job and only the worker looks the address up. The link opens a page whose button posts
 * the token back, so a mail scanner that opens links signs nobody in. A link works once,
 * for 15 minutes; only its hash is kept.
 */
export function createMemberSignInService(deps: MemberSignInDeps) {
  const { db, clock, jobs, mailer } = deps;

  function stateOf(row: MemberLinkRow | undefined, purpose: string): LinkState {
    if (row?.purpose !== purpose) return 'unknown';
    const problem = decideLinkProblem(
      { usedAt: row.used_at, expiresAt: row.expires_at },
      clock.now(),
      signInWhat,
    );
    if (problem === null) return 'ready';
    return problem.code === 'token_used' ? 'used' : 'expired';
  }

  async function getOpenLink(token: string, purpose: string, what: string): Promise<MemberLinkRow> {
    const row = await findMemberLinkByTokenHash(db, toSecretHash(token));
    if (row?.purpose !== purpose) throw unknownLink(what);
    const problem = decideLinkProblem(
      { usedAt: row.used_at, expiresAt: row.expires_at },
      clock.now(),
      what,
    );
    if (problem !== null) throw problem;
    return row;
  }

  async function sendLink(
    row: MemberLinkRow,
    path: string,
    toMessage: (link: string, siteTitle: string) => { subject: string; html: string; text: string },
  ): Promise<'sent' | 'skipped'> {
    if (row.sent_at !== null || row.used_at !== null) return 'skipped';
    const { token, tokenHash } = newLinkToken();
    if (!(await setMemberLinkToken(db, row.id, tokenHash))) return 'skipped';
    const message = toMessage(`${deps.siteUrl}${path}/${token}`, await deps.siteTitle());
    await mailer.send({ to: row.email, ...message }, `members.link:${row.id}`);
    await markMemberLinkSent(db, row.id, toTimestamp(clock.now()));
    return 'sent';
  }

  async function newLinkRow(
    id: string,
    purpose: 'sign-in' | 'email-change',
    fields: { email: string; memberId: string | null; next: string | null; ip: string | null },
  ): Promise<MemberLinkRow | undefined> {
    const existing = await findMemberLink(db, id);
    if (existing !== undefined) return existing;
    const now = clock.now();
    await deleteExpiredMemberLinks(db, toTimestamp(new Date(now.getTime() - 24 * 3600_000)));
    await insertMemberLink(db, {
      id,
      purpose,
      email: fields.email,
      member_id: fields.memberId,
      next_path: fields.next,
      token_hash: null,
      requested_ip: fields.ip,
      created_at: toTimestamp(now),
      expires_at: toTimestamp(new Date(now.getTime() + memberLinkLifetimeMs)),
      sent_at: null,
      used_at: null,
    });
    return findMemberLink(db, id);
  }

  return {
    /** Queues a sign-in link; throws only for an address that is not an address at all. */
    async requestSignIn(
      email: string,
      meta: { ip?: string; next?: string | null } = {},
    ): Promise<void> {
      const address = normaliseEmail(email);
      if (!isEmailAddress(address)) {
        throw invalid([
          { field: 'email', message: 'enter an e-mail address such as name@example.com' },
        ]);
      }
      const requestId = newId();
      await jobs.enqueue(
        db,
        'members.sign-in-link',
        { requestId, email: address, ip: meta.ip ?? null, next: toSafeNextPath(meta.next) },
        { idempotencyKey: `members.sign-in-link:${requestId}` },
      );
    },

    /**
     * The job: e-mails a sign-in link to a member, or to a new address when sign-ups are
     * open. Safe to run again: a link already sent is left alone.
     */
    async sendSignInLink(payload: {
      requestId: string;
      email: string;
      ip: string | null;
      next: string | null;
    }): Promise<'sent' | 'skipped'> {
      const member = await findMemberRowByEmail(db, payload.email);
      if (member === undefined && !(await deps.allowsSignups())) return 'skipped';
      const row = await newLinkRow(payload.requestId, 'sign-in', {
        email: payload.email,
        memberId: member?.id ?? null,
        next: payload.next,
        ip: payload.ip,
      });
      if (row === undefined) return 'skipped';
      return sendLink(row, '/signin/link', (link, siteTitle) => toSignInEmail({ siteTitle, link }));
    },

    async inspectSignInLink(token: string): Promise<LinkState> {
      return stateOf(await findMemberLinkByTokenHash(db, toSecretHash(token)), 'sign-in');
    },

    async inspectEmailChangeLink(token: string): Promise<LinkState> {
      return stateOf(await findMemberLinkByTokenHash(db, toSecretHash(token)), 'email-change');
    },

    /** Uses the link, making the member when the address is new, and opens a session. */
    async completeSignIn(token: string): Promise<MemberSignedIn> {
      const link = await getOpenLink(token, 'sign-in', signInWhat);
      const now = clock.now();
      const at = toTimestamp(now);
      const found = await findMemberRowByEmail(db, link.email);
      if (found === undefined && !(await deps.allowsSignups())) throw unknownLink(signInWhat);
      const cookieValue = newSecret(32);
      const expiresAt = new Date(now.getTime() + memberSessionLifetimeMs);
      const memberId = await db.transaction().execute(async (trx) => {
        if (!(await useMemberLink(trx, link.id, at))) {
          throw new AppError(
            'token_used',
            'This sign-in link has already been used. Ask for a new one.',
          );
        }
        let id = found?.id;
        if (id === undefined) {
          id = newId();
          await insertMember(trx, {
            id,
            email: link.email,
            name: '',
            status: 'free',
            status_until: null,
            created_at: at,
            updated_at: at,
            confirmed_at: at,
            last_seen_at: at,
          });
          await recordMemberEvent(trx, id, 'signed-up', now);
          await recordMemberEvent(trx, id, 'confirmed', now);
        } else {
          await updateMemberRow(trx, id, {
            last_seen_at: at,
            ...(found?.confirmed_at == null ? { confirmed_at: at } : {}),
          });
          if (found?.confirmed_at == null) await recordMemberEvent(trx, id, 'confirmed', now);
        }
        await deleteMemberSessions(trx, id, at);
        await insertMemberSession(trx, {
          id_hash: toSecretHash(cookieValue),
          member_id: id,
          csrf_token: newSecret(24),
          created_at: at,
          expires_at: toTimestamp(expiresAt),
        });
        return id;
      });
      const row = await findMemberRowById(db, memberId);
      if (row === undefined) throw unknownLink(signInWhat);
      return { cookieValue, expiresAt, member: toMember(row), next: link.next_path };
    },

    /**
     * Opens a session for a member who proved who they are another way: they just paid in
     * this browser (the checkout's return address is single-use and secret), or redeemed a
     * gift into a new account.
     */
    async openSession(memberId: string): Promise<MemberSignedIn> {
      const now = clock.now();
      const at = toTimestamp(now);
      const cookieValue = newSecret(32);
      const expiresAt = new Date(now.getTime() + memberSessionLifetimeMs);
      await db.transaction().execute(async (trx) => {
        await deleteMemberSessions(trx, memberId, at);
        await insertMemberSession(trx, {
          id_hash: toSecretHash(cookieValue),
          member_id: memberId,
          csrf_token: newSecret(24),
          created_at: at,
          expires_at: toTimestamp(expiresAt),
        });
        await updateMemberRow(trx, memberId, { last_seen_at: at });
      });
      const row = await findMemberRowById(db, memberId);
      if (row === undefined) throw new AppError('not_found', 'There is no member with that id.');
      return { cookieValue, expiresAt, member: toMember(row), next: null };
    },

    /** The member behind a session cookie, or null for an unknown or expired one. */
    async resolveSession(cookieValue: string): Promise<MemberSession | null> {
      const now = clock.now();
      const found = await findLiveMemberSession(db, toSecretHash(cookieValue), toTimestamp(now));
      if (found === undefined) return null;
      const member = toMember(found.member);
      const seen = member.lastSeenAt?.getTime() ?? 0;
      if (now.getTime() - seen > lastSeenEveryMs) {
        await updateMemberRow(db, member.id, { last_seen_at: toTimestamp(now) });
      }
      return {
        member,
        entitlement: decideEntitlement(member, now),
        csrfToken: found.csrfToken,
      };
    },

    async signOut(cookieValue: string): Promise<void> {
      await deleteMemberSession(db, toSecretHash(cookieValue));
    },

    async signOutEverywhere(memberId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await deleteMemberSessions(trx, memberId);
        const now = clock.now();
        await recordMemberEvent(trx, memberId, 'signed-out-everywhere', now);
        await recordEntitlementChange(deps.events, trx, memberId, now);
      });
      await deps.events.deliver();
    },

    /** Queues a confirmation link to `email` and a notice to the current address. */
    async requestEmailChange(memberId: string, email: string): Promise<void> {
      const address = normaliseEmail(email);
      if (!isEmailAddress(address)) {
        throw invalid([
          { field: 'email', message: 'enter an e-mail address such as name@example.com' },
        ]);
      }
      const requestId = newId();
      await jobs.enqueue(
        db,
        'members.email-change',
        { requestId, memberId, email: address },
        { idempotencyKey: `members.email-change:${requestId}` },
      );
    },

    /**
     * The job: the confirmation link to the new address and a notice to the old one. An
     * address that belongs to another member gets nothing, so the form reveals nobody.
     */
    async sendEmailChangeLink(payload: {
      requestId: string;
      memberId: string;
      email: string;
    }): Promise<'sent' | 'skipped'> {
      const member = await findMemberRowById(db, payload.memberId);
      if (member === undefined || member.email === payload.email) return 'skipped';
      if ((await findMemberRowByEmail(db, payload.email)) !== undefined) return 'skipped';
      const row = await newLinkRow(payload.requestId, 'email-change', {
        email: payload.email,
        memberId: member.id,
        next: null,
        ip: null,
      });
      if (row === undefined) return 'skipped';
      const siteTitle = await deps.siteTitle();
      const sent = await sendLink(row, '/account/email', (link) =>
        toEmailChangeConfirmEmail({ siteTitle, link }),
      );
      if (sent === 'sent') {
        await mailer.send(
          { to: member.email, ...toEmailChangeNoticeEmail({ siteTitle, newEmail: payload.email }) },
          `members.email-change-notice:${row.id}`,
        );
      }
      return sent;
    },

    /** Moves the account to the confirmed address. */
    async completeEmailChange(token: string): Promise<Member> {
      const link = await getOpenLink(token, 'email-change', changeWhat);
      if (link.member_id === null) throw unknownLink(changeWhat);
      const memberId = link.member_id;
      const member = await findMemberRowById(db, memberId);
      if (member === undefined) throw unknownLink(changeWhat);
      if ((await findMemberRowByEmail(db, link.email)) !== undefined) {
        throw new AppError('conflict', 'That address already belongs to an account.');
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (!(await useMemberLink(trx, link.id, toTimestamp(now)))) {
          throw new AppError('token_used', 'This confirmation link has already been used.');
        }
        await updateMemberRow(trx, memberId, { email: link.email, updated_at: toTimestamp(now) });
        await recordMemberEvent(trx, memberId, 'email-changed', now, {
          from: member.email,
          to: link.email,
        });
      });
      const row = await findMemberRowById(db, memberId);
      if (row === undefined) throw unknownLink(changeWhat);
      return toMember(row);
    },
  };
}
