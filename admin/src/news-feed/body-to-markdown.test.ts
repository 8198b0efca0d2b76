import { describe, expect, it } from 'vitest';
import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import { markdownToBody } from '../../../src/features/content/body/markdown-to-body.js';
import { toMarkdown } from './body-to-markdown.js';

describe('toMarkdown', () => {
  it('gives Markdown that the server turns back into the same body', () => {
    const body: BodyDocument = {
      version: 1,
      blocks: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Ferries stop at ' },
            { type: 'text', text: '9 pm', marks: [{ type: 'bold' }] },
            { type: 'text', text: ', says the ' },
            {
              type: 'text',
              text: 'port',
              marks: [{ type: 'link', href: 'https://port.example/' }],
            },
            { type: 'text', text: ' (2*3 [sic]).' },
          ],
        },
        {
          type: 'list',
          ordered: false,
          items: [[{ type: 'text', text: 'North pier' }], [{ type: 'text', text: 'South pier' }]],
        },
        { type: 'quote', content: [{ type: 'text', text: 'Stay home tonight.' }] },
      ],
    };
    const markdown = toMarkdown(body);
    expect(markdown).not.toBeNull();
    expect(markdownToBody(markdown ?? '')).toEqual(body);
  });

  it('gives null for a body with a block Markdown cannot say', () => {
    expect(
      toMarkdown({ version: 1, blocks: [{ type: 'pullquote', text: 'Never again.' }] }),
    ).toBeNull();
  });
});
