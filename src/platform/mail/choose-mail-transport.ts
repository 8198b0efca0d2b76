import type { MailTransport } from './mail-transport.js';
import { createOutboxTransport, type OutboxTransport } from './outbox-transport.js';
import { createSmtpTransport } from './smtp-transport.js';

/**
 * SMTP when `MASTHEAD_SMTP_URL` is set, else the local outbox. The outbox is returned as
 * well, for the Admin API to read; it is null with SMTP.
 */
export function chooseMailTransport(options: {
  smtpUrl: string | null;
  dataDir: string;
  smtpPool?: number;
}): {
  readonly transport: MailTransport;
  readonly outbox: OutboxTransport | null;
} {
  if (options.smtpUrl !== null) {
    const url = options.smtpUrl;
    const transport = createSmtpTransport(
      options.smtpPool === undefined ? { url } : { url, maxConnections: options.smtpPool },
    );
    return { transport, outbox: null };
  }
  const outbox = createOutboxTransport({ dataDir: options.dataDir });
  return { transport: outbox, outbox };
}
