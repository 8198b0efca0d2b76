/** What an Amazon SES notification tells about one message, read once at the edge. */
export type SesOutcome =
  | {
      readonly kind: 'bounce';
      readonly permanent: boolean;
      readonly recipients: readonly string[];
      readonly detail: string;
    }
  | { readonly kind: 'complaint'; readonly recipients: readonly string[]; readonly detail: string }
  | { readonly kind: 'other' };

interface SesWire {
  notificationType?: unknown;
  eventType?: unknown;
  bounce?: { bounceType?: unknown; bounceSubType?: unknown; bouncedRecipients?: unknown };
  complaint?: { complaintFeedbackType?: unknown; complainedRecipients?: unknown };
}

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const address = (item as { emailAddress?: unknown } | null)?.emailAddress;
    return typeof address === 'string' ? [address] : [];
  });
}

/**
 * Reads the SNS `Message` of an SES notification (the feedback notifications' shape with
 * `notificationType`, or event publishing's with `eventType`).
 */
export function readSesNotification(message: string): SesOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return { kind: 'other' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'other' };
  const wire = parsed as SesWire;
  const type = wire.notificationType ?? wire.eventType;
  if (type === 'Bounce' && wire.bounce !== undefined) {
    const subtype = typeof wire.bounce.bounceSubType === 'string' ? wire.bounce.bounceSubType : '';
    return {
      kind: 'bounce',
      permanent: wire.bounce.bounceType === 'Permanent',
      recipients: addresses(wire.bounce.bouncedRecipients),
      detail: `SES ${String(wire.bounce.bounceType)} bounce ${subtype}`.trim(),
    };
  }
  if (type === 'Complaint' && wire.complaint !== undefined) {
    const feedback =
      typeof wire.complaint.complaintFeedbackType === 'string'
        ? wire.complaint.complaintFeedbackType
        : 'complaint';
    return {
      kind: 'complaint',
      recipients: addresses(wire.complaint.complainedRecipients),
      detail: `SES ${feedback}`,
    };
  }
  return { kind: 'other' };
}
