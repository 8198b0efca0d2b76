import { create } from 'xmlbuilder2';

const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const newsNs = 'http://www.google.com/schemas/sitemap-news/0.9';

export const xmlContentType = 'application/xml; charset=utf-8';
/** The sitemaps protocol's limit of URLs in one file. */
export const maxSitemapUrls = 50_000;
/** Google News reads at most this many URLs from one news sitemap. */
export const maxNewsSitemapUrls = 1_000;

/** One URL in a sitemap, absolute, with the time its page last changed. */
export interface SitemapEntry {
  readonly url: string;
  readonly lastModified: Date | null;
}

export interface NewsSitemapEntry {
  readonly url: string;
  readonly title: string;
  readonly publishedAt: Date;
}

export interface NewsPublication {
  readonly name: string;
  /** Google's code: ISO 639 (`en`), or `zh-cn` / `zh-tw`. */
  readonly language: string;
}

function newDocument() {
  // Characters XML cannot carry (control characters pasted into a headline) are dropped.
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

/** A sitemap index: one `<sitemap>` per child sitemap. */
export function toSitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  const document = newDocument();
  const index = document.ele('sitemapindex', { xmlns: sitemapNs });
  for (const sitemap of sitemaps) {
    const node = index.ele('sitemap');
    node.ele('loc').txt(sitemap.url);
    if (sitemap.lastModified !== null) node.ele('lastmod').txt(sitemap.lastModified.toISOString());
  }
  return document.end();
}

/** A sitemap of pages (`<urlset>`). */
export function toUrlSetXml(pages: readonly SitemapEntry[]): string {
  const document = newDocument();
  const set = document.ele('urlset', { xmlns: sitemapNs });
  for (const page of pages.slice(0, maxSitemapUrls)) {
    const node = set.ele('url');
    node.ele('loc').txt(page.url);
    if (page.lastModified !== null) node.ele('lastmod').txt(page.lastModified.toISOString());
  }
  return document.end();
}

/** A Google News sitemap: articles of the last two days with their publication. */
export function toNewsSitemapXml(
  publication: NewsPublication,
  articles: readonly NewsSitemapEntry[],
): string {
  const document = newDocument();
  const set = document.ele('urlset', { xmlns: sitemapNs, 'xmlns:news': newsNs });
  for (const article of articles.slice(0, maxNewsSitemapUrls)) {
    const node = set.ele('url');
    node.ele('loc').txt(article.url);
    const news = node.ele('news:news');
    const source = news.ele('news:publication');
    source.ele('news:name').txt(publication.name);
    source.ele('news:language').txt(publication.language);
    news.ele('news:publication_date').txt(article.publishedAt.toISOString());
    news.ele('news:title').txt(article.title);
  }
  return document.end();
}

/** Google News wants ISO 639 codes, except Chinese, which keeps its script's region. */
export function toNewsLanguage(locale: string): string {
  const [language = 'en', region = ''] = locale.toLowerCase().split(/[-_]/u);
  if (language === 'zh') return region === 'tw' || region === 'hant' ? 'zh-tw' : 'zh-cn';
  return language;
}
