import { parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import type { Inline } from './body.types.js';
import {
  appendInlines,
  hasVisibleText,
  normalizeInlines,
  toCleanHref,
  toPlainText,
} from './inline-content.js';

function inlinesOf(html: string): Inline[] {
  const inlines: Inline[] = [];
  appendInlines(inlines, parseDocument(html).children, [], () => undefined);
  return normalizeInlines(inlines);
}

describe('inline content', () => {
  test('collapses whitespace across runs the way a browser shows it', () => {
    expect(inlinesOf('  Hello \n  <b> big </b>  world  ')).toEqual([
      { type: 'text', text: 'Hello ' },
      { type: 'text', text: 'big ', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'world' },
    ]);
  });

  test('merges neighbouring runs with the same marks, whatever order they were nested in', () => {
    expect(inlinesOf('<b><i>one</i></b><i><b> two</b></i>')).toEqual([
      { type: 'text', text: 'one two', marks: [{ type: 'bold' }, { type: 'italic' }] },
    ]);
  });

  test('keeps line breaks but trims space around them and drops them at the ends', () => {
    expect(inlinesOf('<br>first <br> second<br>')).toEqual([
      { type: 'text', text: 'first' },
      { type: 'break' },
      { type: 'text', text: 'second' },
    ]);
  });

  test('keeps safe links and drops the link, not the text, of unsafe ones', () => {
    expect(inlinesOf('<a href=" /news ">news</a> <a href="foo.html">here</a>')).toEqual([
      { type: 'text', text: 'news', marks: [{ type: 'link', href: '/news' }] },
      { type: 'text', text: ' here' },
    ]);
  });

  test('puts paragraphs nested in inline content on lines of their own', () => {
    expect(inlinesOf('<p>one</p><p>two</p>')).toEqual([
      { type: 'text', text: 'one' },
      { type: 'break' },
      { type: 'text', text: 'two' },
    ]);
  });

  test('hands images to the caller instead of losing them', () => {
    const media: string[] = [];
    appendInlines([], parseDocument('a <img src="/x.png"> b').children, [], (element) =>
      media.push(element.name),
    );
    expect(media).toEqual(['img']);
  });

  test('keeps spaces and turns newlines into breaks when whitespace is preserved', () => {
    const run = { type: 'text' as const, text: 'a  b\nc', marks: [{ type: 'code' as const }] };
    expect(normalizeInlines([run], { preserveWhitespace: true })).toEqual([
      { type: 'text', text: 'a  b', marks: [{ type: 'code' }] },
      { type: 'break' },
      { type: 'text', text: 'c', marks: [{ type: 'code' }] },
    ]);
  });

  test('splits text too long for one run into several', () => {
    const result = normalizeInlines([{ type: 'text', text: 'a'.repeat(250_000) }]);
    expect(result.map((inline) => (inline.type === 'text' ? inline.text.length : 0))).toEqual([
      100_000, 100_000, 50_000,
    ]);
  });
});

test('hasVisibleText ignores whitespace and breaks', () => {
  expect(hasVisibleText([{ type: 'text', text: '  ' }, { type: 'break' }])).toBe(false);
  expect(hasVisibleText([{ type: 'text', text: 'x' }])).toBe(true);
});

test('toCleanHref encodes stray spaces and refuses scripts', () => {
  expect(toCleanHref('https://example.com/my page')).toBe('https://example.com/my%20page');
  expect(toCleanHref('javascript:alert(1)')).toBeNull();
  expect(toCleanHref(undefined)).toBeNull();
});

test('toPlainText reads text on one line, skipping what it is told to', () => {
  const nodes = parseDocument('Storm <cite>Photo: AP</cite><br>damage').children;
  expect(toPlainText(nodes, (element) => element.name === 'cite')).toBe('Storm damage');
});
