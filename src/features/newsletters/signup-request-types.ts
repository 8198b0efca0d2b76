/** What a reader's sign-up asks for, and the states of its confirmation and preferences. */
import type { Newsletter, SubscriptionStatus } from './newsletter.js';

export interface SignupRequest {
  readonly email: string;
  readonly newsletterIds: readonly string[];
  /** The page the form was on, as the reader saw it. */
  readonly sourcePage: string;
  readonly ip: string;
  /** The signed-in member, whose own address needs no confirmation. */
  readonly member: {
    readonly email: string;
    readonly entitlement: 'member' | 'paying' | 'staff';
  } | null;
}

export type ConfirmationState = 'ready' | 'used' | 'expired' | 'unknown';

export interface Preferences {
  readonly email: string;
  readonly newsletters: readonly {
    readonly newsletter: Newsletter;
    readonly status: SubscriptionStatus | null;
  }[];
}
