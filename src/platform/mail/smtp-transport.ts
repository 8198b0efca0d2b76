import { createTransport } from 'nodemailer';
import type { MailTransport } from './mail-transport.js';
import { toNodemailerMessage } from './mime-message.js';

/** Connections kept open to the SMTP server when none is configured. */
export const defaultSmtpConnections = 5;

/**
 * Hands each message to an SMTP server (`MASTHEAD_SMTP_URL`, `smtp://user:pass@host:port`
 * or `smtps://…`) over a pool of kept-open connections, so a newsletter send does not
 * open one per message. A refusal by the server rejects, so the job tries again later.
 */
export function createSmtpTransport(deps: { url: string; maxConnections?: number }): MailTransport {
  const transporter = createTransport({
    url: deps.url,
    pool: true,
    maxConnections: deps.maxConnections ?? defaultSmtpConnections,
    maxMessages: Infinity,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail(toNodemailerMessage(mail));
      if (info.accepted.length === 0) {
        throw new Error(`The SMTP server accepted no recipient of "${mail.subject}".`);
      }
    },
    close: () => Promise.resolve(transporter.close()),
  };
}
