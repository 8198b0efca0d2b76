/** A reader with an account. */
export const memberStatuses = ['free', 'paid', 'gift', 'comped'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export function isMemberStatus(value: string): value is MemberStatus {
  return (memberStatuses as readonly string[]).includes(value);
}

export interface Member {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly status: MemberStatus;
  /** When a gift or comp ends; null when it runs on. */
  readonly statusUntil: Date | null;
  readonly labels: readonly string[];
  readonly createdAt: Date;
  readonly confirmedAt: Date | null;
  readonly lastSeenAt: Date | null;
}

/** What happened to a member, in the words the timeline shows. */
export const memberEventKinds = [
  'signed-up',
  'imported',
  'confirmed',
  'signed-in',
  'paid',
  'gift-redeemed',
  'comped',
  'comp-removed',
  'cancelled',
  'status-changed',
  'email-changed',
  'name-changed',
  'label-added',
  'label-removed',
  'note-added',
  'signed-out-everywhere',
  'renewed',
  'payment-failed',
  'cancellation-requested',
  'lapsed',
  'refunded',
  'plan-changed',
  'donated',
] as const;
export type MemberEventKind = (typeof memberEventKinds)[number];

export interface MemberEvent {
  readonly id: string;
  readonly kind: MemberEventKind;
  readonly detail: Readonly<Record<string, string | null>>;
  /** The staff member who did it; null when the member did it themselves. */
  readonly actorName: string | null;
  readonly at: Date;
}

export interface MemberNote {
  readonly id: string;
  readonly body: string;
  readonly authorName: string;
  readonly at: Date;
}
