import { isDatabaseBusy } from '../../db/database-busy.js';
import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { invalid, notFound } from '../../platform/errors.js';
import { newId, newSecret } from '../../platform/ids.js';
import type { Actor } from './actor.js';
import {
  findApiTokenById,
  findUsableApiTokenByHash,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
} from './api-token.repository.js';
import {
  decideTokenActingRole,
  decideTokenOwner,
  ensureMayCreateToken,
} from './api-token-rules.js';
import type { AuditService } from './audit.service.js';
import { ensureCan, ensureRoleWithin } from './permissions.js';
import { isRole, type Role } from './role.js';
import { findStaffUserById } from './staff.repository.js';
import { toSecretHash } from './secret-hash.js';
import type { ApiTokenRow } from './staff.table.js';

export const apiTokenPrefix = 'mh_';
export const apiTokenNameLimit = 100;
/** `last_used_at` is a hint for people tidying up tokens, so it is written at most this often. */
const lastUsedResolutionMs = 60_000;

/** An API token as staff see it in the CMS; the secret itself is never stored. */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The staff user the token belongs to; null for a newsroom-wide integration. */
  readonly userId: string | null;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface NewApiToken {
  readonly name: string;
  readonly role: Role;
  /** Defaults to the actor's own staff user (none for Masthead itself); null for none. */
  readonly userId?: string | null;
}

export interface CreatedApiToken {
  /** Shown once: `mh_` and 43 URL-safe characters. */
  readonly token: string;
  readonly record: ApiToken;
}

export interface ApiTokenServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
}

export interface ApiTokenService {
  createToken(actor: Actor, input: NewApiToken): Promise<CreatedApiToken>;
  /** The actor behind a bearer token; null when unknown, revoked, or its owner is suspended. */
  resolveToken(token: string): Promise<Actor | null>;
  /** Revoking a revoked token changes nothing. */
  revokeToken(actor: Actor, id: string): Promise<ApiToken>;
  listTokens(actor: Actor): Promise<ApiToken[]>;
  /** Notes a write made with a token in the audit log: which token, which route, the outcome. */
  recordTokenWrite(actor: Actor, write: TokenWrite): Promise<void>;
}

export interface TokenWrite {
  readonly method: string;
  /** The route's pattern (`/api/admin/staff/:id`), never the URL: paths may carry secrets. */
  readonly route: string;
  readonly status: number;
}

function toRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role in the database: ${value}`);
  return value;
}

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: toRole(row.role),
    userId: row.user_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function createApiTokenService(deps: ApiTokenServiceDeps): ApiTokenService {
  const { db, clock, audit } = deps;

  return {
    createToken: async (actor, input) => {
      const userId = decideTokenOwner(actor, input.userId);
      ensureMayCreateToken(actor, { role: input.role, userId });
      const name = input.name.trim();
      if (name === '' || name.length > apiTokenNameLimit) {
        throw invalid([
          {
            field: 'name',
            message: `Please enter a name of 1 to ${apiTokenNameLimit} characters.`,
          },
        ]);
      }
      const token = `${apiTokenPrefix}${newSecret(32)}`;
      return db.transaction().execute(async (trx) => {
        if (userId !== null && (await findStaffUserById(trx, userId)) === undefined) {
          throw invalid([{ field: 'userId', message: 'is not a staff account' }]);
        }
        const row = await insertApiToken(trx, {
          id: newId(),
          name,
          role: input.role,
          token_hash: toSecretHash(token),
          user_id: userId,
          created_at: toTimestamp(clock.now()),
          last_used_at: null,
          revoked_at: null,
        });
        const record = toApiToken(row);
        await audit.record(
          trx,
          actor,
          'token.created',
          { type: 'token', id: record.id },
          {
            name: record.name,
            role: record.role,
            userId: record.userId,
          },
        );
        return { token, record };
      });
    },

    resolveToken: async (token) => {
      if (!token.startsWith(apiTokenPrefix)) return null;
      const found = await findUsableApiTokenByHash(db, toSecretHash(token));
      if (found === undefined) return null;
      const { token: row, userStatus, userRole } = found;
      // Decided afresh at every request: a token never outranks the person it belongs to,
      // even after they are demoted, and stops when they are suspended or removed.
      const owner =
        row.user_id === null
          ? null
          : userStatus === null || userRole === null
            ? 'missing'
            : { role: toRole(userRole), status: userStatus };
      const role = decideTokenActingRole(toRole(row.role), owner);
      if (role === null) return null;
      const now = clock.now();
      if (
        row.last_used_at === null ||
        Date.parse(row.last_used_at) <= now.getTime() - lastUsedResolutionMs
      ) {
        const staleAt = toTimestamp(new Date(now.getTime() - lastUsedResolutionMs));
        try {
          await touchApiToken(db, row.id, toTimestamp(now), staleAt);
        } catch (error) {
          // Only a hint: a busy database must not turn a read into a refusal.
          if (!isDatabaseBusy(error)) throw error;
        }
      }
      return { id: `token:${row.id}`, kind: 'token', userId: row.user_id, name: row.name, role };
    },

    revokeToken: async (actor, id) => {
      ensureCan(actor, 'token.manage', 'revoke API tokens');
      return db.transaction().execute(async (trx) => {
        const existing = await findApiTokenById(trx, id);
        if (existing === undefined) throw notFound('That API token');
        const current = toApiToken(existing);
        ensureRoleWithin(actor, current.role, 'revoke that token');
        if (current.revokedAt !== null) return current;
        const row = await revokeApiToken(trx, id, toTimestamp(clock.now()));
        if (row === undefined) return current;
        await audit.record(trx, actor, 'token.revoked', { type: 'token', id }, { name: row.name });
        return toApiToken(row);
      });
    },

    listTokens: async (actor) => {
      ensureCan(actor, 'token.manage', 'see API tokens');
      return (await listApiTokens(db)).map(toApiToken);
    },

    recordTokenWrite: async (actor, write) => {
      if (actor.kind !== 'token') return;
      const id = actor.id.slice('token:'.length);
      await audit.record(db, actor, 'token.used', { type: 'token', id }, { ...write });
    },
  };
}
