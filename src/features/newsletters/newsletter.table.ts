import type { Selectable } from 'kysely';

export interface NewsletterTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  author_name: string;
  sender_name: string;
  /** Null: the site's From address. */
  sender_email: string | null;
  reply_to: string | null;
  cadence: string;
  /** `everyone`, `members` or `paying`. */
  audience: string;
  /** `active` or `archived`. */
  status: string;
  sort_order: number;
  /** 1: an issue is drafted each morning from the latest articles. */
  briefing: number;
  created_at: string;
  updated_at: string;
}

export interface SubscriberTable {
  id: string;
  /** Lower-cased; one subscriber per address. */
  email: string;
  created_at: string;
  updated_at: string;
}

export interface SubscriptionTable {
  subscriber_id: string;
  newsletter_id: string;
  /** `pending`, `confirmed`, `unsubscribed` or `bounced`. */
  status: string;
  /** `form`, `member`, `import`. */
  source: string;
  created_at: string;
  confirmed_at: string | null;
  /** When it was unsubscribed or bounced. */
  ended_at: string | null;
}

export interface SignupTable {
  id: string;
  subscriber_id: string;
  /** `subscribe` or `change-address`. */
  purpose: string;
  /** JSON array of newsletter ids. */
  newsletter_ids: string;
  /** For `change-address`: the address to move to once it is confirmed. */
  new_email: string | null;
  /** SHA-256 of the confirmation token; null until the worker sends the e-mail. */
  token_hash: string | null;
  source_page: string;
  wording: string;
  client_hash: string;
  created_at: string;
  expires_at: string;
  sent_at: string | null;
  confirmed_at: string | null;
}

export interface ConsentTable {
  id: string;
  subscriber_id: string;
  newsletter_id: string;
  /** `requested`, `confirmed`, `member`, `imported`, `unsubscribed`. */
  kind: string;
  source_page: string;
  wording: string;
  client_hash: string;
  created_at: string;
}

export interface SuppressionTable {
  email: string;
  /** `bounce`, `complaint` or `manual`. */
  reason: string;
  /** `ses`, `postmark`, `staff`. */
  source: string;
  detail: string;
  created_at: string;
}

export interface IssueTable {
  id: string;
  newsletter_id: string;
  subject: string;
  preheader: string;
  post_id: string | null;
  /** JSON body document (written issues); `{}` for an article sent as an issue. */
  body: string;
  /** `article`, `written`, `briefing`. */
  origin: string;
  /** The day (`YYYY-MM-DD`) a drafted daily briefing is for; null for other issues. */
  briefing_day: string | null;
  /** `draft`, `scheduled`, `sending`, `sent`. */
  status: string;
  scheduled_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  recipients: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryTable {
  issue_id: string;
  subscriber_id: string;
  batch: number;
  email: string;
  /** `queued`, `sending`, `submitted`, `failed`, `bounced`. */
  status: string;
  /** The job attempt that last claimed the row; a later attempt takes over a dead one's rows. */
  claim: number;
  submitted_at: string | null;
  error: string | null;
}

export interface NewsletterKeyTable {
  name: string;
  value: string;
  created_at: string;
}

export type NewsletterRow = Selectable<NewsletterTable>;
export type SubscriberRow = Selectable<SubscriberTable>;
export type SubscriptionRow = Selectable<SubscriptionTable>;
export type SignupRow = Selectable<SignupTable>;
export type IssueRow = Selectable<IssueTable>;
export type DeliveryRow = Selectable<DeliveryTable>;
