import type { BulkMail, BulkRecipient, OutgoingMail } from './mail-transport.js';

/** Every slot name of a bulk mail, as a pattern that splits text at them (keeping them). */
export function toSlotPattern(slots: readonly string[]): RegExp {
  for (const slot of slots) {
    if (!/^__[A-Z][A-Z0-9_]*__$/.test(slot)) throw new Error(`"${slot}" is not a slot name.`);
  }
  return slots.length === 0 ? /(?!)/ : new RegExp(`(${slots.join('|')})`);
}

/** Fills a text's slots with a recipient's values. */
export function fillSlots(
  text: string,
  pattern: RegExp,
  values: Readonly<Record<string, string>>,
): string {
  return text
    .split(pattern)
    .map((piece, i) => (i % 2 === 1 ? (values[piece] ?? '') : piece))
    .join('');
}

/** One recipient's whole message of a bulk mail, as `send` takes it. */
export function toOutgoingMail(mail: BulkMail, recipient: BulkRecipient): OutgoingMail {
  const pattern = toSlotPattern(mail.slots);
  const fill = (text: string) => fillSlots(text, pattern, recipient.slots);
  const headers = { ...mail.headers, ...recipient.headers };
  return {
    from: mail.from,
    to: recipient.to,
    subject: mail.subject,
    text: fill(mail.text),
    html: fill(mail.html),
    messageId: recipient.messageId,
    date: recipient.date,
    ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
    headers: Object.fromEntries(Object.entries(headers).map(([name, v]) => [name, fill(v)])),
  };
}
