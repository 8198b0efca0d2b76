import { describe, expect, it } from 'vitest';
import { toNewsLanguage, toUrlSetXml } from './sitemap-xml.js';

describe('sitemap details', () => {
  it('gives Google News the language code it expects', () => {
    expect(toNewsLanguage('en-GB')).toBe('en');
    expect(toNewsLanguage('uk')).toBe('uk');
    expect(toNewsLanguage('zh-TW')).toBe('zh-tw');
    expect(toNewsLanguage('zh-Hans')).toBe('zh-cn');
  });

  it('escapes URLs and drops characters XML cannot carry', () => {
    const xml = toUrlSetXml([{ url: 'https://news.example/a?b=1&c=\u0001', lastModified: null }]);
    expect(xml).toContain('<loc>https://news.example/a?b=1&amp;c=</loc>');
  });
});
