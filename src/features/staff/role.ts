/** Staff roles, from least to most trusted. */
export const roles = ['contributor', 'author', 'editor', 'administrator', 'owner'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

/** True when `role` is `minimum` or more trusted. */
export function hasAtLeast(role: Role, minimum: Role): boolean {
  return roleRank(role) >= roleRank(minimum);
}
