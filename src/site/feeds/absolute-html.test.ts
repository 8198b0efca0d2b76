import { describe, expect, it } from 'vitest';
import { toAbsoluteHtml } from './absolute-html.js';

const site = 'https://news.example';

describe('making body HTML readable away from the site', () => {
  it('makes site-relative links, images and srcset candidates absolute', () => {
    const html =
      '<p><a href="/tag/coast">Coast</a></p><picture><source srcset="/f/320.avif 320w, /f/640.avif 640w">' +
      '<img src="/f/320.jpg" alt="A &quot;train&quot;"></picture>';
    expect(toAbsoluteHtml(html, site)).toBe(
      '<p><a href="https://news.example/tag/coast">Coast</a></p><picture>' +
        '<source srcset="https://news.example/f/320.avif 320w, https://news.example/f/640.avif 640w">' +
        '<img src="https://news.example/f/320.jpg" alt="A &quot;train&quot;"></picture>',
    );
  });

  it('leaves absolute URLs, anchors and mail links alone', () => {
    const html =
      '<a href="https://rail.example/a?b=1&amp;c=2">x</a><a href="#notes">y</a><a href="mailto:desk@news.example">z</a>';
    expect(toAbsoluteHtml(html, site)).toBe(html);
  });

  it('keeps text escaped', () => {
    expect(toAbsoluteHtml('<p>1 &lt; 2 &amp; 3</p>', site)).toBe('<p>1 &lt; 2 &amp; 3</p>');
  });
});
