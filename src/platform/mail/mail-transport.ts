/**
 * One e-mail as it leaves Masthead: addressed, rendered, and named by a Message-ID that a
 * retry of the same message reuses.
 */
export interface OutgoingMail {
  /** `Name <address>` or an address. */
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  /** The plain-text part; every message has one. */
  readonly text: string;
  /** The HTML part, styles already inlined. */
  readonly html: string;
  /** Without angle brackets, e.g. `3f2a…@news.example`. */
  readonly messageId: string;
  readonly date: Date;
  /** Where replies go, when not to the From. */
  readonly replyTo?: string;
  /**
   * Extra header fields of this one message (`List-Unsubscribe`, `List-Id`, `Precedence`…).
   * Values are single lines; adapters refuse none and add them as given.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Where e-mail goes: one adapter per way of sending. The embedded default keeps messages in
 * a local outbox (`outbox-transport.ts`); `smtp-transport.ts` hands them to an SMTP server.
 * "Submitted" means handed over, not delivered.
 */
export interface MailTransport {
  readonly kind: 'outbox' | 'smtp';
  /** Resolves once the message is submitted; rejects when it was not, so a job retries. */
  send(mail: OutgoingMail): Promise<void>;
  /** Closes open connections, if any. */
  close(): Promise<void>;
}
