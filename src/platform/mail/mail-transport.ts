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
 * Many messages alike but for their recipient (a newsletter issue): `text`, `html` and the
 * header values may hold slot names (`__NAME__`) that each recipient fills in. An adapter
 * may prepare the shared parts once, so a send does not compose a whole message each time.
 */
export interface BulkMail {
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly replyTo?: string;
  /** Header fields every message carries, as in `OutgoingMail.headers`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The slot names, each a run of capitals and underscores between double underscores. */
  readonly slots: readonly string[];
}

/** One recipient of a bulk mail: what differs from one message to the next. */
export interface BulkRecipient {
  readonly to: string;
  readonly messageId: string;
  readonly date: Date;
  /** A value for every slot of the mail (plain text; URLs in practice). */
  readonly slots: Readonly<Record<string, string>>;
  /** Header fields of this message alone (`List-Unsubscribe`…). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends one message of a prepared bulk mail; resolves and rejects as `send` does. */
export type BulkSender = (recipient: BulkRecipient) => Promise<void>;

/**
 * Where e-mail goes: one adapter per way of sending. The embedded default keeps messages in
 * a local outbox (`outbox-transport.ts`); `smtp-transport.ts` hands them to an SMTP server.
 * "Submitted" means handed over, not delivered.
 */
export interface MailTransport {
  readonly kind: 'outbox' | 'smtp';
  /** Resolves once the message is submitted; rejects when it was not, so a job retries. */
  send(mail: OutgoingMail): Promise<void>;
  /** Prepares a bulk mail for sending to many recipients, one message each. */
  prepareBulk(mail: BulkMail): BulkSender;
  /** Closes open connections, if any. */
  close(): Promise<void>;
}
