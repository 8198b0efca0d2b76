import type { RedirectTestResult } from '../../features/redirects/redirect.resources.js';

/** One anonymous GET of the site, as `app.inject` answers it. */
export type SiteRequest = (
  url: string,
) => Promise<{ statusCode: number; headers: Record<string, unknown> }>;

const maxHops = 6;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * Where a path leads a reader: asks the site itself, hop by hop, so what staff see in the
 * test box is what a browser gets — page, redirect or page-not-found.
 */
export async function probeSite(
  request: SiteRequest,
  siteUrl: string,
  path: string,
): Promise<RedirectTestResult> {
  const origin = new URL(siteUrl).origin;
  const hops: RedirectTestResult['hops'] = [];
  let url = path;
  for (let hop = 0; hop < maxHops; hop += 1) {
    const response = await request(url);
    const header = response.headers.location;
    const location = typeof header === 'string' ? header : null;
    hops.push({ url, status: response.statusCode, location });
    if (!redirectStatuses.has(response.statusCode) || location === null) {
      if (response.statusCode === 200) return { hops, outcome: 'page' };
      if (response.statusCode === 404 || response.statusCode === 410) {
        return { hops, outcome: 'not_found' };
      }
      return { hops, outcome: 'error' };
    }
    const next = new URL(location, `${origin}${url}`);
    if (next.origin !== origin) return { hops, outcome: 'other_site' };
    url = `${next.pathname}${next.search}`;
  }
  return { hops, outcome: 'error' };
}
