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
  /** Where the part for members is on the page, for a gated article. */
  readonly lockedPartSelector: string | null;
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
    ...(facts.lockedPartSelector === null
      ? {}
      : {
          hasPart: {
            '@type': 'WebPageElement',
            isAccessibleForFree: false,
            cssSelector: facts.lockedPartSelector,
          },
        }),
    author: facts.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: author.url,
      ...(author.jobTitle === '' ? {} : { jobTitle: author.jobTitle }),
    })),
    publisher,
  };
}

/** One step of a breadcrumb trail: a page's name and absolute URL. */
export interface Crumb {
  readonly name: string;
  readonly url: string;
}

/** schema.org BreadcrumbList: where a page sits, e.g. Home → Section → Article. */
export function toBreadcrumbList(crumbs: readonly Crumb[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

export interface PersonFacts {
  readonly name: string;
  /** The author page, absolute. */
  readonly url: string;
  readonly jobTitle: string;
  readonly description: string;
  readonly imageUrl: string | null;
}

/** schema.org Person for an author page, naming the newsroom they work for. */
export function toPerson(facts: PersonFacts, worksFor: object): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: facts.name,
    url: facts.url,
    ...(facts.jobTitle === '' ? {} : { jobTitle: facts.jobTitle }),
    ...(facts.description === '' ? {} : { description: facts.description }),
    ...(facts.imageUrl === null ? {} : { image: facts.imageUrl }),
    worksFor,
  };
}
