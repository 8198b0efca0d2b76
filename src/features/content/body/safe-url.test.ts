import { describe, expect, test } from 'vitest';
import { isAllowedImageSrc, isAllowedLinkHref, isExternalHref } from './safe-url.js';

describe('isAllowedLinkHref', () => {
  test.each([
    'https://example.com/a?b=c',
    'http://example.com',
    'mailto:desk@example.com',
    '/politics/vote',
  ])('lets readers follow %s', (href) => expect(isAllowedLinkHref(href)).toBe(true));

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/path',
    '/\\evil.example',
    'relative/path',
    '#top',
    'https://',
    '',
  ])('refuses %j', (href) => expect(isAllowedLinkHref(href)).toBe(false));
});

describe('isAllowedImageSrc', () => {
  test('accepts web and site-relative images but not mail links or data URIs', () => {
    expect(isAllowedImageSrc('https://cdn.example.com/a.jpg')).toBe(true);
    expect(isAllowedImageSrc('/media/a.jpg')).toBe(true);
    expect(isAllowedImageSrc('mailto:a@example.com')).toBe(false);
    expect(isAllowedImageSrc('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('isExternalHref', () => {
  test('treats absolute web links as external and site paths and mail links as not', () => {
    expect(isExternalHref('https://example.com')).toBe(true);
    expect(isExternalHref('/about')).toBe(false);
    expect(isExternalHref('mailto:a@example.com')).toBe(false);
  });
});
