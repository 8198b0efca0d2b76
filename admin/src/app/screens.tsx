import type { ComponentType } from 'preact';
import type { Role } from '../../../src/features/staff/role.js';
import { AccountPage } from '../account/account-page.js';
import { EditorsPicksPage } from '../curation/editors-picks-page.js';
import { lazyScreen } from './lazy-screen.js';
import { SectionsPage } from '../curation/sections-page.js';
import { RedirectsPage } from '../redirects/redirects-page.js';
import { MemberDetailPage } from '../members/member-detail-page.js';
import { MemberImportPage } from '../members/member-import-page.js';
import { MembersPage } from '../members/members-page.js';
import { RevenuePage } from '../revenue/revenue-page.js';
import { MediaLibraryPage } from '../media/media-library-page.js';
import { BinPage } from '../posts/bin-page.js';
import { NewslettersPage } from '../newsletters/newsletters-page.js';
import { DashboardPage } from '../posts/dashboard-page.js';
import { NewsFeedPage } from '../news-feed/news-feed-page.js';
import { PostsListPage } from '../posts/posts-list-page.js';
import { ReviewQueuePage } from '../review/review-queue-page.js';
import { OutboxPage } from '../settings/outbox-page.js';
import { SiteSettingsPage } from '../settings/site-settings-page.js';
import { ApiTokensPage } from '../staff/api-tokens-page.js';
import { StaffPage } from '../staff/staff-page.js';
import { NarrationPage } from '../narration/narration-page.js';
import { CampaignPage } from '../campaigns/campaign-page.js';
import { CampaignsPage } from '../campaigns/campaigns-page.js';

/**
 * Every signed-in screen of the CMS, in one list. A later feature (news feed, newsletters,
 * members, campaigns, narration) adds its screen here, with a `nav` entry under its group,
 * and the router and the navigation pick it up.
 */

export type NavGroup = 'Write' | 'Curate' | 'Run the site';
export const navGroups: readonly NavGroup[] = ['Write', 'Curate', 'Run the site'];

/** The post editor and ProseMirror are fetched when the editor first opens. */
const PostEditorPage = lazyScreen(() =>
  import('../editor/post-editor-page.js').then((m) => m.PostEditorPage),
);

export interface ScreenProps {
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
}

export interface Screen {
  /** Inside `/admin`, with `:name` parameters. */
  readonly path: string;
  readonly title: string;
  /** The least trusted role that may open it. */
  readonly minimumRole: Role;
  readonly component: ComponentType<ScreenProps>;
  readonly nav?: { readonly label: string; readonly group: NavGroup };
  /** Screens with the same key keep their state across paths; the default is the path. */
  readonly instanceKey?: string;
}

export const screens: readonly Screen[] = [
  // Reached from the header's "Your account" link rather than the navigation.
  {
    path: '/account',
    title: 'Your account',
    minimumRole: 'contributor',
    component: AccountPage,
  },
  {
    path: '/',
    title: 'Dashboard',
    minimumRole: 'contributor',
    component: DashboardPage,
    nav: { label: 'Dashboard', group: 'Write' },
  },
  {
    path: '/posts',
    title: 'Posts',
    minimumRole: 'contributor',
    component: PostsListPage,
    nav: { label: 'Posts', group: 'Write' },
  },
  {
    path: '/posts/new',
    title: 'New post',
    minimumRole: 'contributor',
    component: PostEditorPage,
    nav: { label: 'New post', group: 'Write' },
    instanceKey: 'post-editor',
  },
  {
    path: '/posts/:id',
    title: 'Edit post',
    minimumRole: 'contributor',
    component: PostEditorPage,
    instanceKey: 'post-editor',
  },
  {
    path: '/review',
    title: 'Review queue',
    minimumRole: 'editor',
    component: ReviewQueuePage,
    nav: { label: 'Review queue', group: 'Write' },
  },
  {
    path: '/bin',
    title: 'Bin',
    minimumRole: 'contributor',
    component: BinPage,
    nav: { label: 'Bin', group: 'Write' },
  },
  {
    path: '/news-feed',
    title: 'News feed',
    minimumRole: 'editor',
    component: NewsFeedPage,
    nav: { label: 'News feed', group: 'Write' },
  },
  {
    path: '/picks',
    title: "Editors' picks",
    minimumRole: 'editor',
    component: EditorsPicksPage,
    nav: { label: "Editors' picks", group: 'Curate' },
  },
  {
    path: '/sections',
    title: 'Sections and tags',
    minimumRole: 'editor',
    component: SectionsPage,
    nav: { label: 'Sections', group: 'Curate' },
  },
  {
    path: '/redirects',
    title: 'Redirects',
    minimumRole: 'editor',
    component: RedirectsPage,
    nav: { label: 'Redirects', group: 'Curate' },
  },
  {
    path: '/media',
    title: 'Media library',
    minimumRole: 'contributor',
    component: MediaLibraryPage,
    nav: { label: 'Media', group: 'Curate' },
  },
  {
    path: '/members',
    title: 'Members',
    minimumRole: 'editor',
    component: MembersPage,
    nav: { label: 'Members', group: 'Run the site' },
  },
  {
    path: '/revenue',
    title: 'Revenue',
    minimumRole: 'administrator',
    component: RevenuePage,
    nav: { label: 'Revenue', group: 'Run the site' },
  },
  {
    path: '/members/import',
    title: 'Import members',
    minimumRole: 'administrator',
    component: MemberImportPage,
  },
  {
    path: '/members/:id',
    title: 'Member',
    minimumRole: 'editor',
    component: MemberDetailPage,
  },
  {
    path: '/campaigns',
    title: 'Campaigns',
    minimumRole: 'editor',
    component: CampaignsPage,
    nav: { label: 'Campaigns', group: 'Run the site' },
  },
  {
    path: '/campaigns/:id',
    title: 'Campaign',
    minimumRole: 'editor',
    component: CampaignPage,
  },
  {
    path: '/newsletters',
    title: 'Newsletters',
    minimumRole: 'editor',
    component: NewslettersPage,
    nav: { label: 'Newsletters', group: 'Run the site' },
  },
  {
    path: '/staff',
    title: 'Staff',
    minimumRole: 'administrator',
    component: StaffPage,
    nav: { label: 'Staff', group: 'Run the site' },
  },
  {
    path: '/tokens',
    title: 'API tokens',
    minimumRole: 'administrator',
    component: ApiTokensPage,
    nav: { label: 'API tokens', group: 'Run the site' },
  },
  {
    path: '/settings',
    title: 'Site settings',
    minimumRole: 'administrator',
    component: SiteSettingsPage,
    nav: { label: 'Settings', group: 'Run the site' },
  },
  {
    path: '/outbox',
    title: 'Outbox',
    minimumRole: 'administrator',
    component: OutboxPage,
    nav: { label: 'Outbox', group: 'Run the site' },
  },
  {
    path: '/narration',
    title: 'Narration',
    minimumRole: 'editor',
    component: NarrationPage,
    nav: { label: 'Narration', group: 'Curate' },
  },
];
