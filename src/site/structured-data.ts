import type { SiteSettings } from '../features/settings/site-settings.js';

export interface ArticleFacts {
  readonly url: string;
  readonly headline: string;
  readonly description: string;
  readonly imageUrls: readonly string[];
  readonly publishedAt: Date;
  readonly modifiedAt: Date;
  readonly section: string | null;
  readonly authors: readonly {
    readonly name: string;
    readonly url: string;
    readonly jobTitle: string;
  }[];
  readonly wordCount: number;
  readonly isFree: boolean;
}

export function toPublisher(site: SiteSettings, siteUrl: string, logoUrl: string | null): object {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.title,
    url: `${siteUrl}/`,
    ...(logoUrl === null ? {} : { logo: { '@type': 'ImageObject', url: logoUrl } }),
  };
}

/** schema.org NewsArticle, as search engines read it. */
export function toNewsArticle(facts: ArticleFacts, publisher: object): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': facts.url },
    url: facts.url,
    headline: facts.headline,
    description: facts.description,
    ...(facts.imageUrls.length > 0 ? { image: facts.imageUrls } : {}),
    datePublished: facts.publishedAt.toISOString(),
    dateModified: facts.modifiedAt.toISOString(),
    ...(facts.section === null ? {} : { articleSection: facts.section }),
    wordCount: facts.wordCount,
    isAccessibleForFree: facts.isFree,
    author: facts.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: author.url,
      ...(author.jobTitle === '' ? {} : { jobTitle: author.jobTitle }),
    })),
    publisher,
  };
}
