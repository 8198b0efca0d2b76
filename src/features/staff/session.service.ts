import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newSecret } from '../../platform/ids.js';
import type { Actor } from './actor.js';
import type { AuditService } from './audit.service.js';
import { normaliseEmail } from './email-address.js';
import { createPasswordHasher, maximumPasswordLength, type PasswordHasher } from './password.js';
import { toSecretHash } from './secret-hash.js';
import {
  deleteExpiredSessionsOfUser,
  deleteSession,
  findLiveSession,
  insertSession,
} from './session.repository.js';
import { toStaffUser, toUserActor, type StaffUser } from './staff-user.js';
import { findStaffUserByEmail } from './staff.repository.js';

/** A session lasts this long from sign-in, however active; then the person signs in again. */
export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;

export interface SignInMeta {
  readonly ip?: string;
  readonly userAgent?: string;
}

export interface SignedIn {
  /** The secret for the session cookie; only its hash is stored. */
  readonly cookieValue: string;
  /** Sent back in `X-CSRF-Token` on every unsafe cookie-authenticated request. */
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly user: StaffUser;
}

export interface ResolvedSession {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly user: StaffUser;
  /** The SHA-256 the session is stored under; names it without its secret. */
  readonly idHash: string;
}

export interface SessionServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  /** Defaults to argon2id at production cost. */
  readonly passwords?: PasswordHasher;
}

export interface SessionService {
  signIn(email: string, password: string, meta?: SignInMeta): Promise<SignedIn>;
  /** Null for an unknown or expired cookie, or a suspended person. */
  resolveSession(cookieValue: string): Promise<ResolvedSession | null>;
  /** Ends the session; an unknown cookie is not an error. */
  signOut(cookieValue: string): Promise<void>;
}

const invalidCredentials = (): AppError =>
  new AppError('invalid_credentials', "That email and password don't match a staff account.");

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { db, clock, audit } = deps;
  const passwords = deps.passwords ?? createPasswordHasher();

  return {
    signIn: async (email, password, meta = {}) => {
      if (password.length > maximumPasswordLength) throw invalidCredentials();
      const row = await findStaffUserByEmail(db, normaliseEmail(email));
      // Unknown people cost the same argon2 work as known ones, so timing reveals nobody.
      const matches =
        row?.password_hash == null
          ? await passwords.verifyNothing(password)
          : await passwords.verify(row.password_hash, password);
      if (row === undefined || !matches) throw invalidCredentials();
      const user = toStaffUser(row);
      if (user.status !== 'active') {
        throw new AppError(
          'forbidden',
          'This staff account is suspended. Ask an administrator to reinstate it.',
        );
      }
      const now = clock.now();
      const cookieValue = newSecret(32);
      const csrfToken = newSecret(32);
      const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
      await db.transaction().execute(async (trx) => {
        await deleteExpiredSessionsOfUser(trx, user.id, toTimestamp(now));
        await insertSession(trx, {
          id_hash: toSecretHash(cookieValue),
          user_id: user.id,
          csrf_token: csrfToken,
          created_at: toTimestamp(now),
          expires_at: toTimestamp(expiresAt),
        });
        await audit.record(
          trx,
          toUserActor(user),
          'staff.signed-in',
          {
            type: 'staff',
            id: user.id,
          },
          { ip: meta.ip ?? null, userAgent: meta.userAgent ?? null },
        );
      });
      return { cookieValue, csrfToken, expiresAt, user };
    },

    resolveSession: async (cookieValue) => {
      const idHash = toSecretHash(cookieValue);
      const found = await findLiveSession(db, idHash, toTimestamp(clock.now()));
      if (found === undefined) return null;
      const user = toStaffUser(found.user);
      if (user.status !== 'active') return null;
      return { actor: toUserActor(user), csrfToken: found.csrfToken, user, idHash };
    },

    signOut: async (cookieValue) => {
      await deleteSession(db, toSecretHash(cookieValue));
    },
  };
}
