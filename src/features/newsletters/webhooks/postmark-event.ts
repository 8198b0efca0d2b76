/** What a Postmark webhook says about one address, read once at the edge. */
export type PostmarkOutcome =
  | {
      readonly kind: 'suppress';
      readonly reason: 'bounce' | 'complaint';
      readonly email: string;
      readonly detail: string;
    }
  | { readonly kind: 'other' };

/** Bounce types after which Postmark itself stops sending to the address. */
const hardBounces = new Set([
  'HardBounce',
  'BadEmailAddress',
  'ManuallyDeactivated',
  'SpamNotification',
  'Blocked',
]);

export function readPostmarkEvent(body: unknown): PostmarkOutcome {
  if (typeof body !== 'object' || body === null) return { kind: 'other' };
  const event = body as {
    RecordType?: unknown;
    Type?: unknown;
    Email?: unknown;
    Recipient?: unknown;
    SuppressSending?: unknown;
    SuppressionReason?: unknown;
  };
  const email =
    typeof event.Email === 'string'
      ? event.Email
      : typeof event.Recipient === 'string'
        ? event.Recipient
        : null;
  if (email === null) return { kind: 'other' };
  if (
    event.RecordType === 'Bounce' &&
    typeof event.Type === 'string' &&
    hardBounces.has(event.Type)
  ) {
    return {
      kind: 'suppress',
      reason: event.Type === 'SpamNotification' ? 'complaint' : 'bounce',
      email,
      detail: `Postmark ${event.Type}`,
    };
  }
  if (event.RecordType === 'SpamComplaint') {
    return { kind: 'suppress', reason: 'complaint', email, detail: 'Postmark spam complaint' };
  }
  if (event.RecordType === 'SubscriptionChange' && event.SuppressSending === true) {
    const why =
      typeof event.SuppressionReason === 'string' ? event.SuppressionReason : 'suppressed';
    return {
      kind: 'suppress',
      reason: why === 'SpamComplaint' ? 'complaint' : 'bounce',
      email,
      detail: `Postmark ${why}`,
    };
  }
  return { kind: 'other' };
}
