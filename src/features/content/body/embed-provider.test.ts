import { describe, expect, test } from 'vitest';
import {
  detectEmbed,
  embedIframeSrc,
  embedThumbnailSrc,
  toEmbedSource,
  toProviderLabel,
} from './embed-provider.js';

describe('detectEmbed', () => {
  test.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    [
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    ],
    [
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    ['https://vimeo.com/76979871', 'vimeo', 'https://vimeo.com/76979871'],
    ['https://player.vimeo.com/video/76979871', 'vimeo', 'https://vimeo.com/76979871'],
    [
      'https://twitter.com/newsroom/status/1234567890',
      'x',
      'https://x.com/newsroom/status/1234567890',
    ],
    [
      'https://x.com/newsroom/status/1234567890?s=20',
      'x',
      'https://x.com/newsroom/status/1234567890',
    ],
    ['https://www.instagram.com/p/CxYz123/', 'instagram', 'https://www.instagram.com/p/CxYz123/'],
    [
      'https://www.tiktok.com/@newsroom/video/7234567890123456789',
      'tiktok',
      'https://www.tiktok.com/@newsroom/video/7234567890123456789',
    ],
    [
      'https://soundcloud.com/newsroom/episode-1',
      'soundcloud',
      'https://soundcloud.com/newsroom/episode-1',
    ],
  ])('recognises %s', (url, provider, canonical) => {
    expect(detectEmbed(url)).toEqual({ provider, url: canonical });
  });

  test('treats any other https address, or an unrecognised page of a known host, as a link', () => {
    expect(detectEmbed('https://example.com/report.pdf')).toEqual({
      provider: 'link',
      url: 'https://example.com/report.pdf',
    });
    expect(detectEmbed('https://www.youtube.com/about')?.provider).toBe('link');
    expect(detectEmbed('https://x.com/newsroom')?.provider).toBe('link');
  });

  test('returns nothing for insecure, scripted or malformed addresses', () => {
    expect(detectEmbed('http://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(detectEmbed('javascript:alert(1)')).toBeNull();
    expect(detectEmbed('not a url')).toBeNull();
  });
});

describe('embedIframeSrc', () => {
  test('plays YouTube from the no-cookie domain, keeping the start time', () => {
    expect(embedIframeSrc('youtube', 'https://youtu.be/dQw4w9WgXcQ')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(embedIframeSrc('youtube', 'https://youtu.be/dQw4w9WgXcQ?t=90')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
    );
  });

  test('plays Vimeo from its player with do-not-track on', () => {
    expect(embedIframeSrc('vimeo', 'https://vimeo.com/76979871')).toBe(
      'https://player.vimeo.com/video/76979871?dnt=1',
    );
  });

  test('gives no iframe for social posts, audio or plain links', () => {
    expect(embedIframeSrc('x', 'https://x.com/newsroom/status/1234567890')).toBeNull();
    expect(embedIframeSrc('soundcloud', 'https://soundcloud.com/newsroom/episode-1')).toBeNull();
    expect(embedIframeSrc('link', 'https://example.com')).toBeNull();
  });

  test('gives no iframe when the provider does not match the address', () => {
    expect(embedIframeSrc('youtube', 'https://vimeo.com/76979871')).toBeNull();
  });
});

describe('embedThumbnailSrc', () => {
  test("shows a YouTube video's still from its image host, whatever form the address takes", () => {
    const still = 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg';
    expect(embedThumbnailSrc('youtube', 'https://youtu.be/dQw4w9WgXcQ?t=90')).toBe(still);
    expect(embedThumbnailSrc('youtube', 'https://www.youtube.com/shorts/dQw4w9WgXcQ')).toBe(still);
  });

  test('has no still for providers that need an API call, or when the provider does not match', () => {
    expect(embedThumbnailSrc('vimeo', 'https://vimeo.com/76979871')).toBeNull();
    expect(embedThumbnailSrc('link', 'https://example.com/story')).toBeNull();
    expect(embedThumbnailSrc('youtube', 'https://vimeo.com/76979871')).toBeNull();
  });
});

test('names providers the way readers know them', () => {
  expect(toProviderLabel('youtube')).toBe('YouTube');
  expect(toProviderLabel('tiktok')).toBe('TikTok');
});

test("says where a link card comes from: the provider, or a plain link's site", () => {
  expect(toEmbedSource('x', 'https://x.com/newsroom/status/1234567890')).toBe('X');
  expect(toEmbedSource('link', 'https://www.example.com/story')).toBe('example.com');
});
