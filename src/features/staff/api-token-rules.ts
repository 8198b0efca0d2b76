import { AppError } from '../../platform/errors.js';
import type { Actor } from './actor.js';
import { ensureCan, ensureRoleWithin } from './permissions.js';
import { roleRank, type Role } from './role.js';

/**
 * Who a new token belongs to: `undefined` means the person creating it. A token with an
 * owner acts with at most its owner's role at every request and stops with their account.
 */
export function decideTokenOwner(
  actor: Actor,
  requested: string | null | undefined,
): string | null {
  return requested === undefined ? actor.userId : requested;
}

/**
 * The checks for creating a token (see CONTEXT.md). Tokens are made by people signed in as
 * themselves, or by Masthead itself (the CLI): a token that could mint tokens would let a
 * leaked one outlive its revocation. A person makes tokens that act for themselves, or —
 * administrators and owners only — newsroom-wide tokens that act for nobody in particular.
 */
export function ensureMayCreateToken(
  actor: Actor,
  token: { readonly role: Role; readonly userId: string | null },
): void {
  ensureCan(actor, 'token.manage', 'create API tokens');
  ensureRoleWithin(actor, token.role, 'create a token with that role');
  if (actor.kind === 'system') return;
  if (actor.kind === 'token') {
    throw new AppError(
      'forbidden',
      'An API token cannot create API tokens. Sign in to the CMS to create one.',
    );
  }
  if (token.userId !== null && token.userId !== actor.userId) {
    throw new AppError('forbidden', 'You can create tokens only for yourself or the newsroom.', [
      { field: 'userId', message: 'must be your own account, or null for the newsroom' },
    ]);
  }
}

/**
 * The role a token acts with now: its own, lowered to its owner's current role. Null when
 * it must not act at all: its owner is suspended or no longer exists.
 */
export function decideTokenActingRole(
  tokenRole: Role,
  owner: { readonly role: Role; readonly status: string } | null | 'missing',
): Role | null {
  if (owner === null) return tokenRole;
  if (owner === 'missing' || owner.status !== 'active') return null;
  return roleRank(owner.role) < roleRank(tokenRole) ? owner.role : tokenRole;
}
