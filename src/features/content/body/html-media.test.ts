import { isTag } from 'domhandler';
import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import {
  clip,
  stripDash,
  toFigureParts,
  toIframeEmbed,
  toImageBlock,
  toSocialEmbed,
} from './html-media.js';

function element(html: string): Element {
  const [first] = parseDocument(html).children;
  if (first === undefined || !isTag(first)) throw new Error(`no element in ${html}`);
  return first;
}

describe('toImageBlock', () => {
  test('keeps a web image with its alt text tidied', () => {
    expect(
      toImageBlock(
        element('<img src=" https://cdn.example.com/a.jpg " alt=" Two\n words ">'),
        'Cap',
        'AP',
        undefined,
      ),
    ).toEqual({
      type: 'image',
      mediaId: null,
      src: 'https://cdn.example.com/a.jpg',
      alt: 'Two words',
      caption: 'Cap',
      credit: 'AP',
    });
  });

  test('links the image to the media library when the resolver knows it', () => {
    const block = toImageBlock(element('<img src="/media/1.jpg">'), '', '', () => ({
      mediaId: 'media_1',
    }));
    expect(block?.mediaId).toBe('media_1');
  });

  test('drops images without a safe address', () => {
    expect(
      toImageBlock(element('<img src="data:image/png;base64,AAAA">'), '', '', undefined),
    ).toBeNull();
    expect(toImageBlock(element('<img alt="no source">'), '', '', undefined)).toBeNull();
  });
});

describe('toIframeEmbed', () => {
  test('names an untitled video after its provider', () => {
    expect(
      toIframeEmbed(element('<iframe src="https://player.vimeo.com/video/76979871"></iframe>'), ''),
    ).toEqual({
      type: 'embed',
      url: 'https://vimeo.com/76979871',
      provider: 'vimeo',
      title: 'Vimeo video',
    });
  });

  test('drops iframes that are not a recognised video', () => {
    expect(
      toIframeEmbed(
        element('<iframe src="https://www.youtube.com/embed/videoseries"></iframe>'),
        '',
      ),
    ).toBeNull();
  });
});

describe('toSocialEmbed', () => {
  test('finds the post link in an Instagram embed', () => {
    const quote = element(
      '<blockquote class="instagram-media"><a href="https://www.instagram.com/">Instagram</a><a href="https://www.instagram.com/p/CxYz123/?utm_source=ig_embed">View this post</a></blockquote>',
    );
    expect(toSocialEmbed(quote)).toEqual({
      type: 'embed',
      url: 'https://www.instagram.com/p/CxYz123/',
      provider: 'instagram',
      title: 'Instagram post',
    });
  });

  test('ignores ordinary blockquotes', () => {
    expect(
      toSocialEmbed(element('<blockquote><a href="https://x.com/a/status/1">x</a></blockquote>')),
    ).toBeNull();
  });
});

test('toFigureParts separates the credit from the caption', () => {
  const parts = toFigureParts(
    element(
      '<figure><img src="/a.jpg"><figcaption>Storm damage <small class="credit">Photo: AP</small></figcaption></figure>',
    ),
  );
  expect(parts).toMatchObject({
    caption: 'Storm damage',
    credit: 'Photo: AP',
    fullCaption: 'Storm damage Photo: AP',
  });
  expect(parts.content).toHaveLength(1);
});

test('clip never leaves half an emoji', () => {
  expect(clip('ab😀', 3)).toBe('ab');
  expect(clip('abc', 5)).toBe('abc');
});

test('stripDash removes the dash before an attribution', () => {
  expect(stripDash(' — The mayor ')).toBe('The mayor');
});
