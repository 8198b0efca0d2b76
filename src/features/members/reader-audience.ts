import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import {
  audienceCookieName,
  readCookie,
  signAudience,
  verifyAudience,
  type CookieAudience,
} from './audience-cookie.js';
import { findMemberSecret, insertMemberSecret } from './member-access.repository.js';

/** The member session cookie: a random secret whose hash names a row of `member_sessions`. */
export const memberCookieName = 'masthead_member';

/** The audience a cached page is made for; staff are never cached. */
export type Audience = 'anonymous' | CookieAudience;

export interface ReaderAudienceDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** The staff session cookie: requests carrying it are never answered from the cache. */
  readonly staffCookieName: string;
}

/** Changes are remembered this long: no audience cookie lives longer without a new request. */
const rememberChangesMs = 31 * 24 * 60 * 60 * 1000;

export type ReaderAudience = ReturnType<typeof createReaderAudience>;

/**
 * Signs and reads audience cookies with a key made once and kept in the database, so every
 * process and node agrees. A member whose entitlement changed is remembered in memory
 * (domain events reach every process), and cookies issued before the change stop counting.
 */
export function createReaderAudience(deps: ReaderAudienceDeps) {
  let key: Buffer | null = null;
  const changedAt = new Map<string, number>();

  return {
    /** Loads the signing key, making it on first start. Call before serving requests. */
    async load(): Promise<void> {
      if (key !== null) return;
      let stored = await findMemberSecret(deps.db, 'audience-cookie');
      if (stored === undefined) {
        await insertMemberSecret(deps.db, {
          name: 'audience-cookie',
          value: randomBytes(32).toString('base64url'),
          created_at: toTimestamp(deps.clock.now()),
        });
        stored = await findMemberSecret(deps.db, 'audience-cookie');
      }
      if (stored !== undefined) key = Buffer.from(stored, 'base64url');
    },

    noteChange(memberId: string, at: Date): void {
      changedAt.set(memberId, Math.max(at.getTime(), changedAt.get(memberId) ?? 0));
      if (changedAt.size > 100_000) {
        const horizon = deps.clock.now().getTime() - rememberChangesMs;
        for (const [id, time] of changedAt) if (time < horizon) changedAt.delete(id);
      }
    },

    /** A cookie value for a member's audience, valid until `expiresAt`; null before `load`. */
    sign(audience: CookieAudience, memberId: string, expiresAt: Date): string | null {
      if (key === null) return null;
      return signAudience(key, {
        audience,
        memberId,
        issuedAt: deps.clock.now().getTime(),
        expiresAt: expiresAt.getTime(),
      });
    },

    /** The audience a trusted audience cookie value states, or null. */
    verify(value: string | undefined): CookieAudience | null {
      if (key === null || value === undefined || value === '') return null;
      const claim = verifyAudience(key, value, deps.clock.now().getTime());
      if (claim === null) return null;
      const changed = changedAt.get(claim.memberId);
      if (changed !== undefined && claim.issuedAt <= changed) return null;
      return claim.audience;
    },

    /**
     * The audience of a raw request for the page cache, without the database, or null when
     * the cache must stay out of it: staff, API tokens, or member cookies it cannot trust.
     */
    audienceOfHeaders(headers: {
      readonly cookie?: string | undefined;
      readonly authorization?: string | undefined;
    }): Audience | null {
      if (headers.authorization !== undefined) return null;
      const cookie = headers.cookie;
      if (cookie === undefined || cookie === '') return 'anonymous';
      if (cookie.includes(`${deps.staffCookieName}=`)) return null;
      const hasSession = cookie.includes(`${memberCookieName}=`);
      const audienceValue = readCookie(cookie, audienceCookieName);
      if (!hasSession) return audienceValue === undefined ? 'anonymous' : null;
      return this.verify(audienceValue);
    },
  };
}
