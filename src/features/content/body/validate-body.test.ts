import { describe, expect, test } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import type { BodyDocument } from './body.types.js';
import { emptyBody, listBodyProblems, parseBody } from './validate-body.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function problemsOf(input: unknown) {
  try {
    parseBody(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('invalid_body');
    expect(appError.status).toBe(400);
    return appError.fields;
  }
  throw new Error('expected parseBody to reject the input');
}

describe('parseBody', () => {
  test('returns a valid body unchanged', () => {
    const body: BodyDocument = {
      version: 1,
      blocks: [
        { type: 'heading', level: 2, content: [{ type: 'text', text: 'Results' }] },
        { type: 'embed', url: 'https://youtu.be/dQw4w9WgXcQ', provider: 'youtube', title: 'Count' },
        { type: 'image', mediaId: 'media_1', src: '', alt: '', caption: '', credit: '' },
      ],
    };
    expect(parseBody(body)).toBe(body);
  });

  test('points at the exact mark whose link is a javascript: URL', () => {
    const blocks = [
      paragraph('one'),
      paragraph('two'),
      paragraph('three'),
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'click', marks: [{ type: 'link', href: 'javascript:alert(1)' }] },
        ],
      },
    ];
    expect(problemsOf({ version: 1, blocks })).toEqual([
      {
        field: 'body.blocks[3].content[0].marks[0].href',
        message:
          'must be a web address (https://…), an e-mail link (mailto:…) or a path on this site (/…)',
      },
    ]);
  });

  test('refuses data: links and protocol-relative links in list items', () => {
    const link = (href: string) => [{ type: 'text', text: 'x', marks: [{ type: 'link', href }] }];
    const blocks = [
      {
        type: 'list',
        ordered: false,
        items: [link('/ok'), link('data:text/html,x'), link('//evil')],
      },
    ];
    expect(problemsOf({ version: 1, blocks }).map((problem) => problem.field)).toEqual([
      'body.blocks[0].items[1][0].marks[0].href',
      'body.blocks[0].items[2][0].marks[0].href',
    ]);
  });

  test('names an unknown block type instead of listing every block shape', () => {
    expect(
      problemsOf({ version: 1, blocks: [paragraph('ok'), { type: 'script', src: 'x' }] }),
    ).toEqual([{ field: 'body.blocks[1].type', message: '"script" is not a known block type' }]);
  });

  test('names an unknown mark type inside a text run', () => {
    const blocks = [
      { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] },
    ];
    expect(problemsOf({ version: 1, blocks })).toEqual([
      {
        field: 'body.blocks[0].content[0].marks[0].type',
        message: '"blink" is not a known mark type',
      },
    ]);
  });

  test('reports a missing field and a wrong heading level with their paths', () => {
    const blocks = [{ type: 'heading', level: 1, content: [] }, { type: 'related' }];
    expect(problemsOf({ version: 1, blocks })).toEqual([
      { field: 'body.blocks[0].level', message: 'must be one of 2, 3, 4' },
      { field: 'body.blocks[1].postId', message: 'is required' },
    ]);
  });

  test('rejects a text run longer than 100,000 characters', () => {
    expect(problemsOf({ version: 1, blocks: [paragraph('a'.repeat(100_001))] })).toEqual([
      {
        field: 'body.blocks[0].content[0].text',
        message: 'is too long: it can have at most 100,000 characters',
      },
    ]);
  });

  test('rejects more than 2,000 blocks', () => {
    const blocks = Array.from({ length: 2_001 }, () => ({ type: 'divider' }));
    expect(problemsOf({ version: 1, blocks })).toEqual([
      { field: 'body.blocks', message: 'has too many blocks: at most 2,000 are allowed' },
    ]);
  });

  test('requires embeds to be https and to name the provider their address belongs to', () => {
    const blocks = [
      { type: 'embed', url: 'http://youtu.be/dQw4w9WgXcQ', provider: 'youtube', title: '' },
      { type: 'embed', url: 'https://vimeo.com/76979871', provider: 'youtube', title: '' },
      { type: 'embed', url: 'https://example.com', provider: 'x', title: '' },
    ];
    expect(problemsOf({ version: 1, blocks })).toEqual([
      {
        field: 'body.blocks[0].url',
        message: 'must be a secure web address starting with https://',
      },
      {
        field: 'body.blocks[1].provider',
        message: 'does not match the address, which is Vimeo ("vimeo")',
      },
      {
        field: 'body.blocks[2].provider',
        message: 'does not match the address, which is a plain link ("link")',
      },
    ]);
  });

  test('requires an image to come from the media library or a safe address', () => {
    const image = (mediaId: string | null, src: string) => ({
      type: 'image',
      mediaId,
      src,
      alt: 'a',
      caption: '',
      credit: '',
    });
    const blocks = [
      image(null, ''),
      image(null, 'data:image/png;base64,AAAA'),
      image('media_1', ''),
    ];
    expect(problemsOf({ version: 1, blocks }).map((problem) => problem.field)).toEqual([
      'body.blocks[0].src',
      'body.blocks[1].src',
    ]);
  });

  test('allows only one paywall marker', () => {
    const blocks = [{ type: 'paywall' }, paragraph('x'), { type: 'paywall' }];
    expect(problemsOf({ version: 1, blocks })).toEqual([
      { field: 'body.blocks[2]', message: 'is a second paywall marker: a body can have only one' },
    ]);
  });

  test('rejects anything that is not a version 1 document', () => {
    expect(problemsOf('<p>hello</p>')).toEqual([
      { field: 'body', message: 'must be a body document' },
    ]);
    expect(problemsOf({ version: 2, blocks: [] })).toEqual([
      { field: 'body.version', message: 'must be 1' },
    ]);
    expect(problemsOf({ version: 1, blocks: {} })).toEqual([
      { field: 'body.blocks', message: 'must be a list' },
    ]);
  });

  test('explains the first problem in the error message, saying which block to fix', () => {
    expect(() =>
      parseBody({ version: 1, blocks: [paragraph('ok'), { type: 'related', postId: '' }] }),
    ).toThrow(
      "The body can't be saved: in block 2, postId must not be empty. Correct it and save again.",
    );
  });

  test('says which block to fix when a whole block is wrong, and counts the other problems', () => {
    const blocks = [{ type: 'paywall' }, { type: 'paywall' }, { type: 'paywall' }];
    expect(() => parseBody({ version: 1, blocks })).toThrow(
      "The body can't be saved: block 2 is a second paywall marker: a body can have only one (and 1 more). Correct it and save again.",
    );
    expect(() => parseBody({ version: 3, blocks: [] })).toThrow(
      "The body can't be saved: version must be 1. Correct it and save again.",
    );
  });

  test('reports at most 50 problems however broken the input is', () => {
    const blocks = Array.from({ length: 200 }, () => ({ type: 'nope' }));
    expect(problemsOf({ version: 1, blocks })).toHaveLength(50);
    expect(listBodyProblems({ version: 1, blocks })).toHaveLength(200);
  });
});

describe('emptyBody', () => {
  test('gives a valid body with no blocks, a fresh one each time', () => {
    const body = emptyBody();
    expect(parseBody(body)).toEqual({ version: 1, blocks: [] });
    expect(emptyBody()).not.toBe(body);
  });
});
