import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { MailTransport } from './mail-transport.js';

/** A rendered message before it is addressed from the newsroom and named. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** A From of its own (a newsletter's sender); the newsroom's when left out. */
  readonly from?: string;
  readonly replyTo?: string;
  /** Extra header fields, e.g. `List-Unsubscribe` on newsletter e-mail. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface MailerDeps {
  readonly transport: MailTransport;
  readonly clock: Clock;
  /** The site's public URL; its host names the Message-IDs. */
  readonly siteUrl: string;
  /** The From address, read at each send so a renamed site signs its mail with the new name. */
  readonly from: () => Promise<string>;
  /** Told after each message the transport accepted, for the metrics. */
  readonly onSent?: () => void;
}

export interface Mailer {
  readonly transportKind: MailTransport['kind'];
  /**
   * Submits one message. `key` names it for good: the same key always gives the same
   * Message-ID, so a retried job replaces its outbox copy instead of adding a second one.
   */
  send(message: MailMessage, key: string): Promise<void>;
}

/** `{32 hex}@{site host}`: stable for a key, and reveals nothing of it. */
export function toMessageId(key: string, siteUrl: string): string {
  const local = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
  return `${local}@${new URL(siteUrl).hostname}`;
}

export function createMailer(deps: MailerDeps): Mailer {
  const { transport, clock, siteUrl } = deps;
  return {
    transportKind: transport.kind,
    async send(message, key) {
      await transport.send({
        ...message,
        from: message.from ?? (await deps.from()),
        messageId: toMessageId(key, siteUrl),
        date: clock.now(),
      });
      deps.onSent?.();
    },
  };
}
