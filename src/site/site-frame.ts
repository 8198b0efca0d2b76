import type { FastifyRequest } from 'fastify';
import type { Tag } from '../features/content/tag.js';
import type { SiteSettings } from '../features/settings/site-settings.js';
import type { HeadTags } from './layout/head-tags.js';
import type { NavItem, PageLayoutProps, StaffView } from './layout/page-layout.js';
import type { SiteAssets } from './site-assets.js';
import { sitePaths } from './site-urls.js';

export interface SiteFrameDeps {
  readonly assets: SiteAssets;
  readonly getSiteSettings: () => Promise<SiteSettings>;
  /** Sections with published posts, most used first. */
  readonly listSections: () => Promise<readonly Tag[]>;
}

/** The parts of every page that are not its content: settings, navigation, the staff bar. */
export interface SiteFrame {
  readonly site: SiteSettings;
  layout(
    request: FastifyRequest,
    head: HeadTags,
    options?: { editUrl?: string | null },
  ): Omit<PageLayoutProps, 'children'>;
}

function staffOf(request: FastifyRequest, editUrl: string | null): StaffView | null {
  const actor = request.actor;
  if (actor?.kind !== 'user') return null;
  return { name: actor.name, editUrl };
}

export async function loadSiteFrame(deps: SiteFrameDeps): Promise<SiteFrame> {
  const site = await deps.getSiteSettings();
  const nav: NavItem[] =
    site.navigation.length > 0
      ? [...site.navigation]
      : (await deps.listSections())
          .slice(0, 6)
          .map((tag) => ({ label: tag.name, url: sitePaths.tag(tag.slug) }));
  return {
    site,
    layout: (request, head, options = {}) => ({
      site,
      head,
      cssUrl: deps.assets.css.url,
      nav,
      currentPath: request.url.split('?')[0] ?? '/',
      staff: staffOf(request, options.editUrl ?? null),
    }),
  };
}
