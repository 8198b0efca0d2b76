import { AppError } from '../../platform/errors.js';
import type { Actor } from './actor.js';
import { hasAtLeast, type Role } from './role.js';

/**
 * What each role may do. Ownership-dependent rules (an author publishing their own post)
 * are decided by the feature's service with `isOwnerOf` and these minimums.
 */
export const permissions = {
  'post.create': 'contributor',
  'post.edit-own': 'contributor',
  'post.edit-any': 'editor',
  'post.publish-own': 'author',
  'post.publish-any': 'editor',
  'post.delete-any': 'editor',
  'tag.manage': 'editor',
  'feed.manage': 'editor',
  'picks.manage': 'editor',
  'media.upload': 'contributor',
  'media.manage': 'editor',
  'staff.read': 'contributor',
  'staff.manage': 'administrator',
  'token.manage': 'administrator',
  'audit.read': 'administrator',
  'jobs.manage': 'administrator',
  'settings.manage': 'administrator',
  'settings.read': 'contributor',
  'post.review': 'editor',
  'outbox.read': 'administrator',
  'redirects.manage': 'editor',
  'members.read': 'editor',
  'members.manage': 'administrator',
  'narration.manage': 'editor',
  'revenue.read': 'administrator',
  'revenue.manage': 'administrator',
  'campaigns.manage': 'editor',
  'newsletters.manage': 'editor',
  'newsletters.subscribers': 'administrator',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof permissions;

export function can(actor: Actor, permission: Permission): boolean {
  return hasAtLeast(actor.role, permissions[permission]);
}

/** Throws a 403 `forbidden` AppError naming what the actor's role lacks. */
export function ensureCan(actor: Actor, permission: Permission, what: string): void {
  if (!can(actor, permission)) {
    throw new AppError(
      'forbidden',
      `Your role (${actor.role}) cannot ${what}. Ask an ${permissions[permission]} or above.`,
    );
  }
}

/**
 * Throws a 403 `forbidden` AppError when `role` is above the actor's own: nobody hands out
 * more trust than they hold, so only an owner (or Masthead itself) can make an owner.
 */
export function ensureRoleWithin(actor: Actor, role: Role, what: string): void {
  if (!hasAtLeast(actor.role, role)) {
    throw new AppError(
      'forbidden',
      `Your role (${actor.role}) is below ${role}, so you cannot ${what}.`,
    );
  }
}
