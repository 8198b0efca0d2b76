/** A named list readers subscribe to. */
export const newsletterAudiences = ['everyone', 'members', 'paying'] as const;
export type NewsletterAudience = (typeof newsletterAudiences)[number];

export const newsletterStatuses = ['active', 'archived'] as const;
export type NewsletterStatus = (typeof newsletterStatuses)[number];

export interface Newsletter {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** The named correspondent who writes it, if any. */
  readonly authorName: string;
  /** The From name; the site's when empty. */
  readonly senderName: string;
  /** The From address; the site's when null. */
  readonly senderEmail: string | null;
  readonly replyTo: string | null;
  /** How often it comes, in words ("Every weekday morning"). */
  readonly cadence: string;
  readonly audience: NewsletterAudience;
  readonly status: NewsletterStatus;
  readonly sortOrder: number;
  /** Drafts an issue each morning from the latest articles, for an editor to send. */
  readonly briefing: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** pending → confirmed → unsubscribed; confirmed → bounced (a hard bounce or complaint). */
export const subscriptionStatuses = ['pending', 'confirmed', 'unsubscribed', 'bounced'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** queued → sending → submitted, or failed; submitted → bounced when the provider says so. */
export const deliveryStatuses = ['queued', 'sending', 'submitted', 'failed', 'bounced'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const issueStatuses = ['draft', 'scheduled', 'sending', 'sent'] as const;
export type IssueStatus = (typeof issueStatuses)[number];

export const issueOrigins = ['article', 'written', 'briefing'] as const;
export type IssueOrigin = (typeof issueOrigins)[number];

/** Pending sign-ups wait this long for their confirmation. */
export const signupLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** The words shown beside every sign-up form; kept with each consent record. */
export const signupWording =
  'Enter your e-mail address to subscribe. We will send you a confirmation e-mail first; every newsletter has a link to unsubscribe.';

/** Whether a reader with this entitlement may subscribe to a newsletter of this audience. */
export function canSubscribe(
  audience: NewsletterAudience,
  entitlement: 'anonymous' | 'member' | 'paying' | 'staff',
): boolean {
  switch (audience) {
    case 'everyone':
      return true;
    case 'members':
      return entitlement !== 'anonymous';
    case 'paying':
      return entitlement === 'paying' || entitlement === 'staff';
  }
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function toAudience(value: string): NewsletterAudience {
  return isOneOf(newsletterAudiences, value) ? value : 'everyone';
}

export function toNewsletterStatus(value: string): NewsletterStatus {
  return isOneOf(newsletterStatuses, value) ? value : 'archived';
}

export function toSubscriptionStatus(value: string): SubscriptionStatus {
  return isOneOf(subscriptionStatuses, value) ? value : 'pending';
}

export function toDeliveryStatus(value: string): DeliveryStatus {
  return isOneOf(deliveryStatuses, value) ? value : 'queued';
}

export function toIssueStatus(value: string): IssueStatus {
  return isOneOf(issueStatuses, value) ? value : 'draft';
}

export function toIssueOrigin(value: string): IssueOrigin {
  return isOneOf(issueOrigins, value) ? value : 'written';
}
