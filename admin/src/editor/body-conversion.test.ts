import { describe, expect, it } from 'vitest';
import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import { parseBody } from '../../../src/features/content/body/validate-body.js';
import { toBodyDocument, toEditorDoc } from './body-conversion.js';
import { editorSchema } from './editor-schema.js';

const everyBlock: BodyDocument = {
  version: 1,
  blocks: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The first train left at ' },
        { type: 'text', text: '21:40', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'break' },
        { type: 'text', text: 'tickets', marks: [{ type: 'link', href: 'https://rail.example' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'code', marks: [{ type: 'strike' }, { type: 'code' }] },
      ],
    },
    { type: 'heading', level: 3, content: [{ type: 'text', text: 'What changes' }] },
    {
      type: 'list',
      ordered: true,
      items: [[{ type: 'text', text: 'One' }], [{ type: 'text', text: 'Two' }]],
    },
    { type: 'list', ordered: false, items: [[{ type: 'text', text: 'Bullet' }]] },
    {
      type: 'quote',
      content: [{ type: 'text', text: 'We are back.' }],
      attribution: 'The operator',
    },
    { type: 'quote', content: [{ type: 'text', text: 'Unattributed.' }] },
    { type: 'pullquote', text: 'Four years without a train', attribution: 'A commuter' },
    {
      type: 'image',
      mediaId: 'm1',
      src: '/content/files/m1.jpg',
      alt: 'A train at night',
      caption: 'The first departure.',
      credit: 'Ana Lind / Coast Wire',
    },
    {
      type: 'embed',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      provider: 'youtube',
      title: 'The ride',
    },
    { type: 'related', postId: 'p42' },
    { type: 'divider' },
    { type: 'paywall' },
  ],
};

describe('converting between the body and the editor document', () => {
  it('keeps every kind of block, mark and attribution through a round trip', () => {
    const doc = toEditorDoc(everyBlock);
    doc.check();
    expect(toBodyDocument(doc)).toEqual(everyBlock);
  });

  it('produces a body that the server accepts', () => {
    const body = toBodyDocument(toEditorDoc(everyBlock));
    expect(parseBody(body)).toEqual(everyBlock);
  });

  it('lists marks in one order, whatever order the body gave them in', () => {
    const body: BodyDocument = {
      version: 1,
      blocks: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'x',
              marks: [{ type: 'code' }, { type: 'link', href: '/a' }, { type: 'bold' }],
            },
          ],
        },
      ],
    };
    const [block] = toBodyDocument(toEditorDoc(body)).blocks;
    expect(block).toEqual({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'x',
          marks: [{ type: 'link', href: '/a' }, { type: 'bold' }, { type: 'code' }],
        },
      ],
    });
  });

  it('opens an empty body as one empty paragraph and saves it as no blocks', () => {
    const doc = toEditorDoc({ version: 1, blocks: [] });
    expect(doc.childCount).toBe(1);
    expect(doc.firstChild?.type.name).toBe('paragraph');
    expect(toBodyDocument(doc)).toEqual({ version: 1, blocks: [] });
  });

  it('drops empty paragraphs and an empty pull quote, which readers would see as gaps', () => {
    const { nodes } = editorSchema;
    const doc = nodes.doc.create(null, [
      nodes.paragraph.create(),
      nodes.paragraph.create(null, editorSchema.text('Kept')),
      nodes.pullquote.create({ attribution: 'Nobody' }),
      nodes.paragraph.create(),
    ]);
    expect(toBodyDocument(doc).blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Kept' }] },
    ]);
  });

  it('keeps the related post id but not the headline the editor shows for it', () => {
    const doc = editorSchema.nodes.doc.create(null, [
      editorSchema.nodes.related.create({ postId: 'p7', label: 'Another story' }),
    ]);
    expect(toBodyDocument(doc).blocks).toEqual([{ type: 'related', postId: 'p7' }]);
  });

  it('trims attribution and leaves it out when blank', () => {
    const { nodes } = editorSchema;
    const doc = nodes.doc.create(null, [
      nodes.quote.create({ attribution: '  ' }, editorSchema.text('Said')),
      nodes.pullquote.create({ attribution: ' Her ' }, editorSchema.text('Loud')),
    ]);
    expect(toBodyDocument(doc).blocks).toEqual([
      { type: 'quote', content: [{ type: 'text', text: 'Said' }] },
      { type: 'pullquote', text: 'Loud', attribution: 'Her' },
    ]);
  });
});
