/** A staff member's public profile (name, job title, bio, photo) changed. */
export interface StaffProfileChanged {
  readonly slug: string;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'staff.profile-changed': StaffProfileChanged;
  }
}
