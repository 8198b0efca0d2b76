import { describe, expect, test } from 'vitest';
import type { BodyDocument } from './body.types.js';
import { bodyToPlainText, countWords, excerpt, readingMinutes } from './body-to-text.js';

const text = (value: string) => ({ type: 'text' as const, text: value });

describe('bodyToPlainText', () => {
  test('gives what a reader reads, with blank lines between blocks and list items on lines', () => {
    const body: BodyDocument = {
      version: 1,
      blocks: [
        { type: 'heading', level: 2, content: [text('The vote')] },
        {
          type: 'paragraph',
          content: [
            text('Line one'),
            { type: 'break' },
            text('line '),
            { type: 'text', text: 'two', marks: [{ type: 'bold' }] },
          ],
        },
        { type: 'list', ordered: true, items: [[text('First')], [text('Second')]] },
        {
          type: 'image',
          mediaId: null,
          src: '/a.jpg',
          alt: 'Alt is not read',
          caption: 'Queues at noon',
          credit: 'AP',
        },
        { type: 'embed', url: 'https://youtu.be/dQw4w9WgXcQ', provider: 'youtube', title: 'Video' },
        { type: 'related', postId: 'p1' },
        { type: 'divider' },
        { type: 'paywall' },
        { type: 'quote', content: [text('We will rebuild.')], attribution: 'The mayor' },
        { type: 'image', mediaId: null, src: '/b.jpg', alt: '', caption: '', credit: '' },
      ],
    };
    expect(bodyToPlainText(body)).toBe(
      'The vote\n\nLine one\nline two\n\nFirst\nSecond\n\nQueues at noon\n\nWe will rebuild.\n— The mayor',
    );
  });

  test('gives an empty string for an empty body', () => {
    expect(bodyToPlainText({ version: 1, blocks: [] })).toBe('');
  });
});

describe('readingMinutes', () => {
  test('rounds up to whole minutes at 230 words a minute', () => {
    expect(readingMinutes('word '.repeat(230))).toBe(1);
    expect(readingMinutes('word '.repeat(231))).toBe(2);
    expect(readingMinutes('word '.repeat(1_000), 200)).toBe(5);
  });

  test('never says zero minutes', () => {
    expect(readingMinutes('')).toBe(1);
  });
});

describe('excerpt', () => {
  test('returns short text whole, on one line', () => {
    expect(excerpt('Polls close\n\nat ten.')).toBe('Polls close at ten.');
  });

  test('cuts long text at a word boundary and adds an ellipsis within the limit', () => {
    const result = excerpt(
      'The council voted on Monday to rebuild the bridge, despite objections.',
      40,
    );
    expect(result).toBe('The council voted on Monday to rebuild…');
    expect(result.length).toBeLessThanOrEqual(40);
  });

  test('drops trailing punctuation before the ellipsis', () => {
    expect(excerpt('Rain, wind, snow, hail and more', 12)).toBe('Rain, wind…');
  });

  test('cuts a single very long word without splitting an emoji', () => {
    expect(excerpt('a'.repeat(9) + '😀'.repeat(5), 11)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('countWords', () => {
  test('counts the runs between white space of every kind, as splitting on \\s would', () => {
    const samples = [
      '',
      '   ',
      'one',
      '  two  words ',
      'tabs\tand\nnew\r\nlines',
      'no\u00a0break and\u2009thin\u3000ideographic\ufeffmarks',
      'Київ — 1 грудня, 2026',
      'emoji 🎉 count 👩‍👩‍👧 as words',
    ];
    for (const sample of samples) {
      expect(countWords(sample)).toBe(sample.split(/\s+/u).filter((w) => w !== '').length);
    }
    expect(countWords('The vote, on\u00a0Tuesday: 41 to 9.')).toBe(7);
  });
});
