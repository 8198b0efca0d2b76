import type { FastifyReply } from 'fastify';
import type { PostService } from '../../features/content/post.service.js';
import type { SettingsService } from '../../features/settings/settings.service.js';
import type { Clock } from '../../platform/clock.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { cacheTags, setCacheTags } from '../cache/cache-tags.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';
import { absoluteUrl, sitePaths } from '../site-urls.js';
import { toRobotsTxt } from './robots-txt.js';
import {
  maxNewsSitemapUrls,
  maxSitemapUrls,
  toNewsLanguage,
  toNewsSitemapXml,
  toSitemapIndexXml,
  toUrlSetXml,
  xmlContentType,
  type SitemapEntry,
} from './sitemap-xml.js';

/** Sitemaps and robots.txt depend on no query parameter. */
const xmlRoute = { config: cacheablePage(), schema: { hide: true } };

export interface SeoRoutesDeps {
  readonly siteUrl: string;
  readonly clock: Clock;
  readonly posts: Pick<PostService, 'listPublishedStamps' | 'listLastUpdates'>;
  readonly settings: Pick<SettingsService, 'getSiteSettings'>;
}

/** Google News lists articles published in the last two days. */
const newsWindowMs = 48 * 60 * 60 * 1000;

function latest(entries: readonly SitemapEntry[]): Date | null {
  const times = entries.flatMap((e) => (e.lastModified === null ? [] : [e.lastModified.getTime()]));
  return times.length === 0 ? null : new Date(Math.max(...times));
}

/** `/sitemap.xml` and its three sitemaps, `/news-sitemap.xml` and `/robots.txt`. */
export function seoRoutes(deps: SeoRoutesDeps) {
  const { siteUrl, posts } = deps;
  const link = (path: string): string => absoluteUrl(siteUrl, path);

  const sitemaps = {
    posts: async (): Promise<SitemapEntry[]> =>
      (await posts.listPublishedStamps({ limit: maxSitemapUrls })).map((post) => ({
        url: link(sitePaths.article(post.slug)),
        lastModified: post.updatedAt,
      })),
    sections: async (): Promise<SitemapEntry[]> => {
      const tags = (await posts.listLastUpdates('tags')).map((tag) => ({
        url: link(sitePaths.tag(tag.slug)),
        lastModified: tag.updatedAt,
      }));
      // The front page is the first listing of all.
      return [{ url: link(sitePaths.home()), lastModified: latest(tags) }, ...tags];
    },
    authors: async (): Promise<SitemapEntry[]> =>
      (await posts.listLastUpdates('authors')).map((author) => ({
        url: link(sitePaths.author(author.slug)),
        lastModified: author.updatedAt,
      })),
  };

  const sendXml = (reply: FastifyReply, xml: string) => {
    setCacheTags(reply, [cacheTags.postLists]);
    return reply.header('cache-control', 'public, max-age=300').type(xmlContentType).send(xml);
  };

  return async (app: AppInstance): Promise<void> => {
    app.get('/sitemap.xml', xmlRoute, async (_request, reply) => {
      const children = await Promise.all(
        (['posts', 'sections', 'authors'] as const).map(async (name) => ({
          url: link(`/sitemap-${name}.xml`),
          lastModified: latest(await sitemaps[name]()),
        })),
      );
      return sendXml(reply, toSitemapIndexXml(children));
    });

    for (const name of ['posts', 'sections', 'authors'] as const) {
      app.get(`/sitemap-${name}.xml`, xmlRoute, async (_request, reply) =>
        sendXml(reply, toUrlSetXml(await sitemaps[name]())),
      );
    }

    app.get('/news-sitemap.xml', xmlRoute, async (request, reply) => {
      // Posts leave this sitemap as time passes, not only when one changes, so the page
      // cache (which keeps a page until an event purges it) must not keep it.
      request.pageCacheKey = null;
      const since = new Date(deps.clock.now().getTime() - newsWindowMs);
      const [site, recent] = await Promise.all([
        deps.settings.getSiteSettings(),
        posts.listPublishedStamps({ since, limit: maxNewsSitemapUrls }),
      ]);
      const publication = { name: site.title, language: toNewsLanguage(site.locale) };
      const articles = recent.map((post) => ({
        url: link(sitePaths.article(post.slug)),
        title: post.title,
        publishedAt: post.publishedAt,
      }));
      return sendXml(reply, toNewsSitemapXml(publication, articles));
    });

    app.get('/robots.txt', xmlRoute, async (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=3600')
        .type('text/plain; charset=utf-8')
        .send(toRobotsTxt(siteUrl)),
    );
  };
}
