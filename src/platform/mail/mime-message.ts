import { createTransport } from 'nodemailer';
import type { OutgoingMail } from './mail-transport.js';

/** Header values are single lines: a line break would start a header of its own. */
function toHeaderLines(
  headers: Readonly<Record<string, string>>,
): Record<string, { prepared: true; value: string }> {
  const lines: Record<string, { prepared: true; value: string }> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) throw new Error(`"${name}" is not a header name.`);
    // Prepared: written as given (ASCII, one line), not re-encoded; `List-Id`'s quoted
    // phrase and the unsubscribe URLs must reach mail programs exactly as made.
    lines[name] = { prepared: true, value: value.replace(/[\r\n]+/g, ' ') };
  }
  return lines;
}

/** The fields nodemailer needs for a message, the same for every adapter. */
export function toNodemailerMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
    date: mail.date,
    ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
    ...(mail.headers === undefined ? {} : { headers: toHeaderLines(mail.headers) }),
  };
}

/** The message as a complete RFC 5322 document (`.eml`): headers, text and HTML parts. */
export async function buildMimeMessage(mail: OutgoingMail): Promise<Buffer> {
  // nodemailer's stream transport composes the MIME document and sends it nowhere.
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await composer.sendMail(toNodemailerMessage(mail));
  if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer did not return the message.');
  return info.message;
}
