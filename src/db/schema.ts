import type { MediaTable } from '../features/content/media.table.js';
import type { PendingChangesTable } from '../features/content/pending-changes.table.js';
import type { PostBinTable, PostNoteTable } from '../features/content/post-desk.table.js';
import type {
  PostAuthorTable,
  PostRevisionTable,
  PostTable,
  PostTagTable,
  SlugRedirectTable,
} from '../features/content/post.table.js';
import type { TagTable } from '../features/content/tag.table.js';
import type { EditorsPickTable } from '../features/curation/editors-pick.table.js';
import type {
  FeedChangeTable,
  FeedEntrySectionTable,
  FeedEntryTable,
} from '../features/live/feed-entry.table.js';
import type { RedirectTable } from '../features/redirects/redirect.table.js';
import type {
  MemberEventTable,
  MemberLabelTable,
  MemberLinkTable,
  MemberNoteTable,
  MemberSecretTable,
  MemberSessionTable,
  MemberTable,
} from '../features/members/member.table.js';
import type { SettingTable } from '../features/settings/setting.table.js';
import type {
  ApiTokenTable,
  AuditLogTable,
  StaffSessionTable,
  StaffUserTable,
} from '../features/staff/staff.table.js';
import type {
  PasswordResetTable,
  StaffInvitationTable,
} from '../features/staff/staff-access.table.js';
import type { DomainEventTable } from '../platform/events/domain-event.table.js';
import type { CdnPurgeRequestTable } from '../platform/cdn/cdn-purge.table.js';
import type { JobTable } from '../platform/jobs/job.table.js';
import type {
  NarrationLexiconTable,
  NarrationSectionVoiceTable,
  NarrationTable,
} from '../features/narration/narration.table.js';
import type { PaymentEventTable } from '../platform/payments/payment-event.table.js';
import type {
  TestPaymentSessionTable,
  TestPaymentSubscriptionTable,
} from '../platform/payments/test-payments.table.js';
import type {
  CheckoutTable,
  DonationTable,
  GiftTable,
  MembershipPriceTable,
  MembershipTierTable,
  PaymentCustomerTable,
  PaymentTable,
  SubscriptionTable,
} from '../features/memberships/memberships.table.js';
import type {
  PostPresenceTable,
  PostSnapshotTable,
} from '../features/content/post-collaboration.table.js';
import type {
  CampaignContributionTable,
  CampaignTable,
  CampaignVariantTable,
} from '../features/campaigns/campaign.table.js';
import type {
  ConsentTable,
  DeliveryTable,
  IssueTable,
  NewsletterKeyTable,
  NewsletterTable,
  SignupTable,
  SubscriberTable,
  SubscriptionTable as NewsletterSubscriptionTable,
  SuppressionTable,
} from '../features/newsletters/newsletter.table.js';

/** Every table Masthead owns; each feature declares its own table types. */
export interface Database {
  settings: SettingTable;
  media: MediaTable;
  staff_users: StaffUserTable;
  staff_sessions: StaffSessionTable;
  staff_password_resets: PasswordResetTable;
  staff_invitations: StaffInvitationTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  tags: TagTable;
  posts: PostTable;
  post_tags: PostTagTable;
  post_authors: PostAuthorTable;
  post_revisions: PostRevisionTable;
  slug_redirects: SlugRedirectTable;
  post_pending_changes: PendingChangesTable;
  jobs: JobTable;
  domain_events: DomainEventTable;
  editors_picks: EditorsPickTable;
  feed_entries: FeedEntryTable;
  feed_entry_sections: FeedEntrySectionTable;
  feed_changes: FeedChangeTable;
  redirects: RedirectTable;
  cdn_purge_requests: CdnPurgeRequestTable;
  members: MemberTable;
  member_labels: MemberLabelTable;
  member_notes: MemberNoteTable;
  member_events: MemberEventTable;
  member_sessions: MemberSessionTable;
  member_links: MemberLinkTable;
  member_secrets: MemberSecretTable;
  post_notes: PostNoteTable;
  post_bin: PostBinTable;
  narrations: NarrationTable;
  narration_lexicon: NarrationLexiconTable;
  narration_section_voices: NarrationSectionVoiceTable;
  membership_tiers: MembershipTierTable;
  membership_prices: MembershipPriceTable;
  checkouts: CheckoutTable;
  payment_customers: PaymentCustomerTable;
  subscriptions: SubscriptionTable;
  payments: PaymentTable;
  gifts: GiftTable;
  donations: DonationTable;
  payment_events: PaymentEventTable;
  test_payment_sessions: TestPaymentSessionTable;
  test_payment_subscriptions: TestPaymentSubscriptionTable;
  post_snapshots: PostSnapshotTable;
  post_presence: PostPresenceTable;
  campaigns: CampaignTable;
  campaign_variants: CampaignVariantTable;
  campaign_contributions: CampaignContributionTable;
  newsletters: NewsletterTable;
  newsletter_subscribers: SubscriberTable;
  newsletter_subscriptions: NewsletterSubscriptionTable;
  newsletter_signups: SignupTable;
  newsletter_consents: ConsentTable;
  email_suppressions: SuppressionTable;
  newsletter_issues: IssueTable;
  newsletter_deliveries: DeliveryTable;
  newsletter_keys: NewsletterKeyTable;
}
