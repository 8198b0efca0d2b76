import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { FeedChannel, FeedItem } from './feed-items.js';

const namespaces = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

export const rssContentType = 'application/rss+xml; charset=utf-8';

/** RFC 822 dates, as RSS 2.0 requires: "Fri, 20 Nov 2026 09:00:00 GMT". */
function toRfc822(date: Date): string {
  return date.toUTCString();
}

function addItem(channel: XMLBuilder, item: FeedItem): void {
  const node = channel.ele('item');
  node.ele('title').txt(item.title);
  node.ele('link').txt(item.url);
  // Post ids outlive slug changes, so readers never see a renamed post twice.
  node.ele('guid', { isPermaLink: 'false' }).txt(item.id);
  node.ele('pubDate').txt(toRfc822(item.publishedAt));
  for (const author of item.authors) node.ele('dc:creator').txt(author.name);
  for (const tag of item.tags) node.ele('category').txt(tag.name);
  node.ele('description').txt(item.summary);
  if (item.contentHtml !== null) node.ele('content:encoded').txt(item.contentHtml);
  if (item.image !== null) {
    node.ele('enclosure', {
      url: item.image.url,
      length: String(item.image.bytes),
      type: item.image.type,
    });
    const media = node.ele('media:content', {
      url: item.image.url,
      medium: 'image',
      type: item.image.type,
      width: String(item.image.width),
      height: String(item.image.height),
    });
    if (item.image.alt !== '')
      media.ele('media:description', { type: 'plain' }).txt(item.image.alt);
  }
}

/** An RSS 2.0 document with the content, Dublin Core, Media RSS and Atom extensions. */
export function toRssXml(
  channel: FeedChannel,
  selfUrl: string,
  items: readonly FeedItem[],
): string {
  // Characters XML cannot carry (control characters pasted into a headline) are dropped.
  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const rss = document.ele('rss', {
    version: '2.0',
    'xmlns:atom': namespaces.atom,
    'xmlns:content': namespaces.content,
    'xmlns:dc': namespaces.dc,
    'xmlns:media': namespaces.media,
  });
  const node = rss.ele('channel');
  node.ele('title').txt(channel.title);
  node.ele('link').txt(channel.homeUrl);
  node.ele('description').txt(channel.description);
  node.ele('language').txt(channel.language.toLowerCase());
  node.ele('generator').txt('Masthead');
  if (channel.updatedAt !== null) node.ele('lastBuildDate').txt(toRfc822(channel.updatedAt));
  node.ele('atom:link', { href: selfUrl, rel: 'self', type: 'application/rss+xml' });
  for (const item of items) addItem(node, item);
  return document.end();
}
