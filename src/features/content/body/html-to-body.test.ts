import { describe, expect, test } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import type { Block } from './body.types.js';
import { htmlToBody } from './html-to-body.js';
import { renderBodyToHtml } from './render-body.js';
import { parseBody } from './validate-body.js';

const blocksOf = (html: string): Block[] => htmlToBody(html).blocks;
const text = (value: string) => ({ type: 'text', text: value });

describe('htmlToBody', () => {
  test('turns paragraphs with bold, italic, code, strikethrough and links into marked runs', () => {
    expect(
      blocksOf(
        '<p><strong>Big</strong> <em>news</em> <code>x</code> <del>old</del> <a href="https://example.com">here</a></p>',
      ),
    ).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Big', marks: [{ type: 'bold' }] },
          text(' '),
          { type: 'text', text: 'news', marks: [{ type: 'italic' }] },
          text(' '),
          { type: 'text', text: 'x', marks: [{ type: 'code' }] },
          text(' '),
          { type: 'text', text: 'old', marks: [{ type: 'strike' }] },
          text(' '),
          { type: 'text', text: 'here', marks: [{ type: 'link', href: 'https://example.com' }] },
        ],
      },
    ]);
  });

  test('maps h1 and h2 to level 2, h3 to 3 and h4 to h6 to 4', () => {
    const levels = blocksOf('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h6>e</h6>').map((block) =>
      block.type === 'heading' ? block.level : null,
    );
    expect(levels).toEqual([2, 2, 3, 4, 4]);
  });

  test('flattens nested lists into one list, in reading order', () => {
    expect(blocksOf('<ol><li>one<ul><li>one a</li></ul></li><li><p>two</p></li></ol>')).toEqual([
      { type: 'list', ordered: true, items: [[text('one')], [text('one a')], [text('two')]] },
    ]);
  });

  test('wraps loose text at the top level into paragraphs and drops empty ones', () => {
    expect(blocksOf('Loose <b>text</b><p>  </p><p><br></p><hr>more')).toEqual([
      {
        type: 'paragraph',
        content: [text('Loose '), { type: 'text', text: 'text', marks: [{ type: 'bold' }] }],
      },
      { type: 'divider' },
      { type: 'paragraph', content: [text('more')] },
    ]);
  });

  test('keeps line breaks inside a paragraph', () => {
    expect(blocksOf('<p>line one<br>line two</p>')).toEqual([
      { type: 'paragraph', content: [text('line one'), { type: 'break' }, text('line two')] },
    ]);
  });

  test('lifts an image out of a paragraph into its own block at the same place', () => {
    expect(
      blocksOf('<p>before <img src="https://cdn.example.com/a.jpg" alt="A"> after</p>'),
    ).toEqual([
      { type: 'paragraph', content: [text('before')] },
      {
        type: 'image',
        mediaId: null,
        src: 'https://cdn.example.com/a.jpg',
        alt: 'A',
        caption: '',
        credit: '',
      },
      { type: 'paragraph', content: [text('after')] },
    ]);
  });

  test('reads caption and credit from a figure, and resolves library images', () => {
    const html =
      '<figure><img src="/media/flood.jpg" alt="Flooded high street"><figcaption>The high street on Monday. <small class="credit">Photo: Jo Bloggs</small></figcaption></figure>' +
      '<figure><img src="https://cdn.example.com/b.jpg" alt=""><figcaption>Crowds <cite>Reuters</cite></figcaption></figure>';
    const body = htmlToBody(html, {
      resolveImage: (src) => (src === '/media/flood.jpg' ? { mediaId: 'media_42' } : null),
    });
    expect(body.blocks).toEqual([
      {
        type: 'image',
        mediaId: 'media_42',
        src: '/media/flood.jpg',
        alt: 'Flooded high street',
        caption: 'The high street on Monday.',
        credit: 'Photo: Jo Bloggs',
      },
      {
        type: 'image',
        mediaId: null,
        src: 'https://cdn.example.com/b.jpg',
        alt: '',
        caption: 'Crowds',
        credit: 'Reuters',
      },
    ]);
  });

  test('turns blockquotes into quotes with attribution, and pullquotes into pullquotes', () => {
    expect(
      blocksOf(
        '<blockquote><p>We will rebuild.</p><footer>— The mayor</footer></blockquote>' +
          '<blockquote class="pullquote">Nobody saw it coming <cite>Resident</cite></blockquote>',
      ),
    ).toEqual([
      { type: 'quote', content: [text('We will rebuild.')], attribution: 'The mayor' },
      { type: 'pullquote', text: 'Nobody saw it coming', attribution: 'Resident' },
    ]);
  });

  test('turns iframes from video hosts into embeds and drops iframes from anywhere else', () => {
    expect(
      blocksOf(
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Interview"></iframe>' +
          '<figure><iframe src="https://player.vimeo.com/video/76979871"></iframe><figcaption>The film</figcaption></figure>' +
          '<iframe src="https://ads.example.com/frame"></iframe>',
      ),
    ).toEqual([
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        provider: 'youtube',
        title: 'Interview',
      },
      { type: 'embed', url: 'https://vimeo.com/76979871', provider: 'vimeo', title: 'The film' },
    ]);
  });

  test('turns a pasted tweet embed into an X embed without its script', () => {
    const html =
      '<blockquote class="twitter-tweet"><p>Polls close at 10</p>&mdash; Newsroom (@newsroom) <a href="https://twitter.com/newsroom/status/1234567890?ref_src=twsrc">May 1</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>';
    expect(blocksOf(html)).toEqual([
      {
        type: 'embed',
        url: 'https://x.com/newsroom/status/1234567890',
        provider: 'x',
        title: 'X post',
      },
    ]);
  });

  test('keeps the first paywall marker only', () => {
    expect(blocksOf('<p>free</p><!-- paywall --><p>paid</p><hr class="paywall-marker">')).toEqual([
      { type: 'paragraph', content: [text('free')] },
      { type: 'paywall' },
      { type: 'paragraph', content: [text('paid')] },
    ]);
  });

  test('keeps preformatted text as code, line by line', () => {
    expect(blocksOf('<pre><code>a  = 1\nb = 2\n</code></pre>')).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'a  = 1', marks: [{ type: 'code' }] },
          { type: 'break' },
          { type: 'text', text: 'b = 2', marks: [{ type: 'code' }] },
        ],
      },
    ]);
  });

  test('reads through layout wrappers such as divs, spans and tables', () => {
    expect(
      blocksOf(
        '<div><section><span>one</span></section><table><tr><td>two</td></tr></table></div>',
      ),
    ).toEqual([
      { type: 'paragraph', content: [text('one')] },
      { type: 'paragraph', content: [text('two')] },
    ]);
  });

  test('decodes entities once and keeps markup-like text as text', () => {
    expect(blocksOf('<p>Fish &amp; chips &lt;b&gt;</p>')).toEqual([
      { type: 'paragraph', content: [text('Fish & chips <b>')] },
    ]);
  });

  test('produces a body that passes parseBody even from very long input', () => {
    const body = htmlToBody(
      `<p>${'word '.repeat(30_000)}</p><img src="/a.jpg" alt="${'x'.repeat(5_000)}">`,
    );
    expect(parseBody(body)).toBe(body);
  });

  test('refuses input with more blocks than a body may have', () => {
    expect(() => htmlToBody('<hr>'.repeat(2_001))).toThrow(AppError);
  });
});

describe('htmlToBody with hostile input', () => {
  const hostile = [
    '<script>alert("xss")</script><p>Safe text</p>',
    '<p>Safe text</p><img src="x" onerror="alert(1)">',
    '<p><a href="javascript:alert(1)">Safe text</a></p>',
    '<p><a href="JaVaScRiPt:alert(1)">Safe text</a></p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD4=">Safe text</a></p>',
    '<p onclick="alert(1)">Safe text</p><svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<p>Safe text</p><iframe src="javascript:alert(1)"></iframe><object data="x.swf"></object>',
    '<p style="background:url(javascript:alert(1))">Safe text</p><style>*{}</style>',
  ];

  test.each(hostile)('keeps the text but no script from %s', (html) => {
    const body = htmlToBody(html);
    expect(body.blocks).toEqual([{ type: 'paragraph', content: [text('Safe text')] }]);
    const rendered = renderBodyToHtml(body, {
      image: () => undefined,
      related: () => undefined,
      paywall: 'hide',
    });
    expect(rendered).toBe('<p>Safe text</p>');
  });
});
