import type { Role } from './role.js';

/**
 * Whoever is doing something: a signed-in staff user, an API token, or Masthead itself
 * (scheduled jobs, the demo seed). Services take an Actor and enforce roles themselves.
 */
export interface Actor {
  /** `user:{id}`, `token:{id}` or `system`; stored as `created_by` and in the audit log. */
  readonly id: string;
  readonly kind: 'user' | 'token' | 'system';
  /** The staff user behind the actor: the signed-in user, or the token's owner. */
  readonly userId: string | null;
  readonly name: string;
  readonly role: Role;
}

export const systemActor: Actor = {
  id: 'system',
  kind: 'system',
  userId: null,
  name: 'Masthead',
  role: 'owner',
};
