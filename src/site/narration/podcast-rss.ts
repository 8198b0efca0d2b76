import { create } from 'xmlbuilder2';

/** One narrated article as a podcast episode. */
export interface PodcastEpisode {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly summary: string;
  readonly publishedAt: Date;
  readonly authors: readonly string[];
  readonly audioUrl: string;
  readonly bytes: number;
  readonly durationMs: number;
}

export interface PodcastChannel {
  readonly title: string;
  readonly description: string;
  readonly homeUrl: string;
  readonly selfUrl: string;
  readonly language: string;
  readonly author: string;
  readonly artworkUrl: string;
  readonly updatedAt: Date | null;
}

const namespaces = {
  atom: 'http://www.w3.org/2005/Atom',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  podcast: 'https://podcastindex.org/namespace/1.0',
};

/** 754 s → "00:12:34", the form podcast apps read everywhere. */
export function toItunesDuration(durationMs: number): string {
  const total = Math.max(1, Math.round(durationMs / 1000));
  const parts = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return parts.map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * A podcast RSS 2.0 document with the iTunes tags Apple Podcasts and others require:
 * artwork, category, explicit flag, author, and per episode an enclosure with its byte
 * length and type, a duration and a stable guid. Built by an XML library.
 */
export function toPodcastXml(channel: PodcastChannel, episodes: readonly PodcastEpisode[]): string {
  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const rss = document.ele('rss', {
    version: '2.0',
    'xmlns:atom': namespaces.atom,
    'xmlns:itunes': namespaces.itunes,
    'xmlns:podcast': namespaces.podcast,
  });
  const node = rss.ele('channel');
  node.ele('title').txt(channel.title);
  node.ele('link').txt(channel.homeUrl);
  node.ele('description').txt(channel.description);
  node.ele('language').txt(channel.language.toLowerCase());
  node.ele('generator').txt('Masthead');
  if (channel.updatedAt !== null) node.ele('lastBuildDate').txt(channel.updatedAt.toUTCString());
  node.ele('atom:link', { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' });
  node.ele('itunes:author').txt(channel.author);
  node.ele('itunes:summary').txt(channel.description);
  node.ele('itunes:type').txt('episodic');
  node.ele('itunes:explicit').txt('false');
  node.ele('itunes:image', { href: channel.artworkUrl });
  node.ele('itunes:category', { text: 'News' }).ele('itunes:category', { text: 'Daily News' });
  const image = node.ele('image');
  image.ele('url').txt(channel.artworkUrl);
  image.ele('title').txt(channel.title);
  image.ele('link').txt(channel.homeUrl);
  for (const episode of episodes) {
    const item = node.ele('item');
    item.ele('title').txt(episode.title);
    item.ele('link').txt(episode.url);
    item.ele('guid', { isPermaLink: 'false' }).txt(episode.id);
    item.ele('pubDate').txt(episode.publishedAt.toUTCString());
    item.ele('description').txt(episode.summary);
    item.ele('enclosure', {
      url: episode.audioUrl,
      length: String(episode.bytes),
      type: 'audio/mpeg',
    });
    item.ele('itunes:duration').txt(toItunesDuration(episode.durationMs));
    item.ele('itunes:episodeType').txt('full');
    item.ele('itunes:explicit').txt('false');
    if (episode.authors.length > 0) item.ele('itunes:author').txt(episode.authors.join(', '));
    item.ele('itunes:summary').txt(episode.summary);
  }
  return document.end();
}
