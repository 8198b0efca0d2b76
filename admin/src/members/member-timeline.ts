import type { MemberEventResource } from '../../../src/features/members/member.schemas.js';

/** One timeline entry in words. */
export function describeEvent(event: MemberEventResource): string {
  const d = event.detail;
  switch (event.kind) {
    case 'signed-up':
      return 'Signed up';
    case 'imported':
      return `Imported (${d.status ?? 'free'})`;
    case 'confirmed':
      return 'Confirmed their e-mail address';
    case 'comped':
      return d.until ? `Comped until ${d.until.slice(0, 10)}` : 'Comped with no end date';
    case 'comp-removed':
      return 'Comp ended';
    case 'email-changed':
      return `E-mail changed from ${d.from ?? '?'} to ${d.to ?? '?'}`;
    case 'name-changed':
      return 'Changed their name';
    case 'label-added':
      return `Label “${d.label ?? ''}” added`;
    case 'label-removed':
      return `Label “${d.label ?? ''}” removed`;
    case 'note-added':
      return 'Note added';
    case 'signed-out-everywhere':
      return 'Signed out everywhere';
    default:
      return event.kind.replace(/-/g, ' ');
  }
}
