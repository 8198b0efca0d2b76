import { hasAtLeast, roles, type Role } from '../../../src/features/staff/role.js';
import type { Choice } from '../ui/fields.js';

export const roleLabels: Record<Role, string> = {
  contributor: 'Contributor: writes drafts',
  author: 'Author: publishes their own posts',
  editor: 'Editor: publishes any post, runs curation',
  administrator: 'Administrator: staff, settings, tokens',
  owner: 'Owner',
};

/** The roles someone may hand out: never above their own. */
export function roleChoicesFor(own: Role): Choice[] {
  return roles
    .filter((role) => hasAtLeast(own, role))
    .map((role) => ({ value: role, label: roleLabels[role] }));
}
