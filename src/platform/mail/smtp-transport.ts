import { createTransport } from 'nodemailer';
import type { MailTransport } from './mail-transport.js';
import { toNodemailerMessage } from './mime-message.js';

/**
 * Hands each message to an SMTP server (`MASTHEAD_SMTP_URL`, `smtp://user:pass@host:port`
 * or `smtps://…`). A refusal by the server rejects, so the mail job tries again later.
 */
export function createSmtpTransport(deps: { url: string }): MailTransport {
  const transporter = createTransport(deps.url);
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
