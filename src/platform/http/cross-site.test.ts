import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from './cross-site.js';

const site = 'https://news.example';

describe('deciding whether a browser sent a request from another site', () => {
  it('trusts Sec-Fetch-Site when the browser sends it', () => {
    expect(isCrossSiteRequest({ 'sec-fetch-site': 'same-origin' }, site)).toBe(false);
    expect(isCrossSiteRequest({ 'sec-fetch-site': 'none' }, site)).toBe(false);
    expect(isCrossSiteRequest({ 'sec-fetch-site': 'cross-site' }, site)).toBe(true);
    expect(isCrossSiteRequest({ 'sec-fetch-site': 'same-site' }, site)).toBe(true);
    // The header wins over an Origin that looks right.
    expect(isCrossSiteRequest({ 'sec-fetch-site': 'cross-site', origin: site }, site)).toBe(true);
  });

  it('accepts the site’s own origin or the request’s own host', () => {
    expect(isCrossSiteRequest({ origin: site, host: 'internal:2368' }, site)).toBe(false);
    expect(
      isCrossSiteRequest({ origin: 'http://127.0.0.1:2368', host: '127.0.0.1:2368' }, site),
    ).toBe(false);
  });

  it('refuses another origin, an opaque origin and a malformed one', () => {
    expect(isCrossSiteRequest({ origin: 'https://evil.example', host: 'news.example' }, site)).toBe(
      true,
    );
    expect(isCrossSiteRequest({ origin: 'null', host: 'news.example' }, site)).toBe(true);
    expect(isCrossSiteRequest({ origin: 'not a url', host: 'news.example' }, site)).toBe(true);
  });

  it('lets a request without browser headers through (scripts, the command line)', () => {
    expect(isCrossSiteRequest({ host: 'news.example' }, site)).toBe(false);
  });
});
