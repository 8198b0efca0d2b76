import type { BodyRenderContext } from '../../features/content/body/render-body.js';
import { renderBodyToHtml } from '../../features/content/body/render-body.js';
import { absoluteUrl } from '../site-urls.js';
import type { FeedEntryView } from './feed-entry-view.js';

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface NewsFeedRssFacts {
  readonly siteUrl: string;
  readonly siteTitle: string;
  readonly language: string;
  readonly entries: readonly FeedEntryView[];
  readonly bodyContext: BodyRenderContext;
  readonly rssPath: string;
  readonly archivePath: string;
}

/** RSS 2.0 of the newest entries; each item's description is its body as HTML. */
export function toNewsFeedRss(facts: NewsFeedRssFacts): string {
  const items = facts.entries.map((entry) => {
    const url = absoluteUrl(facts.siteUrl, entry.url);
    let html = renderBodyToHtml(entry.body, facts.bodyContext);
    if (entry.article !== null) {
      const href = absoluteUrl(facts.siteUrl, entry.article.url);
      html += `<p><a href="${escapeXml(href)}">${escapeXml(entry.article.title)}</a></p>`;
    }
    return [
      '<item>',
      `<title>${escapeXml(entry.title)}</title>`,
      `<link>${escapeXml(url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `<pubDate>${entry.publishedAt.toUTCString()}</pubDate>`,
      `<dc:creator>${escapeXml(entry.author)}</dc:creator>`,
      ...entry.sections.map((section) => `<category>${escapeXml(section.name)}</category>`),
      `<description>${escapeXml(html)}</description>`,
      '</item>',
    ].join('');
  });
  const newest = facts.entries.reduce(
    (latest, entry) => Math.max(latest, entry.modifiedAt.getTime()),
    0,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(`${facts.siteTitle}: News feed`)}</title>`,
    `<link>${escapeXml(absoluteUrl(facts.siteUrl, facts.archivePath))}</link>`,
    `<atom:link href="${escapeXml(absoluteUrl(facts.siteUrl, facts.rssPath))}" rel="self" type="application/rss+xml"/>`,
    `<description>${escapeXml(`Short updates from ${facts.siteTitle} as they happen.`)}</description>`,
    `<language>${escapeXml(facts.language)}</language>`,
    ...(newest === 0 ? [] : [`<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>`]),
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
