import type { MemberResource } from '../../../src/features/members/member.schemas.js';

const labels: Readonly<Record<MemberResource['status'], string>> = {
  free: 'Free',
  paid: 'Paying',
  gift: 'Gift',
  comped: 'Complimentary',
};

export const statusChoices = Object.entries(labels).map(([value, label]) => ({ value, label }));

export function statusLabel(status: MemberResource['status']): string {
  return labels[status];
}
