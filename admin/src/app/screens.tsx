import type { ComponentType } from 'preact';
import type { Role } from '../../../src/features/staff/role.js';
import { lazyScreen } from './lazy-screen.js';
import { DashboardPage } from '../posts/dashboard-page.js';
import { NewsFeedPage } from '../news-feed/news-feed-page.js';
import { PostsListPage } from '../posts/posts-list-page.js';
import { ReviewQueuePage } from '../review/review-queue-page.js';

/**
 * Every signed-in screen of the CMS, in one list. A later feature (news feed, newsletters,
 * members, campaigns, narration) adds its screen here, with a `nav` entry under its group,
 * and the router and the navigation pick it up.
 */

export type NavGroup = 'Write' | 'Curate' | 'Run the site';
export const navGroups: readonly NavGroup[] = ['Write', 'Curate', 'Run the site'];

/** The post editor and ProseMirror are fetched when the editor first opens. */
const PostEditorPage = lazyScreen(
  () => import('../editor/post-editor-page.js').then((m) => m.PostEditorPage),
  'the editor',
);

/*
 * The screens a newsroom opens every day (dashboard, posts, review, news feed) come with
 * the first load; the rest are fetched when first opened, each on its own, so signing in
 * and reaching the posts list download none of them.
 */
const AccountPage = lazyScreen(() =>
  import('../account/account-page.js').then((m) => m.AccountPage),
);
const EditorsPicksPage = lazyScreen(() =>
  import('../curation/editors-picks-page.js').then((m) => m.EditorsPicksPage),
);
const SectionsPage = lazyScreen(() =>
  import('../curation/sections-page.js').then((m) => m.SectionsPage),
);
const RedirectsPage = lazyScreen(() =>
  import('../redirects/redirects-page.js').then((m) => m.RedirectsPage),
);
const MemberDetailPage = lazyScreen(() =>
  import('../members/member-detail-page.js').then((m) => m.MemberDetailPage),
);
const MemberImportPage = lazyScreen(() =>
  import('../members/member-import-page.js').then((m) => m.MemberImportPage),
);
const MembersPage = lazyScreen(() =>
  import('../members/members-page.js').then((m) => m.MembersPage),
);
const RevenuePage = lazyScreen(() =>
  import('../revenue/revenue-page.js').then((m) => m.RevenuePage),
);
const MediaLibraryPage = lazyScreen(() =>
  import('../media/media-library-page.js').then((m) => m.MediaLibraryPage),
);
const BinPage = lazyScreen(() => import('../posts/bin-page.js').then((m) => m.BinPage));
const NewslettersPage = lazyScreen(() =>
  import('../newsletters/newsletters-page.js').then((m) => m.NewslettersPage),
);
const OutboxPage = lazyScreen(() => import('../settings/outbox-page.js').then((m) => m.OutboxPage));
const SiteSettingsPage = lazyScreen(() =>
  import('../settings/site-settings-page.js').then((m) => m.SiteSettingsPage),
);
const ApiTokensPage = lazyScreen(() =>
  import('../staff/api-tokens-page.js').then((m) => m.ApiTokensPage),
);
const StaffPage = lazyScreen(() => import('../staff/staff-page.js').then((m) => m.StaffPage));
const NarrationPage = lazyScreen(() =>
  import('../narration/narration-page.js').then((m) => m.NarrationPage),
);
const CampaignPage = lazyScreen(() =>
  import('../campaigns/campaign-page.js').then((m) => m.CampaignPage),
);
const CampaignsPage = lazyScreen(() =>
  import('../campaigns/campaigns-page.js').then((m) => m.CampaignsPage),
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
