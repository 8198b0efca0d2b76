import { describe, expect, test } from 'vitest';
import type { Block, BodyDocument } from './body.types.js';
import { renderBodyToHtml } from './render-body.js';
import type { BodyRenderContext, ImageRendition, RelatedCard } from './render-body.js';

const rendition: ImageRendition = {
  src: '/media/m1/800.jpg',
  srcset: '/media/m1/400.jpg 400w, /media/m1/800.jpg 800w',
  sizes: '(min-width: 700px) 680px, 100vw',
  width: 800,
  height: 533,
  sources: [
    { type: 'image/avif', srcset: '/media/m1/400.avif 400w, /media/m1/800.avif 800w' },
    { type: 'image/webp', srcset: '/media/m1/400.webp 400w, /media/m1/800.webp 800w' },
  ],
};

const card: RelatedCard = {
  url: '/politics/count-begins',
  title: 'The count begins',
  section: 'Politics',
  image: { ...rendition, sources: [] },
  imageAlt: 'Ballot boxes',
};

function context(overrides: Partial<BodyRenderContext> = {}): BodyRenderContext {
  return {
    image: (mediaId) => (mediaId === 'm1' ? rendition : undefined),
    related: (postId) => (postId === 'p1' ? card : undefined),
    paywall: 'hide',
    ...overrides,
  };
}

const render = (blocks: Block[], ctx = context()) => renderBodyToHtml({ version: 1, blocks }, ctx);
const text = (value: string) => ({ type: 'text' as const, text: value });

describe('renderBodyToHtml', () => {
  test('renders text blocks as paragraphs, headings, lists and quotes', () => {
    expect(
      render([
        { type: 'heading', level: 3, content: [text('Key points')] },
        { type: 'list', ordered: false, items: [[text('One')], [text('Two')]] },
        { type: 'list', ordered: true, items: [[text('First')]] },
        { type: 'paragraph', content: [text('Body')] },
        { type: 'quote', content: [text('We will rebuild.')], attribution: 'The mayor' },
        { type: 'pullquote', text: 'Nobody saw it coming' },
        { type: 'divider' },
      ]),
    ).toBe(
      '<h3>Key points</h3><ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol><p>Body</p>' +
        '<blockquote class="body-quote"><p>We will rebuild.</p><footer class="body-quote-attribution">— The mayor</footer></blockquote>' +
        '<figure class="body-pullquote"><blockquote class="pullquote"><p>Nobody saw it coming</p></blockquote></figure>' +
        '<hr class="body-divider"/>',
    );
  });

  test('renders a library image as a lazy picture with AVIF and WebP sources, caption and credit', () => {
    const html = render([
      {
        type: 'image',
        mediaId: 'm1',
        src: '',
        alt: 'Flooded street',
        caption: 'Monday.',
        credit: 'Photo: AP',
      },
    ]);
    expect(html).toBe(
      '<figure class="body-image"><picture>' +
        '<source type="image/avif" srcset="/media/m1/400.avif 400w, /media/m1/800.avif 800w" sizes="(min-width: 700px) 680px, 100vw"/>' +
        '<source type="image/webp" srcset="/media/m1/400.webp 400w, /media/m1/800.webp 800w" sizes="(min-width: 700px) 680px, 100vw"/>' +
        '<img src="/media/m1/800.jpg" srcset="/media/m1/400.jpg 400w, /media/m1/800.jpg 800w" sizes="(min-width: 700px) 680px, 100vw" width="800" height="533" alt="Flooded street" loading="lazy" decoding="async"/>' +
        '</picture><figcaption>Monday. <span class="credit">Photo: AP</span></figcaption></figure>',
    );
  });

  test('falls back to the stored address when a library image cannot be found, and skips unsafe ones', () => {
    expect(
      render([
        {
          type: 'image',
          mediaId: 'gone',
          src: 'https://cdn.example.com/a.jpg',
          alt: '',
          caption: '',
          credit: '',
        },
        { type: 'image', mediaId: 'gone', src: '', alt: 'x', caption: 'lost', credit: '' },
        {
          type: 'image',
          mediaId: null,
          src: 'javascript:alert(1)',
          alt: 'x',
          caption: '',
          credit: '',
        },
      ]),
    ).toBe(
      // A bare `alt` is the same as alt="": screen readers skip the image.
      '<figure class="body-image"><img src="https://cdn.example.com/a.jpg" alt loading="lazy" decoding="async"/></figure>',
    );
  });

  test('plays videos in a sandboxed, lazy, cookie-less iframe with a title', () => {
    expect(
      render([
        { type: 'embed', url: 'https://youtu.be/dQw4w9WgXcQ', provider: 'youtube', title: '' },
      ]),
    ).toBe(
      '<figure class="embed" data-provider="youtube"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video" width="560" height="315" loading="lazy" allow="fullscreen; picture-in-picture" sandbox="allow-scripts allow-same-origin allow-presentation" referrerpolicy="strict-origin-when-cross-origin"></iframe></figure>',
    );
  });

  test('shows social posts and plain links as a link card with no third-party script', () => {
    const html = render([
      {
        type: 'embed',
        url: 'https://x.com/newsroom/status/1',
        provider: 'x',
        title: 'Polls close at 10',
      },
      { type: 'embed', url: 'https://www.example.com/report', provider: 'link', title: '' },
    ]);
    expect(html).toBe(
      '<blockquote class="embed-link" data-provider="x"><p><a href="https://x.com/newsroom/status/1" rel="noopener">Polls close at 10</a></p><footer>X</footer></blockquote>' +
        '<blockquote class="embed-link" data-provider="link"><p><a href="https://www.example.com/report" rel="noopener">https://www.example.com/report</a></p><footer>example.com</footer></blockquote>',
    );
    expect(html).not.toContain('<script');
  });

  test('renders a related article as a labelled card, and nothing when the post is unavailable', () => {
    expect(
      render([
        { type: 'related', postId: 'p1' },
        { type: 'related', postId: 'unpublished' },
      ]),
    ).toBe(
      '<aside class="related-card" aria-label="Related article"><p class="related-card-section">Politics</p>' +
        '<p class="related-card-headline"><a href="/politics/count-begins">The count begins</a></p>' +
        '<div class="related-card-image"><img src="/media/m1/800.jpg" srcset="/media/m1/400.jpg 400w, /media/m1/800.jpg 800w" sizes="(min-width: 700px) 680px, 100vw" width="800" height="533" alt="Ballot boxes" loading="lazy" decoding="async"/></div></aside>',
    );
  });

  test('shows the paywall marker to staff previews and hides it from readers', () => {
    const blocks: Block[] = [{ type: 'paragraph', content: [text('a')] }, { type: 'paywall' }];
    expect(render(blocks, context({ paywall: 'show-marker' }))).toBe(
      '<p>a</p><hr class="paywall-marker"/>',
    );
    expect(render(blocks, context({ paywall: 'hide' }))).toBe('<p>a</p>');
  });

  test('escapes markup in every piece of text', () => {
    const evil = '<b>Breaking</b><script>alert(1)</script>';
    const body: BodyDocument = {
      version: 1,
      blocks: [
        { type: 'heading', level: 2, content: [text(evil)] },
        { type: 'pullquote', text: evil, attribution: evil },
        {
          type: 'image',
          mediaId: null,
          src: '/a.jpg',
          alt: '"><script>',
          caption: evil,
          credit: evil,
        },
        {
          type: 'embed',
          url: 'https://example.com/"onmouseover="x',
          provider: 'link',
          title: evil,
        },
      ],
    };
    const html = renderBodyToHtml(body, context());
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('"onmouseover');
    expect(html).toContain('<h2>&lt;b>Breaking&lt;/b>&lt;script>alert(1)&lt;/script></h2>');
  });
});
