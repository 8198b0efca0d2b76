import { describe, expect, test } from 'vitest';
import { markdownToBody } from './markdown-to-body.js';
import { renderBodyToHtml } from './render-body.js';

const text = (value: string) => ({ type: 'text', text: value });
const blocksOf = (markdown: string) => markdownToBody(markdown).blocks;

describe('markdownToBody', () => {
  test('converts headings, emphasis, links and lists', () => {
    expect(
      blocksOf(
        '## The vote\n\nTurnout was **high** in [the north](/north).\n\n1. First\n2. Second',
      ),
    ).toEqual([
      { type: 'heading', level: 2, content: [text('The vote')] },
      {
        type: 'paragraph',
        content: [
          text('Turnout was '),
          { type: 'text', text: 'high', marks: [{ type: 'bold' }] },
          text(' in '),
          { type: 'text', text: 'the north', marks: [{ type: 'link', href: '/north' }] },
          text('.'),
        ],
      },
      { type: 'list', ordered: true, items: [[text('First')], [text('Second')]] },
    ]);
  });

  test('turns a paragraph that is only a video or social URL into an embed', () => {
    expect(
      blocksOf(
        'https://youtu.be/dQw4w9WgXcQ\n\n<https://x.com/newsroom/status/1234567890>\n\nhttps://example.com/report',
      ),
    ).toEqual([
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        provider: 'youtube',
        title: '',
      },
      { type: 'embed', url: 'https://x.com/newsroom/status/1234567890', provider: 'x', title: '' },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'https://example.com/report',
            marks: [{ type: 'link', href: 'https://example.com/report' }],
          },
        ],
      },
    ]);
  });

  test('leaves a video URL inside a sentence as a link', () => {
    expect(blocksOf('Watch https://youtu.be/dQw4w9WgXcQ now')[0]?.type).toBe('paragraph');
  });

  test('turns a line of three dashes into a divider', () => {
    expect(blocksOf('Before\n\n---\n\nAfter')).toEqual([
      { type: 'paragraph', content: [text('Before')] },
      { type: 'divider' },
      { type: 'paragraph', content: [text('After')] },
    ]);
  });

  test.each(['<!-- paywall -->', '[paywall]'])(
    'turns %s on its own into the paywall marker',
    (marker) => {
      expect(blocksOf(`Free part\n\n${marker}\n\nPaid part`)).toEqual([
        { type: 'paragraph', content: [text('Free part')] },
        { type: 'paywall' },
        { type: 'paragraph', content: [text('Paid part')] },
      ]);
    },
  );

  test('keeps only one paywall marker when the writer adds two', () => {
    const types = blocksOf('a\n\n[paywall]\n\nb\n\n[paywall]\n\nc').map((block) => block.type);
    expect(types).toEqual(['paragraph', 'paywall', 'paragraph', 'paragraph']);
  });

  test('turns an image with a title into an image block captioned with the title', () => {
    const body = markdownToBody(
      '![A flooded street](/media/flood.jpg "The high street on Monday")',
      {
        resolveImage: () => ({ mediaId: 'media_7' }),
      },
    );
    expect(body.blocks).toEqual([
      {
        type: 'image',
        mediaId: 'media_7',
        src: '/media/flood.jpg',
        alt: 'A flooded street',
        caption: 'The high street on Monday',
        credit: '',
      },
    ]);
  });

  test('gives an empty body for empty Markdown', () => {
    expect(markdownToBody('  \n\n ')).toEqual({ version: 1, blocks: [] });
  });
});

describe('markdownToBody with hostile input', () => {
  const hostile = [
    'Safe text\n\n<script>alert("xss")</script>',
    'Safe text\n\n<img src=x onerror=alert(1)>',
    '[Safe text](javascript:alert(1))',
    '[Safe text](  javascript:alert(1)  )',
    '<a href="javascript:alert(1)">Safe text</a>',
    'Safe text\n\n![x](javascript:alert(1))',
    'Safe text\n\n<iframe src="https://evil.example/"></iframe>',
    'Safe text<style>body{display:none}</style>',
  ];

  test.each(hostile)('keeps the text but no script from %j', (markdown) => {
    const body = markdownToBody(markdown);
    expect(body.blocks).toEqual([{ type: 'paragraph', content: [text('Safe text')] }]);
    const html = renderBodyToHtml(body, {
      image: () => undefined,
      related: () => undefined,
      paywall: 'hide',
    });
    expect(html).toBe('<p>Safe text</p>');
  });
});
