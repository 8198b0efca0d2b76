import { createTransport } from 'nodemailer';
import { toOutgoingMail } from './bulk-mail.js';
import { prepareBulkMime } from './bulk-mime.js';
import type { MailTransport } from './mail-transport.js';
import { toNodemailerMessage } from './mime-message.js';

/** Connections kept open to the SMTP server when none is configured. */
export const defaultSmtpConnections = 5;

/**
 * Hands each message to an SMTP server (`MASTHEAD_SMTP_URL`, `smtp://user:pass@host:port`
 * or `smtps://…`) over a pool of kept-open connections, so a newsletter send does not
 * open one per message; nodemailer pipelines each envelope when the server allows it. A
 * refusal by the server rejects, so the job tries again later. A bulk mail is composed
 * once and each recipient's message is filled into it (`bulk-mime.ts`), handed over whole.
 */
export function createSmtpTransport(deps: { url: string; maxConnections?: number }): MailTransport {
  const transporter = createTransport({
    url: deps.url,
    pool: true,
    maxConnections: deps.maxConnections ?? defaultSmtpConnections,
    maxMessages: Infinity,
  });
  const submit = async (
    message: Parameters<typeof transporter.sendMail>[0],
    subject: string,
  ): Promise<void> => {
    const info = await transporter.sendMail(message);
    if (info.accepted.length === 0) {
      throw new Error(`The SMTP server accepted no recipient of "${subject}".`);
    }
  };
  return {
    kind: 'smtp',
    send: (mail) => submit(toNodemailerMessage(mail), mail.subject),
    prepareBulk(mail) {
      const prepared = prepareBulkMime(mail);
      // Marked as handled here; a failure reaches every send that awaits it.
      prepared.catch(() => undefined);
      return async (recipient) => {
        const mime = await prepared;
        const raw = mime.toRaw(recipient);
        if (raw === null) {
          await submit(toNodemailerMessage(toOutgoingMail(mail, recipient)), mail.subject);
          return;
        }
        // The message is whole already: given its Message-ID and a boundary, nodemailer
        // makes up neither (three random draws a message, a tenth of a send's CPU).
        await submit(
          {
            envelope: { from: mime.sender, to: [recipient.to] },
            raw,
            messageId: `<${recipient.messageId}>`,
            baseBoundary: 'masthead',
          },
          mail.subject,
        );
      };
    },
    close: () => Promise.resolve(transporter.close()),
  };
}
