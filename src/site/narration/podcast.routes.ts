import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Post } from '../../features/content/post.js';
import type { TagService } from '../../features/content/tag.service.js';
import { toReaderAudio } from '../../features/narration/narration.service.js';
import type { NarrationRow } from '../../features/narration/narration.table.js';
import type { SettingsService } from '../../features/settings/settings.service.js';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { engineNameOf } from '../../platform/tts/speech-engine.js';
import { cacheTags, setCacheTags } from '../cache/cache-tags.js';
import { cacheablePage } from '../cache/page-cache.plugin.js';
import { absoluteUrl, sitePaths } from '../site-urls.js';
import { audioPath } from '../../features/narration/narration-view.js';
import { renderPodcastArtwork } from './podcast-artwork.js';
import { toPodcastXml, type PodcastEpisode } from './podcast-rss.js';

export interface PodcastRoutesDeps {
  readonly siteUrl: string;
  readonly disclosure: string;
  readonly listReady: (limit: number) => Promise<NarrationRow[]>;
  readonly findPostsByIds: (ids: readonly string[]) => Promise<Post[]>;
  readonly tags: Pick<TagService, 'findTagBySlug'>;
  readonly settings: Pick<SettingsService, 'getSiteSettings'>;
}

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const episodesPerFeed = 100;
const artworkPath = '/podcast/artwork.png';

/**
 * `/podcast/rss` and `/podcast/{section}/rss`: narrated articles as podcast episodes,
 * each the audio an anonymous listener may hear (a gated article's preview, or nothing).
 */
export function podcastRoutes(deps: PodcastRoutesDeps) {
  const { siteUrl } = deps;
  let artwork: { key: string; png: Buffer } | null = null;

  async function episodes(sectionSlug: string | null): Promise<PodcastEpisode[]> {
    const rows = await deps.listReady(episodesPerFeed * 2);
    const posts = new Map(
      (await deps.findPostsByIds(rows.map((r) => r.post_id))).map((p) => [p.id, p]),
    );
    const found: PodcastEpisode[] = [];
    for (const row of rows) {
      const post = posts.get(row.post_id);
      if (post === undefined) continue;
      if (sectionSlug !== null && post.tags[0]?.slug !== sectionSlug) continue;
      const audio = toReaderAudio(row, post, 'anonymous');
      if (audio === null) continue;
      const disclosure = deps.disclosure.replaceAll('{engine}', engineNameOf(audio.provider));
      found.push({
        id: `${post.id}${audio.variant === 'preview' ? '-preview' : ''}`,
        title: audio.variant === 'preview' ? `${post.title} (preview)` : post.title,
        url: absoluteUrl(siteUrl, sitePaths.article(post.slug)),
        summary: [post.standfirst, disclosure].filter(Boolean).join(' '),
        publishedAt: post.publishedAt ?? post.updatedAt,
        authors: post.authors.map((a) => a.name),
        audioUrl: absoluteUrl(siteUrl, audioPath(post.id, audio.key)),
        bytes: audio.bytes,
        durationMs: audio.durationMs,
      });
    }
    return found
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
      .slice(0, episodesPerFeed);
  }

  async function send(
    reply: FastifyReply,
    section: { slug: string; name: string; description: string } | null,
  ) {
    const site = await deps.settings.getSiteSettings();
    const list = await episodes(section?.slug ?? null);
    const path = section === null ? '/podcast/rss' : `/podcast/${section.slug}/rss`;
    const xml = toPodcastXml(
      {
        title:
          section === null ? `${site.title}: narrated articles` : `${site.title}: ${section.name}`,
        description:
          section?.description ||
          `Articles from ${site.title}, read aloud by a synthetic voice. ${site.description}`.trim(),
        homeUrl: absoluteUrl(
          siteUrl,
          section === null ? sitePaths.home() : sitePaths.tag(section.slug),
        ),
        selfUrl: absoluteUrl(siteUrl, path),
        language: site.locale,
        author: site.title,
        artworkUrl: absoluteUrl(siteUrl, artworkPath),
        updatedAt: list[0]?.publishedAt ?? null,
      },
      list,
    );
    setCacheTags(reply, [cacheTags.podcast, cacheTags.postLists]);
    return reply
      .header('cache-control', 'public, max-age=300')
      .type('application/rss+xml; charset=utf-8')
      .send(xml);
  }

  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/podcast/rss',
      { config: cacheablePage(), schema: { hide: true } },
      async (_request, reply) => send(reply, null),
    );
    app.get(
      '/podcast/:slug/rss',
      { config: cacheablePage(), schema: { hide: true, params: Params } },
      async (request, reply) => {
        const tag = await deps.tags.findTagBySlug(request.params.slug);
        if (tag === undefined)
          throw new AppError('not_found', 'There is no section with that name.');
        return send(reply, { slug: tag.slug, name: tag.name, description: tag.description });
      },
    );
    app.get(artworkPath, { schema: { hide: true } }, async (_request, reply) => {
      const site = await deps.settings.getSiteSettings();
      const key = `${site.title}\n${site.accentColor}`;
      if (artwork?.key !== key) {
        artwork = { key, png: await renderPodcastArtwork(site.title, site.accentColor) };
      }
      return reply
        .header('cache-control', 'public, max-age=86400')
        .type('image/png')
        .send(artwork.png);
    });
  };
}
