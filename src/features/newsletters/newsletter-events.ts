/** A newsletter was added or changed: the sign-up blocks on reader pages may offer others. */
export interface NewsletterChanged {
  readonly newsletterId: string;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'newsletter.changed': NewsletterChanged;
  }
}
