import { absoluteUrl } from '../site-urls.js';

/**
 * robots.txt for the reader site. Rules match by prefix, so `/admin` alone would also hide
 * an article at `/administration-reform`; the CMS and search are named exactly instead
 * (`$` ends a pattern for Google and Bing; `/search?` covers every search).
 */
export function toRobotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin$',
    'Disallow: /admin/',
    'Disallow: /api/admin/',
    'Disallow: /search$',
    'Disallow: /search?',
    '',
    `Sitemap: ${absoluteUrl(siteUrl, '/sitemap.xml')}`,
    `Sitemap: ${absoluteUrl(siteUrl, '/news-sitemap.xml')}`,
    '',
  ].join('\n');
}
