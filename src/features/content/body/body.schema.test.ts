import type { Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { BODY_LIMITS, BodyDocumentSchema } from './body.schema.js';
import type { BlockSchema } from './body.schema.js';
import type { Block, BodyDocument } from './body.types.js';

describe('BodyDocumentSchema', () => {
  test('describes exactly the BodyDocument type', () => {
    expectTypeOf<Static<typeof BodyDocumentSchema>>().toEqualTypeOf<BodyDocument>();
    expectTypeOf<Static<typeof BlockSchema>>().toEqualTypeOf<Block>();
  });

  const validator = Compile(BodyDocumentSchema);

  test('accepts a document using every block type', () => {
    const doc: BodyDocument = {
      version: 1,
      blocks: [
        { type: 'heading', level: 3, content: [{ type: 'text', text: 'Why it matters' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Read ', marks: [{ type: 'bold' }] },
            { type: 'break' },
            { type: 'text', text: 'more', marks: [{ type: 'link', href: '/more' }] },
          ],
        },
        { type: 'list', ordered: true, items: [[{ type: 'text', text: 'one' }]] },
        { type: 'quote', content: [{ type: 'text', text: 'We will' }], attribution: 'The mayor' },
        { type: 'pullquote', text: 'We will' },
        { type: 'image', mediaId: null, src: '/a.jpg', alt: 'A', caption: '', credit: '' },
        { type: 'embed', url: 'https://vimeo.com/1', provider: 'vimeo', title: 'Film' },
        { type: 'related', postId: 'post_1' },
        { type: 'divider' },
        { type: 'paywall' },
      ],
    };
    expect(validator.Check(doc)).toBe(true);
  });

  test('rejects unknown block types and extra properties', () => {
    expect(validator.Check({ version: 1, blocks: [{ type: 'script' }] })).toBe(false);
    expect(validator.Check({ version: 1, blocks: [{ type: 'divider', html: '<b>' }] })).toBe(false);
  });

  test('rejects headings other than levels 2 to 4, since level 1 is the headline', () => {
    const heading = (level: number) => ({
      version: 1,
      blocks: [{ type: 'heading', level, content: [] }],
    });
    expect(validator.Check(heading(1))).toBe(false);
    expect(validator.Check(heading(4))).toBe(true);
  });

  test('rejects a document with more blocks than the limit', () => {
    const blocks = Array.from({ length: BODY_LIMITS.blocks + 1 }, () => ({ type: 'divider' }));
    expect(validator.Check({ version: 1, blocks })).toBe(false);
  });
});
