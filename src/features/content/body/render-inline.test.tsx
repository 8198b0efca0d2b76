import { renderToString } from 'preact-render-to-string';
import { expect, test } from 'vitest';
import type { Inline } from './body.types.js';
import { InlineContent, Link } from './render-inline.js';

const html = (content: Inline[]) => renderToString(<InlineContent content={content} />);

test('renders marks as strong, em, s and code', () => {
  expect(
    html([
      { type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: 'b', marks: [{ type: 'strike' }] },
      { type: 'text', text: 'c', marks: [{ type: 'code' }] },
    ]),
  ).toBe('<strong><em>a</em></strong><s>b</s><code>c</code>');
});

test('renders runs sharing a link as one link', () => {
  const link = { type: 'link' as const, href: '/vote' };
  expect(
    html([
      { type: 'text', text: 'how ', marks: [link] },
      { type: 'text', text: 'to', marks: [{ type: 'bold' }, link] },
      { type: 'text', text: ' vote', marks: [link] },
    ]),
  ).toBe('<a href="/vote">how <strong>to</strong> vote</a>');
});

test('renders a line break as br', () => {
  expect(html([{ type: 'text', text: 'a' }, { type: 'break' }, { type: 'text', text: 'b' }])).toBe(
    'a<br/>b',
  );
});

test('escapes markup inside text', () => {
  expect(html([{ type: 'text', text: '<b>Breaking</b> & "live"' }])).toBe(
    '&lt;b>Breaking&lt;/b> &amp; &quot;live&quot;',
  );
});

test('marks external links noopener and leaves site and mail links alone', () => {
  expect(renderToString(<Link href="https://example.com">x</Link>)).toBe(
    '<a href="https://example.com" rel="noopener">x</a>',
  );
  expect(renderToString(<Link href="/about">x</Link>)).toBe('<a href="/about">x</a>');
  expect(renderToString(<Link href="mailto:desk@example.com">x</Link>)).toBe(
    '<a href="mailto:desk@example.com">x</a>',
  );
});

test('renders an unsafe link as plain text even if it skipped validation', () => {
  expect(
    html([{ type: 'text', text: 'click', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }]),
  ).toBe('click');
});
