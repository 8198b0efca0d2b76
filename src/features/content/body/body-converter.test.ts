import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, test } from 'vitest';
import { isAppError } from '../../../platform/errors.js';
import { createBodyConverter } from './body-converter.js';
import type { BodySource } from './body-source.js';

const size = 2_000_000;
const repeat = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const half = size / 2;

/** Shapes that made Markdown and HTML parsers quadratic, or overflowed the stack. */
const hostile: Record<string, BodySource> = {
  'emphasis runs (*a)': { format: 'markdown', text: repeat('*a') },
  'emphasis runs (_a)': { format: 'markdown', text: repeat('_a') },
  'strong runs (**a)': { format: 'markdown', text: repeat('**a') },
  'mixed emphasis (*_a)': { format: 'markdown', text: repeat('*_a') },
  'open brackets': { format: 'markdown', text: repeat('[') },
  'open images': { format: 'markdown', text: repeat('![') },
  'unclosed links': { format: 'markdown', text: repeat('[a](') },
  'nested brackets': { format: 'markdown', text: `${'['.repeat(half)}${']'.repeat(half)}` },
  'nested emphasis': { format: 'markdown', text: `${'*'.repeat(half - 1)}a${'*'.repeat(half)}` },
  'backtick runs': { format: 'markdown', text: repeat('`a') },
  'deep quotes': { format: 'markdown', text: repeat('>') },
  'deep lists': { format: 'markdown', text: repeat('- ') },
  'one long paragraph': { format: 'markdown', text: repeat('a\n') },
  'div nesting in Markdown': { format: 'markdown', text: repeat('<div>') },
  'div nesting': { format: 'html', text: repeat('<div>') },
  'inline nesting': { format: 'html', text: repeat('<b><i>') },
  'unclosed tags': { format: 'html', text: repeat('<a ') },
};

describe('converting hostile Markdown and HTML', () => {
  const converter = createBodyConverter();
  afterAll(() => converter.close());

  test.each(Object.entries(hostile))(
    '2 MB of %s is converted or refused with a message, never holding the event loop',
    async (_shape, source) => {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const outcome = await converter.convert(source).then(
        (body) => ({ blocks: body.blocks.length }),
        (error: unknown) => {
          if (!isAppError(error)) throw error;
          return { refused: error.code, message: error.message };
        },
      );
      delay.disable();
      if ('refused' in outcome) {
        expect(['body_too_complex', 'body_too_deep']).toContain(outcome.refused);
        expect(outcome.message).not.toBe('');
      }
      // The one timing bound: generous, so a busy machine passes; a parse on the event loop
      // takes seconds and fails it.
      expect(delay.max / 1e6).toBeLessThan(500);
    },
    120_000,
  );

  test('refuses Markdown quotes nested deeper than a body may hold', async () => {
    await expect(
      converter.convert({ format: 'markdown', text: '>'.repeat(100) + ' a' }),
    ).rejects.toMatchObject({
      code: 'body_too_deep',
    });
  });

  test('refuses HTML nested deeper than a body may hold', async () => {
    await expect(
      converter.convert({ format: 'html', text: '<div>'.repeat(200) + 'a' }),
    ).rejects.toMatchObject({
      code: 'body_too_deep',
    });
  });

  test(
    'converts long ordinary text in the worker thread to the same body as in place',
    { timeout: 120_000 },
    async () => {
      const paragraph = 'The council met on *Monday* and voted on [the budget](/budget).\n\n';
      const text = paragraph.repeat(200);
      // A deadline no machine misses: this is about the result, not the time.
      const patient = createBodyConverter({ deadlineMs: 120_000 });
      const inPlace = await createBodyConverter({ inlineUpTo: Infinity }).convert({
        format: 'markdown',
        text,
      });
      expect(await patient.convert({ format: 'markdown', text })).toEqual(inPlace);
      await patient.close();
      expect(inPlace.blocks).toHaveLength(200);
    },
  );
});
