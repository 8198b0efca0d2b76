import { expect, test } from 'vitest';
import { checkBlockRules } from './body-rules.js';

test('finds an unsafe link in a quote and leaves safe ones alone', () => {
  const content = [
    {
      type: 'text' as const,
      text: 'ok',
      marks: [{ type: 'link' as const, href: 'mailto:desk@example.com' }],
    },
    { type: 'break' as const },
    {
      type: 'text' as const,
      text: 'bad',
      marks: [{ type: 'bold' as const }, { type: 'link' as const, href: 'data:x' }],
    },
  ];
  expect(checkBlockRules({ type: 'quote', content }, 'body.blocks[0]').map((p) => p.field)).toEqual(
    ['body.blocks[0].content[2].marks[1].href'],
  );
});

test('accepts an embed whose provider matches its address', () => {
  const embed = {
    type: 'embed' as const,
    url: 'https://x.com/a/status/1',
    provider: 'x' as const,
    title: '',
  };
  expect(checkBlockRules(embed, 'body.blocks[0]')).toEqual([]);
});

test('has nothing to say about blocks without URLs', () => {
  expect(checkBlockRules({ type: 'pullquote', text: 'Hi' }, 'b')).toEqual([]);
  expect(checkBlockRules({ type: 'divider' }, 'b')).toEqual([]);
});
