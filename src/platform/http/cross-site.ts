import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a browser sent this request from another site. A cookie-authenticated or
 * cookie-setting write from another site is refused (CSRF, including sign-in CSRF, which
 * would sign a victim in to an attacker's account).
 *
 * `Sec-Fetch-Site` decides when the browser sends it: only `same-origin` and `none` (typed
 * by the user) pass; `same-site` does not, as a sibling subdomain may be someone else's.
 * Otherwise `Origin` must be the site's own or the request's own host; `null` fails. A
 * request with neither header does not come from a browser page and passes.
 */
export function isCrossSiteRequest(headers: IncomingHttpHeaders, siteOrigin: string): boolean {
  const fetchSite = headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite !== '') {
    return fetchSite !== 'same-origin' && fetchSite !== 'none';
  }
  const origin = headers.origin;
  if (origin === undefined || origin === '') return false;
  if (origin === siteOrigin) return false;
  try {
    const parsed = new URL(origin);
    return parsed.origin === 'null' || parsed.host !== headers.host;
  } catch {
    return true;
  }
}
